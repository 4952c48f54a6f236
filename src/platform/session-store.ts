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

/** Removes captures older than `maxAgeMs`: no assertion lives that long, whatever else went wrong. */
export async function removeCapturesOlderThan(maxAgeMs: number, now = Date.now()): Promise<void> {
  const all = await browser.storage.session.get(null);
  const stale = Object.entries(all)
    .filter(([key, value]) => {
      if (!key.startsWith(CAPTURE_KEY_PREFIX)) return false;
      const capturedAt = (value as { capturedAt?: unknown } | undefined)?.capturedAt;
      return typeof capturedAt !== 'number' || now - capturedAt > maxAgeMs;
    })
    .map(([key]) => key);
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
