// Every user setting in one versioned zod schema, derived from the settings table
// (settings-fields.ts), with a lenient reader: a stored or imported value is migrated
// (settings-migrations.ts) and kept part by part, and every part that is dropped is reported as
// `<path>: <reason>` so the options page can show exactly what happened.
import * as z from 'zod/mini';
import { parseRoleArn } from '../aws/arn';
import { bySchema, describeValue, isRecord, issueReason, jsonEqual, pathOf, rejectedAt, type Cleaner, type Raw } from './partial-parse';
import { message, type UserMessage } from '../words/user-message';
import { SETTINGS_VERSION, defaultSettings } from './defaults';
import { SETTING_FIELDS, type FieldSpec, type ManagedSpec } from './fields';
import { MIGRATIONS } from './migrations';
import { IdpAppKey, LIMITS } from './values';

// What the picker needs before any stored setting is read lives apart, free of zod: it is on the
// picker's first paint, the schema is not.
export { SETTINGS_VERSION, defaultSettings, recentRoleArns } from './defaults';

type FieldTable = typeof SETTING_FIELDS;
type FieldValue<K extends keyof FieldTable> = z.infer<FieldTable[K]['schema']>;
const fieldEntries = Object.entries(SETTING_FIELDS) as Array<[keyof FieldTable, FieldSpec<unknown>]>;

/** The one schema of all user settings (the current version, after migration), from the table. */
export const SettingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  ...(Object.fromEntries(fieldEntries.map(([key, spec]) => [key, spec.schema])) as { [K in keyof FieldTable]: z.ZodMiniType<FieldValue<K>> }),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsKey = Exclude<keyof Settings, 'version'>;
export type Pin = Settings['pins'][number];
export type RecentSignIn = Settings['recent'][string][number];

/** Each field's cleaner: the table's, or its schema as a whole. */
const FIELDS = Object.fromEntries(fieldEntries.map(([key, spec]) => [key, spec.clean ?? bySchema(spec.schema)])) as {
  readonly [K in SettingsKey]: Cleaner<Settings[K]>;
};
export const SETTINGS_KEYS = fieldEntries.map(([key]) => key) as SettingsKey[];

/** The fields storage.sync splits over several items, and how. */
export const CHUNKED_FIELDS = fieldEntries.flatMap(([key, spec]) => (spec.chunked ? [{ key, as: spec.chunked }] : []));

/** Settings an administrator may set (their entry has `managed`). */
export type ManagedKey = { [K in keyof FieldTable]: FieldTable[K] extends { readonly managed: ManagedSpec } ? K : never }[keyof FieldTable];
/** The fields an administrator may set, with what their policy does. */
export const MANAGED_FIELDS = fieldEntries.flatMap(([key, spec]) => (spec.managed ? [{ key, ...spec.managed }] : []));

// ---- Recent sign-ins ----------------------------------------------------------------------------

/** Records a sign-in as the most recent of its IdP app; keeps the caps. */
export function recordRecent(settings: Settings, appKey: string, choice: { roleArn: string; region: string }, at: number): Settings {
  if (!IdpAppKey.safeParse(appKey).success) return settings;
  const previous = Object.hasOwn(settings.recent, appKey) ? settings.recent[appKey] : undefined;
  const list = [{ roleArn: choice.roleArn, region: choice.region, at }, ...(previous ?? []).filter((r) => r.roleArn !== choice.roleArn)];
  const apps = Object.entries({ ...settings.recent, [appKey]: list.slice(0, LIMITS.recentPerApp) })
    .sort((a, b) => (b[1][0]?.at ?? 0) - (a[1][0]?.at ?? 0))
    .slice(0, LIMITS.recentApps);
  return { ...settings, recent: Object.fromEntries(apps) };
}

/**
 * The roles of recent sign-ins of every IdP app, each once, most recent first: all that the
 * settings keep of the roles seen (the role ARNs chosen, not the assertions' other roles), for
 * previewing a naming rule.
 */
export function recentRoles(settings: Pick<Settings, 'recent'>): { accountId: string; roleName: string }[] {
  const entries = Object.values(settings.recent).flat().sort((a, b) => b.at - a.at);
  const seen = new Set<string>();
  const out: { accountId: string; roleName: string }[] = [];
  for (const entry of entries) {
    const arn = parseRoleArn(entry.roleArn);
    if (!arn || seen.has(arn.arn)) continue;
    seen.add(arn.arn);
    out.push({ accountId: arn.accountId, roleName: arn.roleName });
  }
  return out;
}

// ---- Reading: migrations and the lenient reader -------------------------------------------------

export interface MigrationResult {
  settings: Settings;
  /** The stored value differs from `settings` and should be written back. */
  changed: boolean;
  /** `<path>: <reason>` for every part that was dropped or could not be carried over. */
  rejected: UserMessage[];
}

/** Turns whatever storage holds into valid settings; never throws. */
export function migrateSettings(raw: unknown): MigrationResult {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), changed: true, rejected: [] };
  if (!isRecord(raw)) {
    return {
      settings: defaultSettings(),
      changed: true,
      rejected: [message('storedNotObject', { found: describeValue(raw) })],
    };
  }
  const rejected: UserMessage[] = [];
  const { fields, newer } = readVersioned(raw, rejected);
  const settings = finish({ ...defaultSettings(), ...fields }, rejected);
  // Settings from a newer version (another browser syncing) are used but never written back: the
  // newer version's fields would be lost.
  return { settings, changed: !newer && !jsonEqual(raw, settings), rejected };
}

export function readVersioned(raw: Raw, rejected: UserMessage[]): { fields: Partial<Settings>; newer: boolean } {
  let version = raw['version'] ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    rejected.push(rejectedAt('version', message('rejNotVersion', { value: describeValue(version) })));
    version = 0;
  }
  const newer = (version as number) > SETTINGS_VERSION;
  let data: Raw = { ...raw };
  delete data['version'];
  for (let v = version as number; v < SETTINGS_VERSION; v++) data = MIGRATIONS[v]!(data, rejected);
  return { fields: cleanSettingsFields(data, rejected, newer), newer };
}

/** The candidate as valid settings: exactly what the schema accepts, field by field if need be. */
export function finish(candidate: Settings, rejected: UserMessage[]): Settings {
  const check = SettingsSchema.safeParse({ ...candidate, version: SETTINGS_VERSION });
  if (check.success) return check.data;
  // Unreachable unless the reader and the schema disagree: fall back field by field, loudly.
  const fallback: Raw = { ...candidate, version: SETTINGS_VERSION };
  for (const issue of check.error.issues) {
    const key = String(issue.path[0] ?? '') as SettingsKey;
    rejected.push(message('rejDefaultUsed', { path: key, reason: issueReason(issue) }));
    fallback[key] = defaultSettings()[key];
  }
  return SettingsSchema.safeParse(fallback).data ?? defaultSettings();
}

/**
 * The valid parts of current-version fields; unknown fields and invalid parts are reported.
 * `newer`: the data comes from a newer version, so unknown fields are expected, not mistakes.
 */
export function cleanSettingsFields(data: Readonly<Raw>, rejected: UserMessage[], newer = false): Partial<Settings> {
  const out: Raw = {};
  for (const [key, raw] of Object.entries(data)) {
    if (!Object.hasOwn(FIELDS, key)) {
      rejected.push(rejectedAt(pathOf('', key), message(newer ? 'rejNewerSetting' : 'rejNotASetting')));
      continue;
    }
    const value = FIELDS[key as SettingsKey](raw, key, rejected);
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<Settings>;
}
