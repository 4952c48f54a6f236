// Every user setting in one versioned zod schema, with the migrations from older versions and a
// lenient reader: a stored or imported value is kept part by part, and every part that is dropped
// is reported as `<path>: <reason>` so the options page can show exactly what happened.
// zod/mini: classic zod's validation, tree-shaken.
import * as z from 'zod/mini';
import { ALIAS_PRESETS, accountNameProblem, validateAliasRegex, type AliasPattern } from './account-names';
import { parseRoleArn } from './arn';
import { PARTITIONS, isCatalogRegion } from './endpoints';
import { SIGNIN_METHOD_SETTINGS } from './signin-method';
import { ACCOUNT_COLOURS, MAX_COLOUR_RULES, colourRuleProblem } from './account-colours';
import { CLI_FORMATS } from './cli-credentials';
import { DEFAULT_SESSION_CAP_SECONDS, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from './limits';
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

export const SETTINGS_VERSION = 1;
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
  accountColours: 10_000,
  colourRules: MAX_COLOUR_RULES,
  aliasOfferDeclined: 50,
  idpAppKeyLength: 256,
  urlLength: 2048,
} as const;

/** Regions tried first when the user has not chosen any: after the nearest one, these in order. */
export const FALLBACK_REGIONS = ['us-east-2', 'us-west-2', 'eu-west-1'] as const;

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
const Colour = oneOf(ACCOUNT_COLOURS);
export const ColourRuleSchema = entry({
  words: z.string({ error: (iss) => `expected the words as text, found ${describeValue(iss.input)}` }).check(
    z.trim(),
    z.superRefine((s, ctx) => {
      const reason = colourRuleProblem(s);
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    }),
  ),
  colour: Colour,
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
  /** IdP apps for which the picker no longer offers to read account names from role names. */
  aliasOfferDeclined: z
    .array(IdpAppKey)
    .check(z.maxLength(LIMITS.aliasOfferDeclined), z.refine(unique(String), 'IdP apps repeat')),
  /** A colour per account ID (it wins over the name rules). */
  accountColours: z.record(AccountId, Colour).check(z.refine((m) => Object.keys(m).length <= LIMITS.accountColours)),
  /** Colours by account name, the first matching rule winning. */
  colourRules: z
    .array(ColourRuleSchema)
    .check(z.maxLength(LIMITS.colourRules), z.refine(unique((r: { words: string }) => r.words.toLowerCase()), 'rules repeat')),
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

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    interceptionEnabled: true,
    preferredRegions: [],
    idpAppLinks: {},
    accountNames: {},
    aliasPattern: { kind: 'none' },
    aliasOfferDeclined: [],
    accountColours: {},
    colourRules: [],
    pins: [],
    recent: {},
    autoSignIn: {},
    theme: 'system',
    reducedMotion: 'system',
    signinMethod: 'auto',
    sessionDurationCap: DEFAULT_SESSION_CAP_SECONDS,
    cliFormat: 'bash',
  };
}

// January: the offsets of the catalog's zones differ by an hour at most in July, which changes
// little; a fixed date keeps the answer the same all year.
const OFFSET_DATE = new Date(Date.UTC(2025, 0, 15, 12));
const offsets = new Map<string, number | undefined>();

/** Minutes east of UTC, or undefined for a time zone this runtime does not know. */
function utcOffset(timeZone: string): number | undefined {
  if (!offsets.has(timeZone)) {
    let minutes: number | undefined;
    try {
      const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(OFFSET_DATE)
        .find((p) => p.type === 'timeZoneName')?.value;
      const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
      if (m) minutes = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    } catch {
      // RangeError: not a time zone
    }
    offsets.set(timeZone, minutes);
  }
  return offsets.get(timeZone);
}

/**
 * The regions to prefer when the user chose none: the nearest region by time zone, then
 * FALLBACK_REGIONS. Nearest: the region whose catalog time zones list the user's, else the one
 * with the closest UTC offset (same area, e.g. `Europe/`, first on a tie). Opt-in regions are never
 * a default: they work only for accounts that enabled them.
 */
export function defaultPreferredRegions(timeZone: string): string[] {
  const regions = (PARTITIONS.find((p) => p.id === 'aws')?.regions ?? []).filter((r) => !r.optIn && r.timeZones);
  let nearest = regions.find((r) => r.timeZones?.includes(timeZone));
  const offset = nearest ? undefined : utcOffset(timeZone);
  if (offset !== undefined) {
    const area = `${timeZone.split('/')[0]}/`;
    let best = Infinity;
    for (const region of regions) {
      for (const zone of region.timeZones ?? []) {
        const zoneOffset = utcOffset(zone);
        if (zoneOffset === undefined) continue;
        const distance = Math.abs(zoneOffset - offset) * 2 + (zone.startsWith(area) ? 0 : 1);
        if (distance < best) [best, nearest] = [distance, region];
      }
    }
  }
  return [...new Set([...(nearest ? [nearest.code] : []), ...FALLBACK_REGIONS])];
}

/** The user's preferred regions, or the derived default when the list is empty. */
export function preferredRegionsFor(settings: Pick<Settings, 'preferredRegions'>, timeZone: string): string[] {
  return settings.preferredRegions.length ? [...settings.preferredRegions] : defaultPreferredRegions(timeZone);
}

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

/** Role ARNs of an IdP app's recent sign-ins, most recent first (the ranking's `recent`). */
export function recentRoleArns(settings: Pick<Settings, 'recent'>, appKey: string): string[] {
  const list = Object.hasOwn(settings.recent, appKey) ? settings.recent[appKey] : undefined;
  return [...new Set((list ?? []).map((r) => r.roleArn))];
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
  aliasOfferDeclined: listOf(bySchema(IdpAppKey), LIMITS.aliasOfferDeclined, String),
  accountColours: mapOf(AccountId, bySchema(Colour), LIMITS.accountColours),
  colourRules: listOf(objectOf(ColourRuleSchema), LIMITS.colourRules, (r) => r.words.toLowerCase()),
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
