import browser from 'webextension-polyfill';
import type { RegionHealth } from '../core/health';

/** Endpoint health per partition, in session storage: shared by every picker, gone on restart. */
const key = (partition: string) => `health:${partition}`;

export type HealthByRegion = Record<string, RegionHealth>;

export async function readHealth(partition: string): Promise<HealthByRegion> {
  const stored = await browser.storage.session.get(key(partition));
  const value = stored[key(partition)];
  return value && typeof value === 'object' ? (value as HealthByRegion) : {};
}

export async function writeHealth(partition: string, health: HealthByRegion): Promise<void> {
  await browser.storage.session.set({ [key(partition)]: health });
}

export function watchHealth(partition: string, listener: (health: HealthByRegion) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[key(partition)];
    if (area === 'session' && change?.newValue && typeof change.newValue === 'object') listener(change.newValue as HealthByRegion);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
