// Every user setting in one versioned zod schema, with the migrations from older versions and a
// lenient reader: a stored or imported value is kept part by part, and every part that is dropped
// is reported as `<path>: <reason>` so the options page can show exactly what happened.
// zod/mini: classic zod's validation, tree-shaken.
import * as z from 'zod/mini';
import { ALIAS_PRESETS, validateAliasRegex, type AliasPattern } from './account-names';
import { accountNameProblem } from './account-names-file';
import { parseRoleArn } from './arn';
import { ALL_REGIONS, isCatalogRegion } from './endpoint-catalog';
import { SIGNIN_METHOD_SETTINGS } from './signin-method';
import { ACCOUNT_COLOURS, MAX_COLOUR_RULES, colourRuleProblem } from './account-colours';
import { CLI_FORMATS } from './cli-credentials';
import { MAX_SESSION_SECONDS, MAX_URL_LENGTH, MIN_SESSION_SECONDS } from './limits';
import { ALIAS_OFFER_DECLINED_MAX, SETTINGS_VERSION, defaultSettings } from './settings-defaults';
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
export { SETTINGS_VERSION, defaultSettings, recentRoleArns } from './settings-defaults';

export const LIMITS = {
  preferredRegions: 50,
  pins: 50,
  recentPerApp: 10,
  recentApps: 20,
  autoSignIn: 20,
  accountNames: 10_000,
  accountColours: 10_000,
  colourRules: MAX_COLOUR_RULES,
  aliasOfferDeclined: ALIAS_OFFER_DECLINED_MAX,
  idpAppKeyLength: 256,
  urlLength: MAX_URL_LENGTH,
} as const;

// Classic zod registered its English messages on first use; mini needs them configured. Some reach
// the user in `rejected` (an unknown key of the alias pattern, a list over its limit, …).
z.config(z.locales.en());

// ---- Parts of the schema ------------------------------------------------------------------------

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

const bool = z.boolean({ error: (iss) => `expected true or false, found ${describeValue(iss.input)}` });

/** How storage.sync splits a large field over several items (settings-sync.ts). */
export type ChunkedAs = 'list' | 'map' | 'map-of-lists';

/** What an administrator's policy value does to the user's, and its entry in Chrome's policy schema. */
export interface ManagedSpec {
  /**
   * `replace`: the policy's value is used; `merge`: map entries are merged, the policy's winning;
   * or a function of the user's value and the policy's.
   */
  readonly apply: 'replace' | 'merge' | ((user: unknown, managed: unknown) => unknown);
  readonly policy: { readonly title: string; readonly description: string } & Readonly<Record<string, unknown>>;
}

/**
 * Everything about one setting, in one place: the rest (schema, cleaners, sync, policy) is derived.
 * Its default sits in settings-defaults.ts, typed by this table (the picker's first paint must not
 * load zod): a field without a default there is a type error.
 */
interface FieldSpec<T> {
  readonly schema: z.ZodMiniType<T>;
  /** Keeps the valid parts of a stored value; by default the whole value must pass the schema. */
  readonly clean?: Cleaner<T>;
  readonly chunked?: ChunkedAs;
  readonly managed?: ManagedSpec;
}
// Keeps each entry's own type (its value type, whether it is chunked or managed); the schema's
// value type is the setting's type, and defaults and cleaners are checked against it below.
const field = <T, const S extends FieldSpec<T>>(spec: S & FieldSpec<T>): S => spec;

const RecentSchema = z
  .record(IdpAppKey, z.array(RecentSignInSchema).check(z.maxLength(LIMITS.recentPerApp)))
  .check(z.refine((m) => Object.keys(m).length <= LIMITS.recentApps));

