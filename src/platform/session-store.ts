import { browser } from './browser-api';
import type { CapturedSignin } from '../core/captured-signin';
import { allTabItems, tabItem } from './storage-item';

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

const capture = (tabId: number) => tabItem<CapturedSignin>('capture', tabId);

// The worker's writes and removals of captures, one after another: a removal that checks which
// capture it removes must not interleave with the write of a newer one.
let captureChanges: Promise<unknown> = Promise.resolve();
function inTurn<T>(change: () => Promise<T>): Promise<T> {
  const next = captureChanges.then(change);
  captureChanges = next.catch(() => undefined);
  return next;
}

export function saveCapture(captured: CapturedSignin): Promise<void> {
  return inTurn(() => capture(captured.tabId).set(captured));
}

/** The stored value as is: callers validate it (captured-signin-schema.ts) before trusting it. */
export function readCapture(tabId: number): Promise<unknown> {
  return capture(tabId).get();
}

/**
 * Forgets the tab's capture. `capturedBy`: only if it was captured at or before that time (ms since
 * epoch), so that the end of one sign-in (AWS answered its re-post, its console opened) never takes
 * away the next one the IdP posted in the same tab meanwhile.
 */
export function removeCapture(tabId: number, capturedBy?: number): Promise<void> {
  return inTurn(async () => {
    if (capturedBy !== undefined) {
      const capturedAt = ((await capture(tabId).get()) as { capturedAt?: unknown } | undefined)?.capturedAt;
      if (typeof capturedAt === 'number' && capturedAt > capturedBy) return;
    }
    await capture(tabId).remove();
  });
}

/** Removes captures older than `maxAgeMs`: no assertion lives that long, whatever else went wrong. */
export async function removeCapturesOlderThan(maxAgeMs: number, now = Date.now()): Promise<void> {
  const stale = (await allTabItems('capture')).filter(({ value }) => {
    const capturedAt = (value as { capturedAt?: unknown } | undefined)?.capturedAt;
    return typeof capturedAt !== 'number' || now - capturedAt > maxAgeMs;
  });
  await Promise.all(stale.map(({ tabId }) => capture(tabId).remove()));
}

/** Calls back whenever the capture for a tab is written; returns a function that stops listening. */
export function watchCapture(tabId: number, listener: (stored: unknown) => void): () => void {
  return capture(tabId).watch(listener);
}
