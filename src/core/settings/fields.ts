// The settings table: a row per setting gives its check (its schema), its default, how storage.sync
// splits it and what a policy does to it; reading, sync, policy and managed-schema.json derive from it.
import { ACCOUNT_COLOURS, MAX_COLOUR_RULES } from '../accounts/colours';
import type { AliasPattern } from '../accounts/names';
import { ALL_REGIONS } from '../aws/catalog';
import { DEFAULT_SESSION_CAP_SECONDS, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from '../base/limits';
import { SIGNIN_METHOD_SETTINGS } from '../signin/method';
import { CLI_FORMATS } from '../signin/cli-credentials';
import { message } from '../words/user-message';
import * as v from './values';

export const SETTINGS_VERSION = 2;
export const LIMITS = { preferredRegions: 50, pins: 50, recentPerApp: 10, recentApps: 20, autoSignIn: 20, accountNames: 10_000, accountColours: 10_000, aliasOfferDeclined: 50 } as const;

/** A policy value `replace`s the user's, is `merge`d into a map (winning), or is applied by a function. */
type ManagedSpec = { apply: 'replace' | 'merge' | ((user: unknown, managed: unknown) => unknown); policy: { title: string; description: string } & Record<string, unknown> };
type Extra = { readonly chunked?: 'list' | 'map' | 'map-of-lists'; readonly managed?: ManagedSpec }; // chunked: sync.ts
const row = <T, const X extends Extra = Extra>(read: v.Check<T>, initial: () => NoInfer<T>, extra?: X) => ({ read, initial, ...(extra as X) });
const replaced = (title: string, description: string, schema: Record<string, unknown>) => ({ apply: 'replace' as const, policy: { title, description, ...schema } });
const merged = (title: string, description: string, values?: readonly string[]) =>
  ({ apply: 'merge' as const, policy: { title, description, type: 'object', additionalProperties: values ? { type: 'string', enum: [...values] } : { type: 'string' } } });
const ruleWords = (r: v.ColourRule): string => r.words.toLowerCase();

/** Per IdP app, newest first, one per role, within both caps: the surplus is reported. */
const readRecent: v.Check<Record<string, v.RecentSignIn[]>> = (raw, path, rejected) => {
  const apps = v.mapOf(v.IdpAppKey, v.listOf(v.RecentSignInCheck, Infinity), Infinity)(raw, path, rejected);
  const lists = Object.entries(apps ?? {})
    .filter(([, list]) => list.length > 0)
    .map(([app, list]): [string, v.RecentSignIn[]] => {
      const kept = [...list].sort((a, b) => b.at - a.at).filter((r, i, all) => all.findIndex((s) => s.roleArn === r.roleArn) === i);
      const dropped = kept.length - LIMITS.recentPerApp;
      if (dropped > 0) rejected.push(v.rejectedAt(v.pathOf(path, app), message('rejRecentPerApp', { max: LIMITS.recentPerApp, dropped })));
      return [app, kept.slice(0, LIMITS.recentPerApp)];
    })
    .sort((a, b) => (b[1][0]?.at ?? 0) - (a[1][0]?.at ?? 0));
  for (const [app] of lists.slice(LIMITS.recentApps)) rejected.push(v.rejectedAt(v.pathOf(path, app), message('rejRecentApps', { max: LIMITS.recentApps })));
  return apps && Object.fromEntries(lists.slice(0, LIMITS.recentApps));
};

export const SETTING_FIELDS = {
  interceptionEnabled: row(v.bool, () => true, {
    managed: replaced('Show the role picker', "Open the extension's role picker when the IdP signs in to AWS. false lets sign-ins go straight to AWS.", { type: 'boolean' }),
  }),
  /** Empty means "derive" (`defaultPreferredRegions`). */
  preferredRegions: row(v.listOf(v.RegionCode, LIMITS.preferredRegions, String), () => [], {
    managed: replaced('Preferred sign-in regions', 'AWS region codes (e.g. "us-east-2", "eu-west-1") in order of preference. An empty list lets the extension choose by time zone.', { type: 'array', items: { type: 'string' } }),
  }),
  idpAppLinks: row(v.mapOf(v.RegionCode, v.HttpsUrl, ALL_REGIONS.length), () => ({}), {
    chunked: 'map',
    managed: merged('IdP app link per region', "For each region code, the https:// URL of the IdP app tile whose SAML assertion is addressed to that region's sign-in endpoint."),
  }),
  accountNames: row(v.mapOf(v.AccountId, v.AccountName, LIMITS.accountNames), () => ({}), {
    chunked: 'map',
    managed: merged('Account names', 'Names shown next to 12-digit AWS account IDs, e.g. {"123456789012": "prod"}. 1 to 64 characters each.'),
  }),
  aliasPattern: row<AliasPattern>(v.AliasPatternCheck, () => ({ kind: 'none' })),
  /** IdP apps for which the picker no longer offers account names (read from role names, or from AWS). */
  aliasOfferDeclined: row(v.listOf(v.IdpAppKey, LIMITS.aliasOfferDeclined, String), () => [], { chunked: 'list' }),
  /** It wins over the name rules. */
  accountColours: row(v.mapOf(v.AccountId, v.Colour, LIMITS.accountColours), () => ({}), {
    chunked: 'map',
    managed: merged('Account colours', `A colour per 12-digit AWS account ID, shown on the role picker's rows (and Firefox containers), e.g. {"123456789012": "red"}. One of: ${ACCOUNT_COLOURS.join(', ')}.`, ACCOUNT_COLOURS),
  }),
  colourRules: row(v.listOf(v.ColourRuleCheck, MAX_COLOUR_RULES, ruleWords), () => [], {
    chunked: 'list',
    managed: {
      ...replaced('Account colours by name', 'Rules that colour accounts by their name, before the user\'s own rules; the first match wins. "words" match whole words of the account name, ignoring case (e.g. "prod" matches "sandbox-prod", not "nonprod").',
        { type: 'array', items: { type: 'object', properties: { words: { type: 'string' }, colour: { type: 'string', enum: [...ACCOUNT_COLOURS] } } } }),
      // The policy's rules come first (the first match wins); a user's rule for the same words goes.
      apply: (user, managed) => [...(managed as v.ColourRule[]), ...(user as v.ColourRule[]).filter((r) => !(managed as v.ColourRule[]).some((m) => ruleWords(m) === ruleWords(r)))],
    },
  }),
  pins: row(v.listOf(v.PinCheck, LIMITS.pins, (p) => p.roleArn), () => [], { chunked: 'list' }),
  recent: row(readRecent, () => ({}), { chunked: 'map-of-lists' }),
  autoSignIn: row(v.mapOf(v.IdpAppKey, v.AutoSignInCheck, LIMITS.autoSignIn), () => ({}), { chunked: 'map' }),
  theme: row(v.oneOf(['system', 'light', 'dark']), () => 'system' as const),
  reducedMotion: row(v.oneOf(['system', 'reduce']), () => 'system' as const),
  /** signin/method.ts */
  signinMethod: row(v.oneOf(SIGNIN_METHOD_SETTINGS), () => 'auto' as const, {
    managed: replaced('Sign-in method for other regions', '"auto": re-post the assertion to the chosen region\'s SAML endpoint and, when AWS refuses it, sign in through that region\'s STS and federation endpoints. "repost": only re-post. "sts": always sign in through STS and federation.', { type: 'string', enum: [...SIGNIN_METHOD_SETTINGS] }),
  }),
  /** The longest STS session to ask for, in seconds (the role's MaxSessionDuration may allow more). */
  sessionDurationCap: row(v.whole(message('whatSeconds'), message('rejWholeSeconds'), [
    [(n) => n >= MIN_SESSION_SECONDS, message('rejAtLeastSeconds', { min: MIN_SESSION_SECONDS })],
    [(n) => n <= MAX_SESSION_SECONDS, message('rejAtMostSeconds', { max: MAX_SESSION_SECONDS })],
  ]), () => DEFAULT_SESSION_CAP_SECONDS),
  cliFormat: row(v.oneOf(CLI_FORMATS), () => 'bash' as const),
  /** signin/sts-permission.ts */
  allowCliCredentials: row(v.bool, () => true, {
    managed: replaced('Allow CLI credentials', 'false removes "Copy CLI credentials": the extension then never hands out STS keys for the AWS CLI, while the console sign-in through STS stays as "signinMethod" says. "signinMethod": "repost" turns every use of STS off, this one included.', { type: 'boolean' }),
  }),
  clearCopiedCredentials: row(v.bool, () => false),
  automaticFailoverCheck: row(v.bool, () => false, {
    managed: replaced('Automatic failover check', 'After a normal sign-in, at most once a week per identity provider app, check in the background whether the roles you use would get in through another region (re-post or STS). Off by default.', { type: 'boolean' }),
  }),
};

type Table = typeof SETTING_FIELDS;
export type SettingsKey = keyof Table;
export type Settings = { version: typeof SETTINGS_VERSION } & { [K in SettingsKey]: Table[K] extends { read: v.Check<infer T> } ? T : never };
/** Settings an administrator may set (their row has `managed`). */
export type ManagedKey = { [K in SettingsKey]: Table[K] extends { managed: ManagedSpec } ? K : never }[SettingsKey];
export const FIELD_ROWS = Object.entries(SETTING_FIELDS) as Array<[SettingsKey, { read: v.Check<unknown>; initial: () => unknown } & Extra]>;

export function defaultSettings(): Settings {
  return { version: SETTINGS_VERSION, ...Object.fromEntries(FIELD_ROWS.map(([key, f]) => [key, f.initial()])) } as Settings;
}
