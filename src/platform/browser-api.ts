import type { Browser, Runtime } from 'webextension-polyfill';
import { TARGET_BROWSER } from './browser-target';

/**
 * The extension APIs, with promises, in both browsers and without a polyfill in either bundle.
 *
 * - Firefox: its own `browser` namespace. webextension-polyfill hands back that very object in
 *   Firefox (it wraps nothing there), so leaving the polyfill out changes nothing.
 * - Chrome: the `chrome` namespace. Chrome 123 (our minimum_chrome_version) returns a promise from
 *   every call this extension makes through it (storage, tabs, action, permissions,
 *   declarativeNetRequest, runtime) and has the same events, so the polyfill's types, which
 *   describe the promise form, describe it too. The one difference that matters is an
 *   `onMessage` listener's reply: Chrome does not take a returned promise as the reply, so
 *   `runtime.onMessage` is left out of this type and `addMessageListener` below bridges it.
 *
 * Firefox-only namespaces (`contextualIdentities`) are undefined in Chrome, as they were with the
 * polyfill: their callers check browser-target.ts first. The choice is fixed per build, so each
 * bundle keeps only its own branch; outside an extension (unit tests) it is undefined.
 */
export type ExtensionApi = Omit<Browser, 'runtime'> & { readonly runtime: Omit<Browser['runtime'], 'onMessage'> };

const globals = globalThis as unknown as { readonly browser?: Browser; readonly chrome?: Browser };

export const browser: ExtensionApi = (TARGET_BROWSER === 'firefox' ? globals.browser : globals.chrome) as Browser;

/**
 * Listens for runtime messages; the listener's promise is the reply, and `undefined` means none
 * (the sender's promise then resolves or rejects without a reply, as the browser decides).
 */
export function addMessageListener(listener: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined): void {
  if (TARGET_BROWSER === 'firefox') {
    (globals.browser as Browser).runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => listener(message, sender));
    return;
  }
  // Chrome: reply through sendResponse and return true to keep the channel open until it is called.
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply?: unknown) => void) => {
    const reply = listener(message, sender);
    if (!reply) return false;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}
