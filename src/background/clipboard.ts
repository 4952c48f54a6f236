// The clipboard, worker half: clears copied credentials when due. The browser calls are src/platform/clipboard.ts.
import { CLEAR_COPIED_AFTER_MS } from '../core/base/limits';
import { clearClipboard, clearClipboardAt, onClipboardClearDue } from '../platform/clipboard';

/**
 * "Clear copied credentials from the clipboard after a minute": the picker asks after each copy,
 * and the worker keeps the time (an alarm), so it holds even once the picker's tab is gone.
 */
export function clearClipboardLater(now: number): Promise<void> {
  return clearClipboardAt(now + CLEAR_COPIED_AFTER_MS);
}

export function listenForClipboardClear(): void {
  onClipboardClearDue(() => {
    clearClipboard().catch(() => console.error('Could not clear the clipboard.'));
  });
}
