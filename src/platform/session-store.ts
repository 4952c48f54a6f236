import browser from 'webextension-polyfill';
import { CAPTURE_KEY_PREFIX, captureKey, type CapturedSignin } from '../core/captured-signin';

/**
 * The only place the assertion is ever stored: `storage.session` (memory only, gone when the
 * browser closes), readable by our own pages and worker but not by content scripts.
 */
export async function restrictSessionStorage(): Promise<void> {
  // Firefox has no setAccessLevel: its session storage is already limited to privileged pages.
  const session = browser.storage.session as typeof browser.storage.session & {
    setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
  };
  await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

export async function saveCapture(capture: CapturedSignin): Promise<void> {
  await browser.storage.session.set({ [captureKey(capture.tabId)]: capture });
}

/** The stored value as is: callers validate it (captured-signin-schema.ts) before trusting it. */
export async function readCapture(tabId: number): Promise<unknown> {
  const key = captureKey(tabId);
  const stored = await browser.storage.session.get(key);
  return stored[key];
}

export async function removeCapture(tabId: number): Promise<void> {
  await browser.storage.session.remove(captureKey(tabId));
}

/** Removes every capture whose tab no longer exists or whose assertion has been posted. */
export async function removeCapturesExcept(keepTabIds: ReadonlySet<number>): Promise<void> {
  const all = await browser.storage.session.get(null);
  const stale = Object.keys(all).filter(
    (key) => key.startsWith(CAPTURE_KEY_PREFIX) && !keepTabIds.has(Number(key.slice(CAPTURE_KEY_PREFIX.length))),
  );
  if (stale.length) await browser.storage.session.remove(stale);
}

/** Calls back whenever the capture for a tab is written; returns a function that stops listening. */
export function watchCapture(tabId: number, listener: (stored: unknown) => void): () => void {
  const key = captureKey(tabId);
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[key];
    if (area === 'session' && change && change.newValue !== undefined) listener(change.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
