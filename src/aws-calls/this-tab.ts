import { message, type UserMessage } from '../core/words/user-message';
import { currentTabId } from '../platform/extension';

type NotInTab = 'replyPickerTabSignin' | 'replyPickerTabNames' | 'replyPickerTabCredentials' | 'replyPickerTabFailover';

/**
 * Runs a click's calls for the tab this page is in: they use that tab's captured assertion. A page
 * outside a tab (a popup) has no capture to use, and gets `notInTab`'s sentence.
 */
export async function inThisTab<R>(notInTab: NotInTab, run: (tabId: number) => Promise<R>): Promise<R | { readonly ok: false; readonly error: UserMessage }> {
  const tabId = await currentTabId();
  return tabId === undefined ? { ok: false, error: message(notInTab) } : run(tabId);
}
