import browser from 'webextension-polyfill';
import { accountContainer } from './account-container';
import { TARGET_BROWSER } from './browser-target';

/**
 * A console of one more role (several roles at once, issue H). Firefox: in a container of the
 * account's own (created on first use with the account's name and a colour of its own, reused
 * after), so the sessions stay apart. Chrome: a new tab beside the picker's; AWS's multi-session
 * setting decides whether the sessions stay apart there.
 */
const COLOURS = ['blue', 'turquoise', 'green', 'yellow', 'orange', 'red', 'pink', 'purple'] as const;

function colourOf(name: string): (typeof COLOURS)[number] {
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

export async function openConsoleTab(url: string, account: { readonly id: string; readonly name?: string | undefined }, openerTabId: number): Promise<void> {
  const cookieStoreId = TARGET_BROWSER === 'firefox' ? await accountContainer(account, colourOf(`AWS ${account.id}`)) : undefined;
  await browser.tabs.create({ url, active: false, ...(cookieStoreId ? { cookieStoreId } : { openerTabId }) });
}
