// Account names the picker shows next to account IDs: derived from how the organisation names its
// roles, SAML providers or IdP groups, overridden by the user's own aliases, or imported from a file.
import { parseSamlProviderArn } from '../aws/arn';
import { MAX_ACCOUNT_NAME_LENGTH } from '../base/limits';
import { validateAliasRegex } from './alias-regex';
import type { UserMessage } from '../words/user-message';

export { MAX_ALIAS_REGEX_LENGTH, validateAliasRegex, type AliasRegexCheck } from './alias-regex';

// Importing names from a file (CSV, JSON) is in account-names-file.ts: the options page needs it,
// the picker does not.

/** How an organisation encodes account aliases (stored in settings as `aliasPattern`). */
export type AliasPattern =
  | { readonly kind: 'none' }
  | { readonly kind: 'role-name'; readonly pattern: string }
  | { readonly kind: 'preset'; readonly preset: AliasPreset };

export const ALIAS_PRESETS = ['okta-provider-alias-role'] as const;
export type AliasPreset = (typeof ALIAS_PRESETS)[number];

export interface DerivableRole {
  readonly accountId: string;
  readonly roleName: string;
  /** The SAML provider ARN of the role (`arn:aws:iam::<id>:saml-provider/<Name>`). */
  readonly principalArn?: string;
}

/** IAM caps role names at 64 characters; longer input is never matched against a user regex. */
const MAX_ROLE_NAME_LENGTH = 64;

const ACCOUNT_ID = /^\d{12}$/;
// Okta's default AWS role group syntax: aws#[account alias]#[role name]#[account #]
// (Okta help, "Enable group-based role mapping in Okta").
const OKTA_AWS_GROUP = /^aws#([^#\s]{1,64})#[^#]{1,64}#(\d{12})$/i;

/**
 * How long reading names from role names may take in all, for one list of roles. A pattern that
 * passed validateAliasRegex costs well under a millisecond per role name; this bounds what the
 * checker cannot foresee (role names built to split in many ways), since a running regex cannot be
 * interrupted, only not started again.
 */
export const DERIVE_BUDGET_MS = 150;

export interface DerivedNames {
  /** By account ID. */
  readonly names: Record<string, string>;
  /** Per role, in order, what the rule read (undefined: nothing), for the roles it got to. */
  readonly aliases: readonly (string | undefined)[];
  /** The time budget ran out: roles from `aliases.length` on were not read, and the page says so. */
  readonly gaveUp: boolean;
}

export interface DeriveOptions {
  /** IdP group names in Okta's default AWS syntax `aws#<alias>#<role>#<account id>`. */
  readonly groups?: readonly string[];
  /** Milliseconds, any origin (tests pass their own). */
  readonly clock?: () => number;
  readonly budgetMs?: number;
}

/**
 * Account names the organisation encodes, by account ID. `groups` name their account outright and
 * are used whatever the pattern (except `none`). When an account's roles suggest different names,
 * the most frequent wins, then the first seen. Stops reading role names once `budgetMs` has passed.
 */
export function readAccountNames(roles: readonly DerivableRole[], pattern: AliasPattern, options: DeriveOptions = {}): DerivedNames {
  if (pattern.kind === 'none') return { names: {}, aliases: [], gaveUp: false };
  const { groups = [], clock = () => performance.now(), budgetMs = DERIVE_BUDGET_MS } = options;
  const votes = new Map<string, Map<string, number>>();
  const vote = (accountId: string, alias: string | undefined): string | undefined => {
    const name = alias?.trim().slice(0, MAX_ACCOUNT_NAME_LENGTH);
    if (!name || !ACCOUNT_ID.test(accountId)) return undefined;
    const counts = votes.get(accountId) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    votes.set(accountId, counts);
    return name;
  };
  for (const group of groups) {
    const match = OKTA_AWS_GROUP.exec(group);
    if (match) vote(match[2]!, match[1]);
  }
  const read = readerFor(pattern);
  const aliases: (string | undefined)[] = [];
  const deadline = clock() + budgetMs;
  let gaveUp = false;
  for (const role of read ? roles : []) {
    if (clock() > deadline) {
      gaveUp = true;
      break;
    }
    aliases.push(vote(role.accountId, read!(role)));
  }
  const names: Record<string, string> = {};
  for (const [accountId, counts] of votes) {
    let best: [string, number] | undefined;
    for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
    if (best) names[accountId] = best[0];
  }
  return { names, aliases, gaveUp };
}

/** readAccountNames' names alone, for callers that show no message (the preset, the inline offer). */
export function deriveAccountNames(roles: readonly DerivableRole[], pattern: AliasPattern, groups: readonly string[] = []): Record<string, string> {
  return readAccountNames(roles, pattern, { groups }).names;
}

