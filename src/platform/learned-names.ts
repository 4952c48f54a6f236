// Learned account names, storage half: reads and writes them. What they are and how they merge is src/core/accounts/learned-names.ts.
import { mergeLearnedNames, readLearnedStore, type LearnedNames } from '../core/accounts/learned-names';
import { storageItem } from './storage-item';

/**
 * Account aliases learned from AWS's own role page (core/accounts/learned-names.ts). In `storage.local`
 * (this browser profile only, never synced); written by the worker only.
 */
const learned = storageItem<LearnedNames>('local', 'learned:account-names');

export type { LearnedNames };

export async function readLearnedNames(): Promise<LearnedNames> {
  return readLearnedStore(await learned.get());
}

/** Writes queued one after another: two role pages reporting at the same instant both count. */
let writes: Promise<void> = Promise.resolve();

export function recordLearnedNames(names: Readonly<Record<string, string>>, at: number): Promise<void> {
  const write = writes.then(async () => learned.set(mergeLearnedNames(await readLearnedNames(), names, at)));
  writes = write.catch(() => undefined);
  return write;
}
