import type { Storage } from 'webextension-polyfill';
import { browser } from './browser-api';

/**
 * One stored value: its area, its key, and the four things done with it. Values come back as
 * `unknown`: whoever reads a value validates it before trusting it (storage is outside input too).
 */
export interface StorageItem<T> {
  readonly key: string;
  get(): Promise<unknown>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Calls back with each new value written (not on removal); returns a function that stops it. */
  watch(listener: (value: unknown) => void): () => void;
}

export type StorageAreaName = 'session' | 'local';

export function storageItem<T>(area: StorageAreaName, key: string): StorageItem<T> {
  const storage = browser.storage[area];
  return {
    key,
    get: async () => (await storage.get(key))[key],
    set: (value) => storage.set({ [key]: value }),
    remove: () => storage.remove(key),
    watch(listener) {
      const onChanged = (changes: Record<string, Storage.StorageChange>, changedArea: string) => {
        const change = changes[key];
        if (changedArea === area && Object.hasOwn(changes, key) && change?.newValue !== undefined) listener(change.newValue);
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}

/**
 * What is kept per tab in session storage: the captured sign-in (the assertion), what the picker
 * posted, the diagnosis of a refusal, the diagnosis page's one-time retry grant, a refused re-post
 * handed back to the picker to continue through STS, and when a sign-in could not be kept for the
 * picker (a time, nothing of the sign-in).
 */
export const TAB_ITEM_KINDS = ['capture', 'attempt', 'diagnosis', 'retry', 'continue', 'lost'] as const;
export type TabItemKind = (typeof TAB_ITEM_KINDS)[number];

export function tabItem<T>(kind: TabItemKind, tabId: number): StorageItem<T> {
  return storageItem<T>('session', `${kind}:${tabId}`);
}

/** Every value of one per-tab kind, with its tab, for sweeps. */
export async function allTabItems(kind: TabItemKind): Promise<Array<{ tabId: number; value: unknown }>> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(`${kind}:`))
    .map(([key, value]) => ({ tabId: Number(key.slice(kind.length + 1)), value }));
}

/** A tab closed: nothing kept for it survives. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(TAB_ITEM_KINDS.map((kind) => `${kind}:${tabId}`));
}
