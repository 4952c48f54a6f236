// The settings table: everything about each setting in one entry (its schema, how a stored value is
// cleaned part by part, how storage.sync splits it, what an administrator's policy does to it). The
// schema of all settings, the cleaners, sync chunking and the managed-storage schema are derived
// from it (settings.ts, settings-sync.ts, settings-managed.ts); defaults sit in settings-defaults.ts.
import * as z from 'zod/mini';
import { ACCOUNT_COLOURS } from '../accounts/colours';
import { ALL_REGIONS } from '../aws/catalog';
import { CLI_FORMATS } from '../signin/cli-credentials';
import { MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from '../base/limits';
import { bySchema, listOf, mapOf, objectOf, pathOf, rejectedAt, type Cleaner } from './partial-parse';
import { message } from '../words/user-message';
import { SIGNIN_METHOD_SETTINGS } from '../signin/method';
import {
  AccountId,
  AccountName,
  AliasPatternSchema,
  AutoSignInSchema,
  Colour,
  ColourRuleSchema,
  HttpsUrl,
  IdpAppKey,
  LIMITS,
  expected,
  says,
  PinSchema,
  RecentSignInSchema,
  RegionCode,
  bool,
  oneOf,
  unique,
} from './values';

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
export interface FieldSpec<T> {
  readonly schema: z.ZodMiniType<T>;
  /** Keeps the valid parts of a stored value; by default the whole value must pass the schema. */
  readonly clean?: Cleaner<T>;
  readonly chunked?: ChunkedAs;
  readonly managed?: ManagedSpec;
}
// Keeps each entry's own type (its value type, whether it is chunked or managed); the schema's
// value type is the setting's type, and defaults and cleaners are checked against it below.
const field = <T, const S extends FieldSpec<T>>(spec: S & FieldSpec<T>): S => spec;

/** A list setting of at most `max` items, none repeating by `key`, cleaned item by item. */
const listField = <T>(item: z.ZodMiniType<T>, max: number, key: (t: T) => string, repeats: string, cleanItem: Cleaner<T> = bySchema(item)) => ({
  schema: z.array(item).check(z.maxLength(max), z.refine(unique(key), repeats)),
  clean: listOf(cleanItem, max, key),
});

/** A map setting of at most `max` entries, cleaned entry by entry; storage.sync splits it by entry. */
const mapField = <K extends z.core.$ZodRecordKey & z.ZodMiniType<string>, V>(key: K, value: z.ZodMiniType<V>, max: number, cleanValue: Cleaner<V> = bySchema(value)) => ({
  schema: z.record(key, value).check(z.refine((m) => Object.keys(m).length <= max)),
  clean: mapOf(key, cleanValue, max),
  chunked: 'map' as const,
});

/** A map an administrator's entries are merged into, the policy's winning; its values are text, or one of `values`. */
const mergedMap = (title: string, description: string, values?: readonly string[]) => ({
  apply: 'merge' as const,
  policy: { title, description, type: 'object', additionalProperties: values ? { type: 'string', enum: [...values] } : { type: 'string' } },
});

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
        rejected.push(rejectedAt(pathOf(path, app), message('rejRecentPerApp', { max: LIMITS.recentPerApp, dropped: kept.length - LIMITS.recentPerApp })));
      }
      return [app, kept.slice(0, LIMITS.recentPerApp)];
    })
    .sort((a, b) => (b[1][0]?.at ?? 0) - (a[1][0]?.at ?? 0));
  for (const [app] of lists.slice(LIMITS.recentApps)) {
    rejected.push(rejectedAt(pathOf(path, app), message('rejRecentApps', { max: LIMITS.recentApps })));
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
    ...listField(RegionCode, LIMITS.preferredRegions, String, 'regions repeat'),
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
    // Keys are region codes, so the map is never over its limit.
    ...mapField(RegionCode, HttpsUrl, ALL_REGIONS.length),
    managed: mergedMap(
      'IdP app link per region',
      "For each region code, the https:// URL of the IdP app tile whose SAML assertion is addressed to that region's sign-in endpoint.",
    ),
  }),
  accountNames: field({
    ...mapField(AccountId, AccountName, LIMITS.accountNames),
    managed: mergedMap('Account names', 'Names shown next to 12-digit AWS account IDs, e.g. {"123456789012": "prod"}. 1 to 64 characters each.'),
  }),
  aliasPattern: field({ schema: AliasPatternSchema }),
  /** IdP apps for which the picker no longer offers to read account names from role names. */
  aliasOfferDeclined: field({
    ...listField(IdpAppKey, LIMITS.aliasOfferDeclined, String, 'IdP apps repeat'),
    chunked: 'list',
  }),
  /** A colour per account ID (it wins over the name rules). */
  accountColours: field({
    ...mapField(AccountId, Colour, LIMITS.accountColours),
    managed: mergedMap(
      'Account colours',
      `A colour per 12-digit AWS account ID, shown on the role picker's rows (and Firefox containers), e.g. {"123456789012": "red"}. One of: ${ACCOUNT_COLOURS.join(', ')}.`,
      ACCOUNT_COLOURS,
    ),
  }),
  /** Colours by account name, the first matching rule winning. */
  colourRules: field({
    ...listField(ColourRuleSchema, LIMITS.colourRules, (r) => r.words.toLowerCase(), 'rules repeat', objectOf(ColourRuleSchema)),
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
    ...listField(PinSchema, LIMITS.pins, (p) => p.roleArn, 'pinned roles repeat', objectOf(PinSchema)),
    chunked: 'list',
  }),
  /** Per IdP app, most recent first. */
  recent: field({
    schema: RecentSchema,
    clean: cleanRecent,
    chunked: 'map-of-lists',
  }),
  autoSignIn: field(mapField(IdpAppKey, AutoSignInSchema, LIMITS.autoSignIn, objectOf(AutoSignInSchema))),
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
      .number({ error: expected(message('whatSeconds')) })
      .check(
        z.int({ error: says(message('rejWholeSeconds')) }),
        z.gte(MIN_SESSION_SECONDS, { error: says(message('rejAtLeastSeconds', { min: MIN_SESSION_SECONDS })) }),
        z.lte(MAX_SESSION_SECONDS, { error: says(message('rejAtMostSeconds', { max: MAX_SESSION_SECONDS })) }),
      ),
  }),
  /** The format "Copy CLI credentials" writes, as last chosen. */
  cliFormat: field({ schema: oneOf(CLI_FORMATS) }),
  /** Whether "Copy CLI credentials" may ask STS for keys that leave the browser (sts-permission.ts). */
  allowCliCredentials: field({
    schema: bool,
    managed: {
      apply: 'replace',
      policy: {
        title: 'Allow CLI credentials',
        description:
          'false removes "Copy CLI credentials": the extension then never hands out STS keys for the AWS CLI, while the console sign-in through STS stays as "signinMethod" says. "signinMethod": "repost" turns every use of STS off, this one included.',
        type: 'boolean',
      },
    },
  }),
  /** Opt-in: the clipboard is cleared a minute after "Copy CLI credentials" copied to it. */
  clearCopiedCredentials: field({ schema: bool }),
} as const;
