// Every user setting in one versioned zod schema, with the migrations from older versions and a
// lenient reader: a stored or imported value is kept part by part, and every part that is dropped
// is reported as `<path>: <reason>` so the options page can show exactly what happened.
// zod/mini: classic zod's validation, tree-shaken.
import * as z from 'zod/mini';
import { ALIAS_PRESETS, validateAliasRegex, type AliasPattern } from './account-names';
import { accountNameProblem } from './account-names-file';
import { parseRoleArn } from './arn';
import { PARTITIONS, isCatalogRegion } from './endpoints';
import { SIGNIN_METHOD_SETTINGS } from './signin-method';
import { CLI_FORMATS } from './cli-credentials';
import { MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from './limits';
import { SETTINGS_VERSION, defaultSettings } from './settings-defaults';
import {
  bySchema,
  describeValue,
  isRecord,
  jsonEqual,
  listOf,
  mapOf,
  objectOf,
  pathOf,
  type Cleaner,
  type Raw,
} from './partial-parse';

// What the picker needs before any stored setting is read lives apart, free of zod: it is on the
// picker's first paint, the schema is not.
export {
  SETTINGS_VERSION,
  FALLBACK_REGIONS,
  defaultSettings,
  defaultPreferredRegions,
  preferredRegionsFor,
  recentRoleArns,
} from './settings-defaults';

/** Marks an exported settings file (`exportSettings`), so that importing can tell ours from others. */
export const SETTINGS_FILE_FORMAT = 'failover-role-picker-settings';
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

export const LIMITS = {
  preferredRegions: 50,
  pins: 50,
  recentPerApp: 10,
  recentApps: 20,
  autoSignIn: 20,
  accountNames: 10_000,
  idpAppKeyLength: 256,
  urlLength: 2048,
} as const;

// Classic zod registered its English messages on first use; mini needs them configured. Some reach
// the user in `rejected` (an unknown key of the alias pattern, a list over its limit, …).
z.config(z.locales.en());

// ---- Parts of the schema ------------------------------------------------------------------------

const ALL_REGIONS = new Set(PARTITIONS.flatMap((p) => p.regions.map((r) => r.code)));
export const isKnownRegion = isCatalogRegion;

/** A string checked by `problem`, which returns why it is not acceptable. */
const text = (what: string, problem: (s: string) => string | undefined) =>
  z.string({ error: (iss) => `expected ${what}, found ${describeValue(iss.input)}` }).check(
    z.superRefine((s, ctx) => {
      const reason = problem(s);
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    }),
  );

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) => `expected ${values.map((v) => JSON.stringify(v)).join(' or ')}, found ${describeValue(iss.input)}`,
  });

const RegionCode = text('a region code like "eu-west-1"', (s) =>
  isKnownRegion(s) ? undefined : `${describeValue(s)} is not an AWS region this version of the extension knows`,
);
const HttpsUrl = text('an https:// URL', (s) => {
  if (s.length > LIMITS.urlLength) return `the URL is longer than ${LIMITS.urlLength} characters`;
  try {
    const url = new URL(s);
    if (url.protocol === 'https:' && !url.username && !url.password) return undefined;
  } catch {
    // reported below
  }
  return `${describeValue(s)} is not an https:// URL`;
});
const AccountId = text('a 12-digit account ID', (s) =>
  /^\d{12}$/.test(s) ? undefined : `${describeValue(s)} is not a 12-digit AWS account ID`,
);
const AccountName = z.string({ error: (iss) => `expected a name, found ${describeValue(iss.input)}` }).check(
  z.trim(),
  z.superRefine((s, ctx) => {
    const reason = accountNameProblem(s);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  }),
);
const RoleArnText = text('a role ARN', (s) =>
  parseRoleArn(s) ? undefined : `${describeValue(s)} is not an IAM role ARN (arn:aws:iam::123456789012:role/Name)`,
);
// Which IdP app an assertion came from (the shell decides; the assertion's Issuer suits Okta,
// which gives every app its own). Recent sign-ins and auto sign-in are kept per app.
const IdpAppKey = text('an IdP app key', (s) => {
  if (s.length < 1 || s.length > LIMITS.idpAppKeyLength) return `an IdP app key has 1 to ${LIMITS.idpAppKeyLength} characters`;
  // Assigning to "__proto__" changes an object's prototype instead of adding the key.
  if (s === '__proto__') return '"__proto__" cannot be an IdP app key';
  return undefined;
});
const Timestamp = z.number({ error: (iss) => `expected a time in milliseconds, found ${describeValue(iss.input)}` }).check(
  z.int({ error: 'expected a whole number of milliseconds' }),
  z.gte(0, { error: 'a time cannot be negative' }),
);

