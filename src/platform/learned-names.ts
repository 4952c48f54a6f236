import browser from 'webextension-polyfill';
import { mergeLearnedNames, readLearnedStore, type LearnedNames } from '../core/learned-names';

/**
 * Account aliases learned from AWS's own role page (core/learned-names.ts). In `storage.local`
 * (this browser profile only, never synced); written by the worker only.
 */
const KEY = 'learned:account-names';

export type { LearnedNames };

export async function readLearnedNames(): Promise<LearnedNames> {
  return readLearnedStore((await browser.storage.local.get(KEY))[KEY]);
}

export async function recordLearnedNames(names: Readonly<Record<string, string>>, at: number): Promise<void> {
  await browser.storage.local.set({ [KEY]: mergeLearnedNames(await readLearnedNames(), names, at) });
}