function readerFor(pattern: AliasPattern): ((role: DerivableRole) => string | undefined) | undefined {
  if (pattern.kind === 'preset') return oktaAlias;
  if (pattern.kind !== 'role-name') return undefined;
  const check = validateAliasRegex(pattern.pattern);
  if (!check.ok) return undefined;
  return (role) => (role.roleName.length > MAX_ROLE_NAME_LENGTH ? undefined : check.regex.exec(role.roleName)?.groups?.['alias']);
}

/**
 * `<Provider>-<Alias>-<Role>`: a role named after its SAML provider (or starting `Okta-`), e.g.
 * `Okta-prod-Admin` under provider `Okta` gives `prod` (the role is the last hyphen-separated part,
 * so `Okta-acme-prod-Admin` gives `acme-prod`). Failing that, a provider named `<IdP>-<Alias>` (`Okta-prod`) gives `prod`:
 * a provider belongs to one account, so its name carries no role.
 */
function oktaAlias(role: DerivableRole): string | undefined {
  return oktaAliasFromRoleName(role) ?? oktaAliasFromProvider(role);
}

const providerOf = (role: DerivableRole) => (role.principalArn ? parseSamlProviderArn(role.principalArn)?.providerName : undefined);

function oktaAliasFromRoleName(role: DerivableRole): string | undefined {
  const provider = providerOf(role);
  const lowerName = role.roleName.toLowerCase();
  for (const prefix of new Set([provider, 'Okta'])) {
    if (!prefix || !lowerName.startsWith(`${prefix.toLowerCase()}-`)) continue;
    const rest = role.roleName.slice(prefix.length + 1);
    const lastHyphen = rest.lastIndexOf('-');
    if (lastHyphen > 0 && lastHyphen < rest.length - 1) return rest.slice(0, lastHyphen);
  }
  return undefined;
}

function oktaAliasFromProvider(role: DerivableRole): string | undefined {
  const provider = providerOf(role);
  const hyphen = provider?.indexOf('-') ?? -1;
  if (provider && hyphen > 0 && hyphen < provider.length - 1) return provider.slice(hyphen + 1);
  return undefined;
}

/** The Okta preset, as the picker offers it inline. */
export const OKTA_PRESET: AliasPattern = { kind: 'preset', preset: 'okta-provider-alias-role' };

/**
 * Whether the picker should offer, once and inline, to read account names from role names with
 * the Okta preset: no rule is set, this IdP app was not answered "never", most role names follow
 * `<Provider>-<Alias>-<Role>`, and the preset would name accounts that have no name yet. Gives how
 * many accounts it would name, or undefined.
 */
export function presetOffer(
  roles: readonly DerivableRole[],
  context: { readonly pattern: AliasPattern; readonly declined: boolean; readonly known: Readonly<Record<string, string>> },
): { readonly accounts: number } | undefined {
  if (context.pattern.kind !== 'none' || context.declined || roles.length < 2) return undefined;
  const following = roles.filter((r) => oktaAliasFromRoleName(r) !== undefined).length;
  if (following * 2 <= roles.length) return undefined;
  const named = Object.keys(deriveAccountNames(roles, OKTA_PRESET)).filter((id) => !Object.hasOwn(context.known, id));
  return named.length ? { accounts: named.length } : undefined;
}

export interface AliasPreviewRow {
  readonly accountId: string;
  readonly roleName: string;
  /** What the rule reads from this role; undefined when it reads nothing (or the time ran out first). */
  readonly alias: string | undefined;
}

/**
 * What a rule makes of the given roles, before it is applied (the settings page, on the roles of
 * recent sign-ins): per role what it reads, and per account the name it would show. An invalid
 * custom pattern gives its error instead.
 */
export function previewAliasPattern(
  roles: readonly DerivableRole[],
  pattern: AliasPattern,
  options: Omit<DeriveOptions, 'groups'> = {},
):
  | { ok: true; rows: AliasPreviewRow[]; names: Record<string, string>; gaveUp: boolean; read: number }
  | { ok: false; error: UserMessage } {
  if (pattern.kind === 'role-name') {
    const check = validateAliasRegex(pattern.pattern);
    if (!check.ok) return check;
  }
  const { names, aliases, gaveUp } = readAccountNames(roles, pattern, options);
  const rows = roles.map((role, i) => ({ accountId: role.accountId, roleName: role.roleName, alias: aliases[i] }));
  return { ok: true, rows, names, gaveUp, read: aliases.length };
}

/** Names to show: the user's own aliases always win over derived ones. */
export function resolveAccountNames(
  derived: Readonly<Record<string, string>>,
  user: Readonly<Record<string, string>>,
): Record<string, string> {
  return { ...derived, ...user };
}
