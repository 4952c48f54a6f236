// Settings in chrome.storage.sync: Chrome caps each item and the whole area, so the large maps
// (account names, recent sign-ins, …) are split over several items, each under the per-item quota.
// Item layout: `settings` holds the small fields and, under `chunks`, how many items each large
// field was split into; `settings:<field>:<n>` holds a list of that field's entries.
import { isRecord } from './values';
import { FIELD_ROWS, type ChunkedAs, type Settings, type SettingsKey } from './fields';
import { SYNC_KEY_PREFIX } from './glance';

/**
 * chrome.storage.sync quotas (developer.chrome.com/docs/extensions/reference/api/storage, "sync").
 * An item's size is its key's length plus its value's JSON serialisation (counted here in UTF-8
 * bytes, which is never less than Chrome's count).
 */
export const SYNC_LIMITS = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 } as const;

export { SYNC_KEY_PREFIX };
// Which fields are split, and how, is said in the settings table (fields.ts).
const chunkedAs = new Map(FIELD_ROWS.flatMap(([key, f]): Array<[SettingsKey, ChunkedAs]> => (f.chunked ? [[key, f.chunked]] : [])));
const CHUNKED = [...chunkedAs.keys()];
type ChunkedField = SettingsKey;

const chunkKey = (field: ChunkedField, n: number): string => `${SYNC_KEY_PREFIX}:${field}:${n}`;

/** Entries of a large field as a flat list; a map of lists is flattened so that no entry is large. */
function atomsOf(settings: Settings, field: ChunkedField): unknown[] {
  const value = settings[field] as unknown;
  switch (chunkedAs.get(field)) {
    case 'list':
      return value as unknown[];
    case 'map-of-lists':
      return Object.entries(value as Record<string, unknown[]>).flatMap(([app, list]) => list.map((entry) => [app, entry]));
    default:
      return Object.entries(value as Record<string, unknown>);
  }
}

function fromAtoms(field: ChunkedField, atoms: unknown[]): unknown {
  const as = chunkedAs.get(field);
  if (as === 'list') return atoms;
  const pairs = atoms.filter((a): a is [string, unknown] => Array.isArray(a) && a.length === 2 && typeof a[0] === 'string');
  if (as !== 'map-of-lists') return Object.fromEntries(pairs);
  const apps = new Map<string, unknown[]>();
  for (const [app, entry] of pairs) apps.set(app, [...(apps.get(app) ?? []), entry]);
  return Object.fromEntries(apps);
}

export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const itemSize = (key: string, value: unknown): number => utf8Length(key) + utf8Length(JSON.stringify(value));

/** The items to write to storage.sync. Remove stored `settings:*` keys that are not among them. */
export function splitForSync(settings: Settings): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  const chunks: Partial<Record<string, number>> = {};
  const main: Record<string, unknown> = { ...settings };
  for (const field of CHUNKED) {
    delete main[field];
    let count = 0;
    let chunk: string[] = [];
    let size = 0;
    const flush = (): void => {
      items[chunkKey(field, count++)] = chunk.map((json) => JSON.parse(json) as unknown);
      [chunk, size] = [[], 0];
    };
    for (const atom of atomsOf(settings, field)) {
      const json = JSON.stringify(atom);
      const bytes = utf8Length(json) + 1;
      // key + "[" + atoms joined by "," + "]"
      if (chunk.length && utf8Length(chunkKey(field, count)) + 1 + size + bytes > SYNC_LIMITS.QUOTA_BYTES_PER_ITEM) flush();
      chunk.push(json);
      size += bytes;
    }
    if (chunk.length) flush();
    chunks[field] = count;
  }
  items[SYNC_KEY_PREFIX] = { ...main, chunks };
  return items;
}

/**
 * Settings reassembled from storage.sync items, for `migrateSettings` (which validates them).
 * undefined when there are none. A chunk that has not arrived yet (sync is not atomic across
 * items) leaves its entries out.
 */
export function joinFromSync(items: Readonly<Record<string, unknown>>): unknown {
  const main = items[SYNC_KEY_PREFIX];
  if (!isRecord(main)) return main;
  const { chunks, ...settings } = main;
  if (!isRecord(chunks)) return settings;
  for (const field of CHUNKED) {
    const count = chunks[field];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > SYNC_LIMITS.MAX_ITEMS) continue;
    const atoms: unknown[] = [];
    for (let n = 0; n < count; n++) {
      const chunk = items[chunkKey(field, n)];
      if (Array.isArray(chunk)) atoms.push(...(chunk as unknown[]));
    }
    settings[field] = fromAtoms(field, atoms);
  }
  return settings;
}

/** Stored keys of ours that a new `splitForSync` result no longer uses (to remove after writing). */
export function staleSyncKeys(storedKeys: readonly string[], items: Readonly<Record<string, unknown>>): string[] {
  return storedKeys.filter((k) => k.startsWith(`${SYNC_KEY_PREFIX}:`) && !(k in items));
}

export interface SyncFit {
  fits: boolean;
  /** Total size of all items, as Chrome counts it against QUOTA_BYTES. */
  bytes: number;
  largestItem: number;
  items: number;
}

/** Whether the settings, split as splitForSync does, fit chrome.storage.sync's quotas. */
export function fitsSyncQuota(settings: Settings): SyncFit {
  const sizes = Object.entries(splitForSync(settings)).map(([key, value]) => itemSize(key, value));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  const largestItem = Math.max(...sizes);
  return {
    fits: bytes <= SYNC_LIMITS.QUOTA_BYTES && largestItem <= SYNC_LIMITS.QUOTA_BYTES_PER_ITEM && sizes.length <= SYNC_LIMITS.MAX_ITEMS,
    bytes,
    largestItem,
    items: sizes.length,
  };
}