export const AliasPatternSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({
      kind: z.literal('role-name'),
      pattern: z.string({ error: 'expected the pattern as text' }).check(
        z.superRefine((s, ctx) => {
          const check = validateAliasRegex(s);
          if (!check.ok) ctx.addIssue({ code: 'custom', message: check.error });
        }),
      ),
    }),
    z.strictObject({ kind: z.literal('preset'), preset: oneOf(ALIAS_PRESETS) }),
  ],
  { error: (iss) => `expected {"kind": "none" | "role-name" | "preset", …}, found ${describeValue(iss.input)}` },
) satisfies z.ZodMiniType<AliasPattern>;

const entry = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.object(shape, {
    error: (iss) => (iss.code === 'invalid_type' ? `expected an object, found ${describeValue(iss.input)}` : undefined),
  });
export const PinSchema = entry({ roleArn: RoleArnText, region: z.optional(RegionCode) });
export const RecentSignInSchema = entry({ roleArn: RoleArnText, region: RegionCode, at: Timestamp });
export const AutoSignInSchema = entry({ roleArn: RoleArnText, region: RegionCode });

const unique = <T>(key: (t: T) => string) => (list: readonly T[]) => new Set(list.map(key)).size === list.length;

/** The one schema of all user settings (the current version, after migration). */
export const SettingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  interceptionEnabled: z.boolean({ error: (iss) => `expected true or false, found ${describeValue(iss.input)}` }),
  /** Empty means "derive" (`defaultPreferredRegions`). */
  preferredRegions: z.array(RegionCode).check(z.maxLength(LIMITS.preferredRegions), z.refine(unique(String), 'regions repeat')),
  /** Per region, the URL of the IdP's app tile that signs in through that region's endpoint. */
  idpAppLinks: z.record(RegionCode, HttpsUrl),
  accountNames: z.record(AccountId, AccountName).check(z.refine((m) => Object.keys(m).length <= LIMITS.accountNames)),
  aliasPattern: AliasPatternSchema,
  pins: z
    .array(PinSchema)
    .check(z.maxLength(LIMITS.pins), z.refine(unique((p: { roleArn: string }) => p.roleArn), 'pinned roles repeat')),
  /** Per IdP app, most recent first. */
  recent: z
    .record(IdpAppKey, z.array(RecentSignInSchema).check(z.maxLength(LIMITS.recentPerApp)))
    .check(z.refine((m) => Object.keys(m).length <= LIMITS.recentApps)),
  autoSignIn: z.record(IdpAppKey, AutoSignInSchema).check(z.refine((m) => Object.keys(m).length <= LIMITS.autoSignIn)),
  theme: oneOf(['system', 'light', 'dark']),
  reducedMotion: oneOf(['system', 'reduce']),
  /** How to sign in to a region other than the assertion's own (signin-method.ts). */
  signinMethod: oneOf(SIGNIN_METHOD_SETTINGS),
  /** The longest STS session to ask for, in seconds (the role's MaxSessionDuration may allow more). */
  sessionDurationCap: z
    .number({ error: (iss) => `expected a number of seconds, found ${describeValue(iss.input)}` })
    .check(
      z.int({ error: 'expected a whole number of seconds' }),
      z.gte(MIN_SESSION_SECONDS, { error: `at least ${MIN_SESSION_SECONDS} seconds` }),
      z.lte(MAX_SESSION_SECONDS, { error: `at most ${MAX_SESSION_SECONDS} seconds` }),
    ),
  /** The format "Copy CLI credentials" writes, as last chosen. */
  cliFormat: oneOf(CLI_FORMATS),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsKey = Exclude<keyof Settings, 'version'>;
