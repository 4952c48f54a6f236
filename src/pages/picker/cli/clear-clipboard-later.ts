import { sendToWorker } from '../../../platform/worker-client';

/**
 * Asks the worker to clear the clipboard a minute from now (the user's setting): the worker keeps the
 * time, so it holds once this page is gone. The message carries nothing but its type.
 */
export function clearClipboardLater(): void {
  void sendToWorker({ type: 'clipboard/clear-later' });
}
