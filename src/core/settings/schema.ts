// Reading settings of any version: a stored or imported value is migrated to this version and read
// field by field by the settings table (fields.ts); each part that is dropped is reported as
// `<path>: <reason>`, so the options page can say exactly what happened.
import { parseRoleArn } from '../aws/arn';
import { message, type UserMessage } from '../words/user-message';
import { FIELD_ROWS, LIMITS, SETTINGS_VERSION, defaultSettings, type Settings } from './fields';
import { IdpAppKey, describeValue, isRecord, pathOf, rejectedAt, type Raw } from './values';

export { SETTINGS_VERSION, defaultSettings, type ManagedKey, type Settings, type SettingsKey } from './fields';
export const SETTINGS_KEYS = FIELD_ROWS.map(([key]) => key);
const READ = new Map(FIELD_ROWS.map(([key, f]) => [key as string, f.read]));

// Migrations by the version they start from (a new SETTINGS_VERSION adds one); each returns the next
// version's shape. Version 0 is any object without a `version`: the prototype's keys (`enabled`,
// `regions` as a list or a comma-separated string, `favorites` as role ARNs, `accountAliases`,
// `theme: "auto"`, `reduceMotion` as a boolean) or today's keys written by hand.
const MIGRATIONS: ReadonlyArray<(old: Raw, rejected: UserMessage[]) => Raw> = [
  function fromUnversioned(old, rejected) {
    const next: Raw = { ...old };
    const rename = (from: string, to: string, convert: (v: unknown) => unknown = (v) => v): void => {
      if (!(from in next)) return;
      if (to in next) rejected.push(rejectedAt(from, message('rejNotCarriedOver', { other: to })));
      else next[to] = convert(next[from]);
      delete next[from];
    };
    rename('enabled', 'interceptionEnabled');
    rename('regions', 'preferredRegions', (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v));
    rename('favorites', 'pins', (v) => (Array.isArray(v) ? v.map((arn) => (typeof arn === 'string' ? { roleArn: arn } : arn)) : v));
    rename('accountAliases', 'accountNames');
    rename('reduceMotion', 'reducedMotion', (v) => (v === true ? 'reduce' : v === false ? 'system' : v));
    if (next['theme'] === 'auto') next['theme'] = 'system';
    return next;
  },
  // Version 2 adds `allowCliCredentials` (its default fills in). The version changes so that a browser
  // still on version 1 reads synced settings as newer ones: used, never written back, not dropped.
  (old) => ({ ...old }),
];
/** The prototype's keys, which an unversioned settings file may hold. */
export const OLD_KEYS = ['enabled', 'regions', 'favorites', 'accountAliases', 'reduceMotion'];

/** `changed`: what is stored differs, to be written back; `rejected`: each part dropped or not carried over. */
export type MigrationResult = { settings: Settings; changed: boolean; rejected: UserMessage[] };

/** Turns whatever storage holds into valid settings; never throws. */
export function migrateSettings(raw: unknown): MigrationResult {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), changed: true, rejected: [] };
  if (!isRecord(raw)) return { settings: defaultSettings(), changed: true, rejected: [message('storedNotObject', { found: describeValue(raw) })] };
  const rejected: UserMessage[] = [];
  const { fields, newer } = readVersioned(raw, rejected);
  const settings = { ...defaultSettings(), ...fields };
  // Settings of a newer version (another browser syncing) are used but never written back: the newer fields would be lost.
  return { settings, changed: !newer && !jsonEqual(raw, settings), rejected };
}

/** The fields of settings of any version, migrated and read. */
export function readVersioned(raw: Raw, rejected: UserMessage[]): { fields: Partial<Settings>; newer: boolean } {
  let version = raw['version'] ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    rejected.push(rejectedAt('version', message('rejNotVersion', { value: describeValue(version) })));
    version = 0;
  }
  let data: Raw = { ...raw };
  delete data['version'];
  for (let v = version as number; v < SETTINGS_VERSION; v++) data = MIGRATIONS[v]!(data, rejected);
  const newer = (version as number) > SETTINGS_VERSION;
  return { fields: cleanSettingsFields(data, rejected, newer), newer };
}

/** The valid parts of current-version fields; unknown fields (expected from a `newer` version) and invalid parts are reported. */
export function cleanSettingsFields(data: Readonly<Raw>, rejected: UserMessage[], newer = false): Partial<Settings> {
  const out: Raw = {};
  for (const [key, raw] of Object.entries(data)) {
    const read = READ.get(key);
    const value = read ? read(raw, key, rejected) : void rejected.push(rejectedAt(pathOf('', key), message(newer ? 'rejNewerSetting' : 'rejNotASetting')));
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<Settings>;
}

/** Deep equality of JSON-like values, ignoring key order. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (!isRecord(a) || !isRecord(b)) return a === b;
  return Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/** Records a sign-in as the most recent of its IdP app; keeps the caps. */
export function recordRecent(settings: Settings, appKey: string, choice: { roleArn: string; region: string }, at: number): Settings {
  if (IdpAppKey(appKey, '', []) === undefined) return settings;
  const list = [{ roleArn: choice.roleArn, region: choice.region, at }, ...recentOf(settings, appKey).filter((r) => r.roleArn !== choice.roleArn)];
  const apps = Object.entries({ ...settings.recent, [appKey]: list.slice(0, LIMITS.recentPerApp) }).sort((a, b) => (b[1][0]?.at ?? 0) - (a[1][0]?.at ?? 0));
  return { ...settings, recent: Object.fromEntries(apps.slice(0, LIMITS.recentApps)) };
}
const recentOf = (settings: Pick<Settings, 'recent'>, appKey: string) => (Object.hasOwn(settings.recent, appKey) ? settings.recent[appKey]! : []);

/** Role ARNs of an IdP app's recent sign-ins, most recent first (the ranking's `recent`). */
export const recentRoleArns = (settings: Pick<Settings, 'recent'>, appKey: string): string[] => [...new Set(recentOf(settings, appKey).map((r) => r.roleArn))];

/** The roles of every IdP app's recent sign-ins, each once, most recent first (all the settings keep of roles seen), to preview a naming rule. */
export function recentRoles(settings: Pick<Settings, 'recent'>): { accountId: string; roleName: string }[] {
  const arns = Object.values(settings.recent).flat().sort((a, b) => b.at - a.at).map((r) => parseRoleArn(r.roleArn));
  return arns.flatMap((arn, i) => (arn && arns.findIndex((a) => a?.arn === arn.arn) === i ? [{ accountId: arn.accountId, roleName: arn.roleName }] : []));
}
