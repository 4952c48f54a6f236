// Private windows, browser half: whether a page or tab is in one. What may be kept from one is src/core/base/private-window.ts.
import { browser } from './browser-api';

// Whether a page or a tab is in a private (incognito) window. Chrome in split mode runs our pages
// and a worker of their own there (extension.inIncognitoContext); Firefox runs one event page for
// both kinds of window, so the tab says it (tab.incognito).

/** Whether the page calling this is in a private window. */
export async function pageInPrivateWindow(): Promise<boolean> {
  if (browser.extension.inIncognitoContext) return true;
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  return tab?.incognito ?? false;
}

/** Whether a tab is in a private window (a tab that is gone: as the context calling this). */
export async function tabInPrivateWindow(tabId: number | undefined): Promise<boolean> {
  const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
  return tab?.incognito ?? browser.extension.inIncognitoContext ?? false;
}
