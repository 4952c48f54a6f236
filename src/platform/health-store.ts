import type { RegionHealth } from '../core/health/probe';
import { storageItem } from './storage-item';

/**
 * Endpoint health per partition and service (SAML sign-in, STS), in session storage: shared by
 * every picker, gone on restart.
 */
export type HealthService = 'signin' | 'sts';
const item = (partition: string, service: HealthService) =>
  storageItem<HealthByRegion>('session', service === 'signin' ? `health:${partition}` : `health:${service}:${partition}`);

export type HealthByRegion = Record<string, RegionHealth>;

export async function readHealth(partition: string, service: HealthService = 'signin'): Promise<HealthByRegion> {
  const value = await item(partition, service).get();
  return value && typeof value === 'object' ? (value as HealthByRegion) : {};
}

export async function writeHealth(partition: string, health: HealthByRegion, service: HealthService = 'signin'): Promise<void> {
  await item(partition, service).set(health);
}

export function watchHealth(partition: string, listener: (health: HealthByRegion) => void, service: HealthService = 'signin'): () => void {
  return item(partition, service).watch((value) => {
    if (value && typeof value === 'object') listener(value as HealthByRegion);
  });
}
