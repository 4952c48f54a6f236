// Settings an administrator sets by policy (storage.managed): they win over the user's and are shown
// locked. Chrome checks them against MANAGED_STORAGE_JSON_SCHEMA; we read them again part by part, as
// stored settings are, because Firefox's managed storage has no schema.
import { message, type UserMessage } from '../words/user-message';
import { FIELD_ROWS, type ManagedKey, type Settings } from './fields';
import { cleanSettingsFields, migrateSettings } from './schema';
import { describeValue, isRecord, pathOf, rejectedAt, type Raw } from './values';

const MANAGED_FIELDS = new Map(FIELD_ROWS.flatMap(([key, f]) => (f.managed ? [[key as ManagedKey, f.managed] as const] : [])));
export const MANAGED_KEYS = [...MANAGED_FIELDS.keys()];

/** `settings`: the user's with the policy applied (used, never stored); `rejected`: each policy value ignored, and why. */
export function applyManaged(user: Settings, managed: unknown): { settings: Settings; locked: ManagedKey[]; managed: Partial<Pick<Settings, ManagedKey>>; rejected: UserMessage[] } {
  const rejected: UserMessage[] = [];
  if (!isRecord(managed)) {
    if (managed !== undefined && managed !== null) rejected.push(message('managedNotObject', { found: describeValue(managed) }));
    return { settings: user, locked: [], managed: {}, rejected };
  }
  const values: Raw = {};
  const settings: Raw = { ...user };
  for (const [key, raw] of Object.entries(managed)) {
    const apply = MANAGED_FIELDS.get(key as ManagedKey)?.apply;
    if (!apply) rejected.push(rejectedAt(pathOf('', key), message('rejNotManageable')));
    const before = rejected.length;
    const value = apply && cleanSettingsFields({ [key]: raw }, rejected)[key as ManagedKey];
    // A list or map whose every entry was invalid is a mistake, not "none": it locks nothing.
    if (!apply || value === undefined || (rejected.length > before && Object.keys(value).length === 0)) continue;
    values[key] = value;
    const mine = user[key as ManagedKey];
    settings[key] = apply === 'merge' ? { ...(mine as object), ...(value as object) } : apply === 'replace' ? value : apply(mine, value);
  }
  return { settings: settings as Settings, locked: MANAGED_KEYS.filter((key) => key in values), managed: values as Partial<Pick<Settings, ManagedKey>>, rejected };
}

/** Stored settings (any version, unvalidated) with the policy applied: what the worker acts on, decided as the pages decide. */
export const effectiveSettings = (stored: unknown, managed: unknown) => applyManaged(migrateSettings(stored).settings, managed);

/** The manifest's `storage.managed_schema`. Formats are described, not enforced by `pattern`: Chrome drops a whole policy when one item fails, applyManaged only that item. */
export const MANAGED_STORAGE_JSON_SCHEMA = { type: 'object', properties: Object.fromEntries([...MANAGED_FIELDS].map(([key, f]) => [key, f.policy])) };
