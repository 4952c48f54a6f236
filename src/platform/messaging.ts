import { addMessageListener, browser } from './browser-api';
import { isAllowedSender, readExtensionMessage, type ExtensionMessage, type MessageReply } from '../messages/protocol';
import { message as userMessage } from '../core/words/user-message';
import { ownOrigin } from './extension';

/** Worker side: one handler for every validated message from an allowed sender. */
export function handleMessages(handler: (message: ExtensionMessage, tabId: number | undefined) => Promise<MessageReply>): void {
  addMessageListener((raw, sender) => {
    const message = readExtensionMessage(raw);
    if (!message || !isAllowedSender(message, sender, browser.runtime.id, ownOrigin())) return undefined;
    return handler(message, sender.tab?.id).catch((): MessageReply => ({ ok: false, error: userMessage('replyFailed') }));
  });
}
