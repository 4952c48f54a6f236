import { browser } from './browser-api';
import { accountContainer } from './account-container';
import { HAS_CONTAINERS } from './browser-target';
import type { AccountColour } from '../core/accounts/colours';

/**
 * A console of one more role (several roles at once). Firefox: in a container of the
 * account's own (created on first use with the account's name, reused after), so the sessions stay
 * apart. Its colour is the account's colour when one is set (the palette is Firefox's own set of
 * container colours, so each maps to itself), else one of its own from the name. Chrome: a new tab beside the picker's; AWS's multi-session
 * setting decides whether the sessions stay apart there.
 */
const COLOURS = ['blue', 'turquoise', 'green', 'yellow', 'orange', 'red', 'pink', 'purple'] as const;

function colourOf(name: string): (typeof COLOURS)[number] {
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

export async function openConsoleTab(
  url: string,
  account: { readonly id: string; readonly name?: string | undefined },
  openerTabId: number,
  colour?: AccountColour,
): Promise<void> {
  // The account's own colour when the user set one (and kept up to date), else one from its ID.
  const cookieStoreId = HAS_CONTAINERS ? await accountContainer(account, colour ?? colourOf(`AWS ${account.id}`), colour !== undefined) : undefined;
  await browser.tabs.create({ url, active: false, ...(cookieStoreId ? { cookieStoreId } : { openerTabId }) });
}
