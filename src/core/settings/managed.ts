// Settings an administrator sets through enterprise policy (chrome.storage.managed). They win over
// the user's and are shown as locked. Chrome validates policy values against MANAGED_STORAGE_JSON_SCHEMA
// (public/managed-schema.json, written by the build); we read them again as stored settings are, part
// by part, because Firefox's managed storage has no schema.
import { message, type UserMessage } from '../words/user-message';
import { FIELD_ROWS, type ManagedKey, type Settings } from './fields';
import { cleanSettingsFields } from './schema';
import { describeValue, isRecord, pathOf, rejectedAt, type Raw } from './values';

const MANAGED_FIELDS = FIELD_ROWS.flatMap(([key, f]) => (f.managed ? [{ key: key as ManagedKey, ...f.managed }] : []));
/** The settings an administrator may set, as the settings table (fields.ts) marks them. */
export const MANAGED_KEYS = MANAGED_FIELDS.map((f) => f.key);
export type { ManagedKey };
export type ManagedSettings = Partial<Pick<Settings, ManagedKey>>;

/**
 * `settings`: the user's with the managed values applied (what the extension uses; never stored);
 * `locked`: the settings with a managed value (shown read-only); `managed`: the valid managed values
 * (to tell managed map entries apart); `rejected`: each managed value ignored, and why.
 */
export type ManagedResult = { settings: Settings; locked: ManagedKey[]; managed: ManagedSettings; rejected: UserMessage[] };

/** Applies the valid managed values as each setting's row says (ManagedSpec's `apply`). */
export function applyManaged(user: Settings, managed: unknown): ManagedResult {
  const rejected: UserMessage[] = [];
  if (!isRecord(managed)) {
    if (managed !== undefined && managed !== null) rejected.push(message('managedNotObject', { found: describeValue(managed) }));
    return { settings: user, locked: [], managed: {}, rejected };
  }
  const values: Raw = {};
  const settings: Raw = { ...user };
  for (const [key, raw] of Object.entries(managed)) {
    const field = MANAGED_FIELDS.find((f) => f.key === key);
    if (!field) {
      rejected.push(rejectedAt(pathOf('', key), message('rejNotManageable')));
      continue;
    }
    const before = rejected.length;
    const value = cleanSettingsFields({ [key]: raw }, rejected)[field.key];
    // A list or map whose every entry was invalid is a mistake, not "none": it locks nothing.
    if (value === undefined || (rejected.length > before && Object.keys(value).length === 0)) continue;
    values[key] = value;
    const { apply } = field;
    settings[key] = apply === 'merge' ? { ...(user[field.key] as object), ...(value as object) } : apply === 'replace' ? value : apply(user[field.key], value);
  }
  return { settings: settings as Settings, locked: MANAGED_KEYS.filter((key) => key in values), managed: values as ManagedSettings, rejected };
}

/**
 * The manifest's `storage.managed_schema` (Chrome's JSON Schema dialect: a top-level object of policies
 * without additionalProperties; one type per schema). Value formats are described, not enforced with
 * `pattern`: Chrome drops a whole policy when one item fails, while applyManaged keeps the valid items.
 */
export const MANAGED_STORAGE_JSON_SCHEMA = { type: 'object', properties: Object.fromEntries(MANAGED_FIELDS.map((f) => [f.key, f.policy])) };