export type Pin = Settings['pins'][number];
export type RecentSignIn = Settings['recent'][string][number];

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

// ---- Reading: migrations and the lenient reader -------------------------------------------------

export interface MigrationResult {
  settings: Settings;
  /** The stored value differs from `settings` and should be written back. */
  changed: boolean;
  /** `<path>: <reason>` for every part that was dropped or could not be carried over. */
  rejected: string[];
}

/**
 * Migrations by the version they start from; each returns the next version's shape. Version 0 is
 * any object without a `version`: the prototype's keys (`enabled`, `regions` as a list or a
 * comma-separated string, `favorites` as role ARNs, `accountAliases`, `theme: "auto"`,
 * `reduceMotion` as a boolean) or today's keys written by hand.
 */
const MIGRATIONS: ReadonlyArray<(old: Raw, rejected: string[]) => Raw> = [
  function fromUnversioned(old, rejected) {
    const next: Raw = { ...old };
    const rename = (from: string, to: string, convert: (v: unknown) => unknown = (v) => v): void => {
      if (!(from in next)) return;
      if (to in next) rejected.push(`${from}: not carried over, because ${to} is also set`);
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
];

/** Turns whatever storage holds into valid settings; never throws. */
export function migrateSettings(raw: unknown): MigrationResult {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), changed: true, rejected: [] };
  if (!isRecord(raw)) {
    return {
      settings: defaultSettings(),
      changed: true,
      rejected: [`The stored settings are not an object (found ${describeValue(raw)}); the defaults are used.`],
    };
  }
  const rejected: string[] = [];
  const { fields, newer } = readVersioned(raw, rejected);
  const settings = finish({ ...defaultSettings(), ...fields }, rejected);
  // Settings from a newer version (another browser syncing) are used but never written back: the
  // newer version's fields would be lost.
  return { settings, changed: !newer && !jsonEqual(raw, settings), rejected };
}

function readVersioned(raw: Raw, rejected: string[]): { fields: Partial<Settings>; newer: boolean } {
  let version = raw['version'] ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    rejected.push(`version: ${describeValue(version)} is not a settings version; read as unversioned settings`);
    version = 0;
  }
  const newer = (version as number) > SETTINGS_VERSION;
  let data: Raw = { ...raw };
  delete data['version'];
  for (let v = version as number; v < SETTINGS_VERSION; v++) data = MIGRATIONS[v]!(data, rejected);
  return { fields: cleanSettingsFields(data, rejected, newer), newer };
}

function finish(candidate: Settings, rejected: string[]): Settings {
  const check = SettingsSchema.safeParse({ ...candidate, version: SETTINGS_VERSION });
  if (check.success) return check.data;
  // Unreachable unless the reader and the schema disagree: fall back field by field, loudly.
  const fallback: Raw = { ...candidate, version: SETTINGS_VERSION };
  for (const issue of check.error.issues) {
    const key = String(issue.path[0] ?? '') as SettingsKey;
    rejected.push(`${key}: ${issue.message}; the default is used`);
    fallback[key] = defaultSettings()[key];
  }
  return SettingsSchema.safeParse(fallback).data ?? defaultSettings();
}

const cleanRecent: Cleaner<Settings['recent']> = (raw, path, rejected) => {
  const apps = mapOf(IdpAppKey, listOf(objectOf(RecentSignInSchema), Infinity), Infinity)(raw, path, rejected);
  if (!apps) return undefined;
  // An app without sign-ins is no information: it is left out.
  const lists = Object.entries(apps)
    .filter(([, list]) => list.length > 0)
    .map(([app, list]): [string, RecentSignIn[]] => {
      const sorted = [...list].sort((a, b) => b.at - a.at);
      const kept = sorted.filter((r, i) => sorted.findIndex((s) => s.roleArn === r.roleArn) === i);
      if (kept.length > LIMITS.recentPerApp) {
        rejected.push(`${pathOf(path, app)}: only the ${LIMITS.recentPerApp} most recent sign-ins are kept; ${kept.length - LIMITS.recentPerApp} older ones were dropped`);
      }
      return [app, kept.slice(0, LIMITS.recentPerApp)];
    })
    .sort((a, b) => (b[1][0]?.at ?? 0) - (a[1][0]?.at ?? 0));
  for (const [app] of lists.slice(LIMITS.recentApps)) {
    rejected.push(`${pathOf(path, app)}: only the ${LIMITS.recentApps} most recently used IdP apps are kept; this one was dropped`);
  }
  return Object.fromEntries(lists.slice(0, LIMITS.recentApps));
};

