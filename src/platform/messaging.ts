import browser from 'webextension-polyfill';
import { ExtensionMessage, isFromOwnPage, type MessageReply } from '../messages/protocol';
import { ownOrigin } from './extension';

/** Worker side: one handler for every validated message from our own pages. */
export function handleMessages(handler: (message: ExtensionMessage) => Promise<MessageReply>): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isFromOwnPage(sender, browser.runtime.id, ownOrigin())) return undefined;
    const parsed = ExtensionMessage.safeParse(raw);
    if (!parsed.success) return Promise.resolve<MessageReply>({ ok: false, error: 'Unknown message.' });
    return handler(parsed.data).catch(() => ({ ok: false, error: 'The extension could not do that.' }) as MessageReply);
  });
}

/** Page side. Resolves with the worker's reply; a worker that cannot be reached is an error value. */
export async function sendToWorker(message: ExtensionMessage): Promise<MessageReply> {
  try {
    return ((await browser.runtime.sendMessage(message)) as MessageReply | undefined) ?? { ok: false, error: 'No reply.' };
  } catch {
    return { ok: false, error: 'The extension worker could not be reached.' };
  }
}
