import { browser } from './browser-api';
import { message as userMessage } from '../core/words/user-message';
import type { ExtensionMessage, MessageReply } from '../messages/protocol';

// Pages only send (health, clipboard clearing): the worker validates (src/platform/messaging.ts), so a
// page loads none of the protocol's checks.

/** Page side. Resolves with the worker's reply; a worker that cannot be reached is an error value. */
export async function sendToWorker(message: ExtensionMessage): Promise<MessageReply> {
  try {
    return ((await browser.runtime.sendMessage(message)) as MessageReply | undefined) ?? { ok: false, error: userMessage('replyNone') };
  } catch {
    return { ok: false, error: userMessage('replyWorkerUnreachable') };
  }
}
