import { readFailoverStore, recordCheck } from '../core/signin/failover-record';
import type { FailoverStore } from '../core/signin/failover-results';
import type { FailoverResult } from '../core/signin/failover-check';
import { storageItem } from './storage-item';

/**
 * The failover check's results per IdP app (core/signin/failover-results.ts), in `storage.local`: this
 * browser profile only, never synced. No secret in them. Written by the picker after a check.
 */
const checked = storageItem<unknown>('local', 'failover:checked');

export async function readFailoverResults(): Promise<FailoverStore> {
  return readFailoverStore(await checked.get());
}

export async function saveFailoverResults(appKey: string, check: { regions: readonly string[]; roleArns: readonly string[]; results: readonly FailoverResult[]; at: number }): Promise<void> {
  await checked.set(recordCheck(await readFailoverResults(), appKey, check));
}

/** Calls back with the results whenever a check is saved (by this picker or another). */
export function watchFailoverResults(listener: (store: FailoverStore) => void): () => void {
  return checked.watch((value) => listener(readFailoverStore(value)));
}
