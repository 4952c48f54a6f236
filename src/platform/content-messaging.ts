import type { ExtensionMessage } from '../messages/protocol';

/**
 * Content-script side of messaging. Uses the `chrome` namespace directly (Chrome and Firefox
 * both provide it with promises in MV3) so the content script stays a few hundred bytes.
 */
export function sendFromContentScript(message: ExtensionMessage): void {
  chrome.runtime.sendMessage(message).catch(() => undefined);
}
