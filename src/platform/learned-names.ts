import { storageItem } from './storage-item';

/**
 * Account aliases learned from AWS's own role page (issue I), with the day they were read; the
 * user's own names always win over them. In `storage.local` (this browser profile only, never
 * synced); written by the worker.
 */
const learned = storageItem<LearnedNames>('local', 'learned:account-names');
const MAX = 5_000;

export type LearnedNames = Record<string, { readonly name: string; readonly at: number }>;

export async function readLearnedNames(): Promise<LearnedNames> {
  const stored = await learned.get();
  if (!stored || typeof stored !== 'object') return {};
  const out: LearnedNames = Object.create(null) as LearnedNames;
  for (const [id, value] of Object.entries(stored as Record<string, unknown>)) {
    const v = value as { name?: unknown; at?: unknown } | null;
    if (/^\d{12}$/.test(id) && v && typeof v.name === 'string' && v.name.length <= 64 && typeof v.at === 'number') out[id] = { name: v.name, at: v.at };
  }
  return out;
}

export async function recordLearnedNames(names: Readonly<Record<string, string>>, at: number): Promise<void> {
  const known = await readLearnedNames();
  for (const [id, name] of Object.entries(names)) known[id] = { name, at };
  const kept = Object.entries(known).sort((a, b) => b[1].at - a[1].at).slice(0, MAX);
  await learned.set(Object.fromEntries(kept));
}
