// Settings an administrator sets through enterprise policy (chrome.storage.managed). They win over
// the user's and are shown as locked. Chrome validates policy values against
// MANAGED_STORAGE_JSON_SCHEMA (shipped as the manifest's `storage.managed_schema`); we validate them
// again with the settings schema, part by part, because Firefox's managed storage has no schema.
import * as z from 'zod/mini';
import { describeValue, isRecord, pathOf, rejectedAt, type Raw } from './partial-parse';
import { message, type UserMessage } from '../words/user-message';
import { cleanSettingsFields, MANAGED_FIELDS, SettingsSchema, type ManagedKey, type Settings } from './schema';

/** The settings an administrator may set, as the settings table (settings-fields.ts) marks them. */
export const MANAGED_KEYS = MANAGED_FIELDS.map((f) => f.key) as ManagedKey[];
export type { ManagedKey };

export const ManagedSettingsSchema = z.partial(
  z.pick(SettingsSchema, Object.fromEntries(MANAGED_KEYS.map((key) => [key, true])) as { [K in ManagedKey]: true }),
);
export type ManagedSettings = z.infer<typeof ManagedSettingsSchema>;

export interface ManagedResult {
  /** What the extension uses: the user's settings with the managed values applied. Never store it. */
  settings: Settings;
  /** Settings that have a managed value: the options page shows them read-only. */
  locked: ManagedKey[];
  /** The valid managed values, so the options page can tell which map entries are managed. */
  managed: ManagedSettings;
  /** `<path>: <reason>` for every managed value that was ignored. */
  rejected: UserMessage[];
}

/**
 * Applies managed values as the settings table says for each: `replace` the user's value, or
 * `merge` maps, the managed entry winning for the same key (the user keeps names, links and colours
 * for accounts and regions the policy does not mention), or combine them as the field says (the
 * policy's colour rules before the user's).
 */
export function applyManaged(user: Settings, managed: unknown): ManagedResult {
  const rejected: UserMessage[] = [];
  if (managed === undefined || managed === null) return { settings: user, locked: [], managed: {}, rejected };
  if (!isRecord(managed)) {
    rejected.push(message('managedNotObject', { found: describeValue(managed) }));
    return { settings: user, locked: [], managed: {}, rejected };
  }
  const values: Raw = {};
  for (const [key, value] of Object.entries(managed)) {
    if (!(MANAGED_KEYS as readonly string[]).includes(key)) {
      rejected.push(rejectedAt(pathOf('', key), message('rejNotManageable')));
      continue;
    }
    const before = rejected.length;
    const cleaned = cleanSettingsFields({ [key]: value }, rejected)[key as ManagedKey];
    // A list or map whose every entry was invalid is a mistake, not "none": it locks nothing.
    const emptied = rejected.length > before && typeof cleaned === 'object' && Object.keys(cleaned).length === 0;
    if (cleaned !== undefined && !emptied) values[key] = cleaned;
  }
  return merge(user, values as ManagedSettings, rejected);
}

function merge(user: Settings, values: ManagedSettings, rejected: UserMessage[]): ManagedResult {
  const settings: Record<string, unknown> = { ...user };
  for (const { key, apply } of MANAGED_FIELDS) {
    const value = values[key as ManagedKey];
    if (value === undefined) continue;
    settings[key] = apply === 'merge' ? { ...(user[key] as object), ...(value as object) } : apply === 'replace' ? value : apply(user[key], value);
  }
  const locked = MANAGED_KEYS.filter((key) => values[key] !== undefined);
  return { settings: settings as Settings, locked, managed: values, rejected };
}

/**
 * The manifest's `storage.managed_schema` (Chrome's JSON Schema dialect: the top level is an
 * object of policies without additionalProperties; every schema has exactly one type). Value
 * formats are described rather than enforced with `pattern`: Chrome drops a whole policy when one
 * item fails, while applyManaged keeps the valid items and reports the rest.
 */
export const MANAGED_STORAGE_JSON_SCHEMA = {
  type: 'object',
  properties: Object.fromEntries(MANAGED_FIELDS.map((f) => [f.key, f.policy])),
};