const cleanRecent: Cleaner<z.infer<typeof RecentSchema>> = (raw, path, rejected) => {
  const apps = mapOf(IdpAppKey, listOf(objectOf(RecentSignInSchema), Infinity), Infinity)(raw, path, rejected);
  if (!apps) return undefined;
  // An app without sign-ins is no information: it is left out.
  const lists = Object.entries(apps)
    .filter(([, list]) => list.length > 0)
    .map(([app, list]): [string, Array<z.infer<typeof RecentSignInSchema>>] => {
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

export const SETTING_FIELDS = {
  interceptionEnabled: field({
    schema: bool,
    managed: {
      apply: 'replace',
      policy: {
        title: 'Show the role picker',
        description: "Open the extension's role picker when the IdP signs in to AWS. false lets sign-ins go straight to AWS.",
        type: 'boolean',
      },
    },
  }),
  /** Empty means "derive" (`defaultPreferredRegions`). */
  preferredRegions: field({
    schema: z.array(RegionCode).check(z.maxLength(LIMITS.preferredRegions), z.refine(unique(String), 'regions repeat')),
    clean: listOf(bySchema(RegionCode), LIMITS.preferredRegions, String),
    managed: {
      apply: 'replace',
      policy: {
        title: 'Preferred sign-in regions',
        description: 'AWS region codes (e.g. "us-east-2", "eu-west-1") in order of preference. An empty list lets the extension choose by time zone.',
        type: 'array',
        items: { type: 'string' },
      },
    },
  }),
  /** Per region, the URL of the IdP's app tile that signs in through that region's endpoint. */
  idpAppLinks: field({
    schema: z.record(RegionCode, HttpsUrl),
    clean: mapOf(RegionCode, bySchema(HttpsUrl), ALL_REGIONS.length),
    chunked: 'map',
    managed: {
      apply: 'merge',
      policy: {
        title: 'IdP app link per region',
        description: "For each region code, the https:// URL of the IdP app tile whose SAML assertion is addressed to that region's sign-in endpoint.",
        type: 'object',
        additionalProperties: { type: 'string' },
      },
    },
  }),
  accountNames: field({
    schema: z.record(AccountId, AccountName).check(z.refine((m) => Object.keys(m).length <= LIMITS.accountNames)),
    clean: mapOf(AccountId, bySchema(AccountName), LIMITS.accountNames),
    chunked: 'map',
    managed: {
      apply: 'merge',
      policy: {
        title: 'Account names',
        description: 'Names shown next to 12-digit AWS account IDs, e.g. {"123456789012": "prod"}. 1 to 64 characters each.',
        type: 'object',
        additionalProperties: { type: 'string' },
      },
    },
  }),
  aliasPattern: field({ schema: AliasPatternSchema }),
  /** IdP apps for which the picker no longer offers to read account names from role names. */
  aliasOfferDeclined: field({
    schema: z.array(IdpAppKey).check(z.maxLength(LIMITS.aliasOfferDeclined), z.refine(unique(String), 'IdP apps repeat')),
    clean: listOf(bySchema(IdpAppKey), LIMITS.aliasOfferDeclined, String),
    chunked: 'list',
  }),
  /** A colour per account ID (it wins over the name rules). */
  accountColours: field({
    schema: z.record(AccountId, Colour).check(z.refine((m) => Object.keys(m).length <= LIMITS.accountColours)),
    clean: mapOf(AccountId, bySchema(Colour), LIMITS.accountColours),
    chunked: 'map',
    managed: {
      apply: 'merge',
      policy: {
        title: 'Account colours',
        description: `A colour per 12-digit AWS account ID, shown on the role picker's rows (and Firefox containers), e.g. {"123456789012": "red"}. One of: ${ACCOUNT_COLOURS.join(', ')}.`,
        type: 'object',
        additionalProperties: { type: 'string', enum: [...ACCOUNT_COLOURS] },
      },
    },
  }),
  /** Colours by account name, the first matching rule winning. */
  colourRules: field({
    schema: z
      .array(ColourRuleSchema)
      .check(z.maxLength(LIMITS.colourRules), z.refine(unique((r: { words: string }) => r.words.toLowerCase()), 'rules repeat')),
    clean: listOf(objectOf(ColourRuleSchema), LIMITS.colourRules, (r) => r.words.toLowerCase()),
    chunked: 'list',
    managed: {
      // The policy's rules come first (the first match wins); a user's rule for the same words goes.
      apply: (user, managed) => {
        const theirs = managed as Array<z.infer<typeof ColourRuleSchema>>;
        const words = new Set(theirs.map((r) => r.words.toLowerCase()));
        return [...theirs, ...(user as Array<z.infer<typeof ColourRuleSchema>>).filter((r) => !words.has(r.words.toLowerCase()))];
      },
      policy: {
        title: 'Account colours by name',
        description:
          'Rules that colour accounts by their name, before the user\'s own rules; the first match wins. "words" match whole words of the account name, ignoring case (e.g. "prod" matches "sandbox-prod", not "nonprod").',
        type: 'array',
        items: {
          type: 'object',
          properties: {
            words: { type: 'string' },
            colour: { type: 'string', enum: [...ACCOUNT_COLOURS] },
          },
        },
      },
    },
  }),
  pins: field({
    schema: z.array(PinSchema).check(z.maxLength(LIMITS.pins), z.refine(unique((p: { roleArn: string }) => p.roleArn), 'pinned roles repeat')),
    clean: listOf(objectOf(PinSchema), LIMITS.pins, (p) => p.roleArn),
    chunked: 'list',
  }),
  /** Per IdP app, most recent first. */
  recent: field({
    schema: RecentSchema,
    clean: cleanRecent,
    chunked: 'map-of-lists',
  }),
  autoSignIn: field({
    schema: z.record(IdpAppKey, AutoSignInSchema).check(z.refine((m) => Object.keys(m).length <= LIMITS.autoSignIn)),
    clean: mapOf(IdpAppKey, objectOf(AutoSignInSchema), LIMITS.autoSignIn),
    chunked: 'map',
  }),
  theme: field({ schema: oneOf(['system', 'light', 'dark']) }),
  reducedMotion: field({ schema: oneOf(['system', 'reduce']) }),
  /** How to sign in to a region other than the assertion's own (signin-method.ts). */
  signinMethod: field({
    schema: oneOf(SIGNIN_METHOD_SETTINGS),
    managed: {
      apply: 'replace',
      policy: {
        title: 'Sign-in method for other regions',
        description:
          '"auto": re-post the assertion to the chosen region\'s SAML endpoint and, when AWS refuses it, sign in through that region\'s STS and federation endpoints. "repost": only re-post. "sts": always sign in through STS and federation.',
        type: 'string',
        enum: [...SIGNIN_METHOD_SETTINGS],
      },
    },
  }),
  /** The longest STS session to ask for, in seconds (the role's MaxSessionDuration may allow more). */
  sessionDurationCap: field({
    schema: z
      .number({ error: (iss) => `expected a number of seconds, found ${describeValue(iss.input)}` })
      .check(
        z.int({ error: 'expected a whole number of seconds' }),
        z.gte(MIN_SESSION_SECONDS, { error: `at least ${MIN_SESSION_SECONDS} seconds` }),
        z.lte(MAX_SESSION_SECONDS, { error: `at most ${MAX_SESSION_SECONDS} seconds` }),
      ),
  }),
  /** The format "Copy CLI credentials" writes, as last chosen. */
  cliFormat: field({ schema: oneOf(CLI_FORMATS) }),
} as const;

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

export function readVersioned(raw: Raw, rejected: string[]): { fields: Partial<Settings>; newer: boolean } {
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

/** The candidate as valid settings: exactly what the schema accepts, field by field if need be. */
export function finish(candidate: Settings, rejected: string[]): Settings {
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
