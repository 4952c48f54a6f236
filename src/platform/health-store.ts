import browser from 'webextension-polyfill';
import type { RegionHealth } from '../core/health';

/**
 * Endpoint health per partition and service (SAML sign-in, STS), in session storage: shared by
 * every picker, gone on restart.
 */
export type HealthService = 'signin' | 'sts';
const key = (partition: string, service: HealthService = 'signin') => (service === 'signin' ? `health:${partition}` : `health:${service}:${partition}`);

export type HealthByRegion = Record<string, RegionHealth>;

export async function readHealth(partition: string, service: HealthService = 'signin'): Promise<HealthByRegion> {
  const stored = await browser.storage.session.get(key(partition, service));
  const value = stored[key(partition, service)];
  return value && typeof value === 'object' ? (value as HealthByRegion) : {};
}

export async function writeHealth(partition: string, health: HealthByRegion, service: HealthService = 'signin'): Promise<void> {
  await browser.storage.session.set({ [key(partition, service)]: health });
}

export function watchHealth(partition: string, listener: (health: HealthByRegion) => void, service: HealthService = 'signin'): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[key(partition, service)];
    if (area === 'session' && change?.newValue && typeof change.newValue === 'object') listener(change.newValue as HealthByRegion);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
