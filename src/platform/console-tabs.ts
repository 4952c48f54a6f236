import browser from 'webextension-polyfill';
import { TARGET_BROWSER } from './browser-target';
import type { AccountColour } from '../core/account-colours';

/**
 * A console of one more role (several roles at once, issue H). Firefox: in a container of the
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

async function containerFor(name: string, colour: AccountColour | undefined): Promise<string | undefined> {
  try {
    const found = (await browser.contextualIdentities.query({ name }))[0];
    if (!found) return (await browser.contextualIdentities.create({ name, color: colour ?? colourOf(name), icon: 'briefcase' })).cookieStoreId;
    // The user set (or changed) the account's colour since the container was made.
    if (colour && found.color !== colour) await browser.contextualIdentities.update(found.cookieStoreId, { color: colour }).catch(() => undefined);
    return found.cookieStoreId;
  } catch {
    // Containers switched off (privacy.userContext.enabled): a plain tab.
    return undefined;
  }
}

export async function openConsoleTab(url: string, account: string, openerTabId: number, colour?: AccountColour): Promise<void> {
  const cookieStoreId = TARGET_BROWSER === 'firefox' ? await containerFor(`AWS ${account}`.slice(0, 64), colour) : undefined;
  await browser.tabs.create({ url, active: false, ...(cookieStoreId ? { cookieStoreId } : { openerTabId }) });
}
