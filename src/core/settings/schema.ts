// Reading settings of any version: migrated to this version, then read field by field by the table
// (fields.ts); each dropped part is reported as `<path>: <reason>` for the options page to show.
import { parseRoleArn } from '../aws/arn';
import { message, type UserMessage } from '../words/user-message';
import { SETTINGS_VERSION, SETTING_FIELDS, defaultSettings, type Settings, type SettingsKey } from './fields';
import { describeValue, isRecord, pathOf, rejectedAt, type Raw } from './values';

export { SETTINGS_VERSION, defaultSettings, type ManagedKey, type Settings, type SettingsKey } from './fields';

/** The prototype's keys (version 0 has no `version`), renamed and converted to today's. */
const RENAMED: Array<[string, string, (v: unknown) => unknown]> = [
  ['enabled', 'interceptionEnabled', (v) => v],
  ['regions', 'preferredRegions', (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v)],
  ['favorites', 'pins', (v) => (Array.isArray(v) ? v.map((arn) => (typeof arn === 'string' ? { roleArn: arn } : arn)) : v)],
  ['accountAliases', 'accountNames', (v) => v],
  ['reduceMotion', 'reducedMotion', (v) => (v === true ? 'reduce' : v === false ? 'system' : v)],
];
/** A key a settings file of any version may hold. */
export const isSettingsFileKey = (key: string): boolean => Object.hasOwn(SETTING_FIELDS, key) || key === 'version' || RENAMED.some(([from]) => from === key);

function fromUnversioned(old: Raw, rejected: UserMessage[]): Raw {
  const next: Raw = { ...old };
  for (const [from, to, convert] of RENAMED.filter(([from]) => from in next)) {
    if (to in next) rejected.push(rejectedAt(from, message('rejNotCarriedOver', { other: to })));
    else next[to] = convert(next[from]);
    delete next[from];
  }
  if (next['theme'] === 'auto') next['theme'] = 'system';
  return next;
}

/** Turns whatever storage holds into valid settings, never throwing; `changed`: to be written back. */
export function migrateSettings(raw: unknown): { settings: Settings; changed: boolean; rejected: UserMessage[] } {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), changed: true, rejected: [] };
  if (!isRecord(raw)) return { settings: defaultSettings(), changed: true, rejected: [message('storedNotObject', { found: describeValue(raw) })] };
  const rejected: UserMessage[] = [];
  const { fields, newer } = readVersioned(raw, rejected);
  const settings = { ...defaultSettings(), ...fields };
  // Another browser's newer settings are used but never written back: their newer fields would be lost.
  return { settings, changed: !newer && sorted(raw) !== sorted(settings), rejected };
}
/** JSON with every object's keys sorted, to compare values ignoring key order. */
const sorted = (value: unknown): string => JSON.stringify(value, (_, v: unknown) => (isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/** The fields of settings of any version, migrated and read. */
export function readVersioned(raw: Raw, rejected: UserMessage[]): { fields: Partial<Settings>; newer: boolean } {
  const given = raw['version'] ?? 0;
  const version = typeof given === 'number' && Number.isInteger(given) && given >= 0 ? given : 0;
  if (version !== given) rejected.push(rejectedAt('version', message('rejNotVersion', { value: describeValue(given) })));
  const data: Raw = { ...raw };
  delete data['version'];
  // Only version 0 has another shape; 2 added a field, the bump making version 1 read synced settings as newer (never written back).
  const newer = version > SETTINGS_VERSION;
  return { fields: cleanSettingsFields(version === 0 ? fromUnversioned(data, rejected) : data, rejected, newer), newer };
}
/** The valid parts of current-version fields; unknown fields (expected from a `newer` version) and invalid parts are reported. */
export function cleanSettingsFields(data: Readonly<Raw>, rejected: UserMessage[], newer = false): Partial<Settings> {
  const out: Raw = {};
  for (const [key, raw] of Object.entries(data)) {
    const known = Object.hasOwn(SETTING_FIELDS, key);
    if (!known) rejected.push(rejectedAt(pathOf('', key), message(newer ? 'rejNewerSetting' : 'rejNotASetting')));
    const value = known ? SETTING_FIELDS[key as SettingsKey].read(raw, key, rejected) : undefined;
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<Settings>;
}

/** Records a sign-in as its IdP app's most recent, kept as stored settings are read (caps, one per role). */
export function recordRecent(settings: Settings, appKey: string, choice: { roleArn: string; region: string }, at: number): Settings {
  const recent = SETTING_FIELDS.recent.read({ ...settings.recent, [appKey]: [{ roleArn: choice.roleArn, region: choice.region, at }, ...recentOf(settings, appKey)] }, '', []);
  return recent && Object.hasOwn(recent, appKey) ? { ...settings, recent } : settings;
}
const recentOf = (settings: Pick<Settings, 'recent'>, appKey: string) => (Object.hasOwn(settings.recent, appKey) ? settings.recent[appKey]! : []);
/** Role ARNs of an IdP app's recent sign-ins, most recent first (the ranking's `recent`). */
export const recentRoleArns = (settings: Pick<Settings, 'recent'>, appKey: string): string[] => [...new Set(recentOf(settings, appKey).map((r) => r.roleArn))];
/** The roles of every IdP app's recent sign-ins, each once, most recent first, to preview a naming rule. */
export function recentRoles(settings: Pick<Settings, 'recent'>): { accountId: string; roleName: string }[] {
  const arns = Object.values(settings.recent).flat().sort((a, b) => b.at - a.at).map((r) => parseRoleArn(r.roleArn));
  return arns.flatMap((arn, i) => (arn && arns.findIndex((a) => a?.arn === arn.arn) === i ? [{ accountId: arn.accountId, roleName: arn.roleName }] : []));
}
