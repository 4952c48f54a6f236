import { browser } from './browser-api';
import { CAPTURE_MAX_AGE_MS, type CapturedSignin } from '../core/signin/capture';
import { checkCapturedSignin } from '../core/signin/capture-check';
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

/** When the tab's last sign-in could not be stored: the picker says so rather than "none was captured". */
const lostCapture = (tabId: number) => tabItem<number>('lost', tabId);

/**
 * Keeps the tab's capture. When the area is full (Chrome: 10 MB, which pages posting to AWS sign-in
 * from several tabs can fill), captures no picker can use are dropped and the write tried once more;
 * if it still fails, the tab's earlier capture goes too and the failure is noted for its picker.
 */
export function saveCapture(captured: CapturedSignin): Promise<void> {
  const item = capture(captured.tabId);
  return inTurn(async () => {
    try {
      return await item.set(captured);
    } catch {
      await removeCapturesOlderThan(CAPTURE_MAX_AGE_MS);
    }
    try {
      return await item.set(captured);
    } catch (error) {
      await item.remove().catch(() => undefined);
      await lostCapture(captured.tabId).set(captured.capturedAt).catch(() => undefined);
      throw error;
    }
  });
}

/** Whether the tab's sign-in was lost (noted at or after `since`); forgets the note. */
export async function takeLostCapture(tabId: number, since: number): Promise<boolean> {
  const at = await lostCapture(tabId).get();
  if (at === undefined) return false;
  await lostCapture(tabId).remove();
  return typeof at === 'number' && at >= since;
}

/** Calls back when the worker notes that the tab's sign-in could not be kept. */
export function watchLostCapture(tabId: number, listener: () => void): () => void {
  return lostCapture(tabId).watch(listener);
}

/** The stored value as is: callers validate it (core/signin/capture-check.ts) before trusting it. */
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

/**
 * Removes captures older than `maxAgeMs` (no assertion lives that long, whatever else went wrong)
 * and any that no picker would accept (it fails validation).
 */
export async function removeCapturesOlderThan(maxAgeMs: number, now = Date.now()): Promise<void> {
  const unusable = (await allTabItems('capture')).filter(({ value }) => {
    const capture = checkCapturedSignin(value);
    return !capture || now - capture.capturedAt > maxAgeMs;
  });
  await Promise.all(unusable.map(({ tabId }) => capture(tabId).remove()));
}

/** Calls back whenever the capture for a tab is written; returns a function that stops listening. */
export function watchCapture(tabId: number, listener: (stored: unknown) => void): () => void {
  return capture(tabId).watch(listener);
}
