import { addMessageListener, browser } from './browser-api';
import { ExtensionMessage, isAllowedSender, type MessageReply } from '../messages/protocol';
import { message } from '../core/words/user-message';
import { ownOrigin } from './extension';

/** Worker side: one handler for every validated message from an allowed sender. */
export function handleMessages(handler: (message: ExtensionMessage, tabId: number | undefined) => Promise<MessageReply>): void {
  addMessageListener((raw, sender) => {
    const parsed = ExtensionMessage.safeParse(raw);
    if (!parsed.success || !isAllowedSender(parsed.data, sender, browser.runtime.id, ownOrigin())) return undefined;
    return handler(parsed.data, sender.tab?.id).catch((): MessageReply => ({ ok: false, error: message('replyFailed') }));
  });
}
