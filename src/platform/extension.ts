import { browser } from './browser-api';

/** Our pages, as paths inside the extension (the DNR rule in public/rules names the picker too). */
export const PICKER_PATH = '/src/pages/picker/index.html';
export const DIAGNOSIS_PATH = '/src/pages/diagnosis/index.html';

/** Origin of our own pages (`chrome-extension://<id>` or `moz-extension://<uuid>`). */
export function ownOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** Id of the tab an extension page runs in, or undefined in a popup or frame. */
export async function currentTabId(): Promise<number | undefined> {
  const tab = await browser.tabs.getCurrent();
  return tab?.id;
}

/** The extension was updated to this version (the browser's own update, or a reload of an unpacked copy). */
export function onUpdated(listener: (previousVersion: string | undefined) => void): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'update') listener(details.previousVersion);
  });
}

export function onTabClosed(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

/** Navigates one of the user's tabs (the picker's own, to the console or the diagnosis page). */
export async function openInTab(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url });
}

export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