const FIELDS: { readonly [K in SettingsKey]: Cleaner<Settings[K]> } = {
  interceptionEnabled: bySchema(SettingsSchema.shape.interceptionEnabled),
  preferredRegions: listOf(bySchema(RegionCode), LIMITS.preferredRegions, String),
  idpAppLinks: mapOf(RegionCode, bySchema(HttpsUrl), ALL_REGIONS.size),
  accountNames: mapOf(AccountId, bySchema(AccountName), LIMITS.accountNames),
  aliasPattern: bySchema(AliasPatternSchema),
  pins: listOf(objectOf(PinSchema), LIMITS.pins, (p) => p.roleArn),
  recent: cleanRecent,
  autoSignIn: mapOf(IdpAppKey, objectOf(AutoSignInSchema), LIMITS.autoSignIn),
  theme: bySchema(SettingsSchema.shape.theme),
  reducedMotion: bySchema(SettingsSchema.shape.reducedMotion),
  signinMethod: bySchema(SettingsSchema.shape.signinMethod),
  sessionDurationCap: bySchema(SettingsSchema.shape.sessionDurationCap),
  cliFormat: bySchema(SettingsSchema.shape.cliFormat),
};
export const SETTINGS_KEYS = Object.keys(FIELDS) as SettingsKey[];

/**
 * The valid parts of current-version fields; unknown fields and invalid parts are reported.
 * `newer`: the data comes from a newer version, so unknown fields are expected, not mistakes.
 */
export function cleanSettingsFields(data: Readonly<Raw>, rejected: string[], newer = false): Partial<Settings> {
  const out: Raw = {};
  for (const [key, raw] of Object.entries(data)) {
    if (!Object.hasOwn(FIELDS, key)) {
      rejected.push(`${pathOf('', key)}: ${newer ? 'a setting of a newer version of the extension, not used by this one' : 'not a setting of this extension; ignored'}`);
      continue;
    }
    const value = FIELDS[key as SettingsKey](raw, key, rejected);
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<Settings>;
}

// ---- Files ----------------------------------------------------------------------------------------

/** The settings as a file the user can keep or move to another browser. */
export function exportSettings(settings: Settings): string {
  const { version, ...fields } = settings;
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version, ...fields }, null, 2)}\n`;
}

export type ImportResult =
  | { settings: Settings; report: { accepted: SettingsKey[]; rejected: string[] } }
  | { error: string };

/**
 * Reads an exported settings file over `current`: each setting the file holds (its valid parts)
 * replaces the current one; the rest stay. A file that is not JSON or not our format changes nothing.
 */
export function importSettings(text: string, current: Settings): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { error: 'This file is larger than 1 MB; a settings file is much smaller.' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { error: `This file is not valid JSON: ${(error as Error).message}` };
  }
  if (!isRecord(data)) return { error: `This is not a settings file: it holds ${describeValue(data)}, not an object.` };
  const { format, ...rest } = data;
  if (format !== SETTINGS_FILE_FORMAT) {
    if (format !== undefined) return { error: `This is a ${describeValue(format)} file, not a settings file of this extension.` };
    if ('Accounts' in rest || Object.keys(rest).some((k) => /^\d{12}$/.test(k))) {
      return { error: 'This is a list of account names, not a settings file: import it under "Account names".' };
    }
    const known = [...SETTINGS_KEYS, 'version', 'enabled', 'regions', 'favorites', 'accountAliases', 'reduceMotion'];
    if (!Object.keys(rest).some((k) => known.includes(k))) {
      return { error: 'This is not a settings file of this extension: it has none of its settings.' };
    }
  }
  const rejected: string[] = [];
  const { fields } = readVersioned(rest, rejected);
  const settings = finish({ ...current, ...fields }, rejected);
  return { settings, report: { accepted: Object.keys(fields) as SettingsKey[], rejected } };
}
