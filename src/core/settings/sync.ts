// Settings in chrome.storage.sync, which caps each item and the whole area: the `settings` item holds the small
// fields and, under `chunks`, how many `settings:<field>:<n>` items (lists of entries) each large field took.
import { FIELD_ROWS, type Settings } from './fields';
import { isRecord } from './values';

export const SYNC_KEY_PREFIX = 'settings';
/** chrome.storage.sync quotas (developer.chrome.com/docs/extensions/reference/api/storage, "sync"). */
export const SYNC_LIMITS = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 } as const;
const CHUNKED = FIELD_ROWS.flatMap(([key, f]) => (f.chunked ? [{ key, as: f.chunked }] : []));
const chunkKey = (field: string, n: number): string => `${SYNC_KEY_PREFIX}:${field}:${n}`;
/** An item's size as Chrome counts it (key + JSON), in UTF-8 bytes: never less than Chrome's count. */
export const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** The items to write; stored `settings:*` keys not among them are to be removed (staleSyncKeys). */
export function splitForSync(settings: Settings): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  const main: Record<string, unknown> = { ...settings, chunks: {} };
  for (const { key, as } of CHUNKED) {
    // A map of lists goes as [key, entry] pairs, so that no entry is large.
    const value = settings[key] as Record<string, unknown[]>;
    const atoms = as === 'list' ? (value as unknown as unknown[]) : as === 'map' ? Object.entries(value) : Object.entries(value).flatMap(([k, list]) => list.map((e) => [k, e]));
    const chunks: unknown[][] = [];
    let size = Infinity; // of the last chunk as stored: its key, "[", each atom with the "," or "]" after it
    for (const json of atoms.map((atom) => JSON.stringify(atom))) {
      const bytes = utf8Length(json) + 1;
      if (size + bytes > SYNC_LIMITS.QUOTA_BYTES_PER_ITEM) size = utf8Length(chunkKey(key, chunks.push([]) - 1)) + 1;
      chunks.at(-1)!.push(JSON.parse(json));
      size += bytes;
    }
    chunks.forEach((chunk, n) => (items[chunkKey(key, n)] = chunk));
    delete main[key];
    (main['chunks'] as Record<string, number>)[key] = chunks.length;
  }
  items[SYNC_KEY_PREFIX] = main;
  return items;
}

/** Settings joined from the items, for migrateSettings. A chunk not arrived yet (sync is not atomic) leaves its entries out. */
export function joinFromSync(items: Readonly<Record<string, unknown>>): unknown {
  const main = items[SYNC_KEY_PREFIX];
  if (!isRecord(main)) return main;
  const { chunks, ...settings } = main;
  for (const { key, as } of CHUNKED) {
    const count = isRecord(chunks) ? chunks[key] : undefined;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > SYNC_LIMITS.MAX_ITEMS) continue;
    const atoms = Array.from({ length: count }, (_, n) => items[chunkKey(key, n)]).flatMap((c) => (Array.isArray(c) ? (c as unknown[]) : []));
    const pairs = atoms.filter((a): a is [string, unknown] => Array.isArray(a) && a.length === 2 && typeof a[0] === 'string');
    const apps = new Map<string, unknown[]>();
    for (const [app, entry] of as === 'map-of-lists' ? pairs : []) apps.set(app, [...(apps.get(app) ?? []), entry]);
    settings[key] = as === 'list' ? atoms : Object.fromEntries(as === 'map' ? pairs : apps);
  }
  return settings;
}

export const staleSyncKeys = (storedKeys: readonly string[], items: Readonly<Record<string, unknown>>): string[] =>
  storedKeys.filter((k) => k.startsWith(`${SYNC_KEY_PREFIX}:`) && !(k in items));

/** Whether the settings, split, fit the quotas; `bytes` is what counts against QUOTA_BYTES. */
export function fitsSyncQuota(settings: Settings): { fits: boolean; bytes: number; largestItem: number; items: number } {
  const sizes = Object.entries(splitForSync(settings)).map(([key, value]) => utf8Length(key) + utf8Length(JSON.stringify(value)));
  const [bytes, largestItem] = [sizes.reduce((a, b) => a + b, 0), Math.max(...sizes)];
  const fits = bytes <= SYNC_LIMITS.QUOTA_BYTES && largestItem <= SYNC_LIMITS.QUOTA_BYTES_PER_ITEM && sizes.length <= SYNC_LIMITS.MAX_ITEMS;
  return { fits, bytes, largestItem, items: sizes.length };
}
