// Account names the picker shows next to account IDs: derived from how the organisation names its
// roles, SAML providers or IdP groups, overridden by the user's own aliases, or imported from a file.
import { parseSamlProviderArn } from './arn';
import { MAX_ACCOUNT_NAME_LENGTH } from './limits';
import { message, type UserMessage } from './user-message';

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

export const MAX_ALIAS_REGEX_LENGTH = 200;
/** IAM caps role names at 64 characters; longer input is never matched against a user regex. */
const MAX_ROLE_NAME_LENGTH = 64;
/** Each variable quantifier multiplies backtracking by up to the input length (64). */
const MAX_VARIABLE_QUANTIFIERS = 4;

const ACCOUNT_ID = /^\d{12}$/;
// Okta's default AWS role group syntax: aws#[account alias]#[role name]#[account #]
// (Okta help, "Enable group-based role mapping in Okta").
const OKTA_AWS_GROUP = /^aws#([^#\s]{1,64})#[^#]{1,64}#(\d{12})$/i;

export type AliasRegexCheck = { ok: true; regex: RegExp } | { ok: false; error: UserMessage };

/**
 * Checks a user-supplied regex before it is ever run: length cap, it must compile, it must have an
 * `(?<alias>…)` group, and no construct known to backtrack catastrophically (nested or alternated
 * quantified groups, backreferences, more than a few variable quantifiers). A heuristic: JavaScript
 * cannot interrupt a running regex, so anything doubtful is refused.
 */
export function validateAliasRegex(source: string): AliasRegexCheck {
  if (source.length === 0) return { ok: false, error: message('patternEmpty') };
  if (source.length > MAX_ALIAS_REGEX_LENGTH) {
    return { ok: false, error: message('patternTooLong', { length: source.length, max: MAX_ALIAS_REGEX_LENGTH }) };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (error) {
    return { ok: false, error: message('patternInvalid', { error: (error as Error).message }) };
  }
  if (!/\(\?<alias>/.test(source)) {
    return { ok: false, error: message('patternNoGroup') };
  }
  const risk = backtrackingRisk(source);
  if (risk) return { ok: false, error: risk };
  return { ok: true, regex };
}

interface GroupFrame {
  variable: boolean;
  alternation: boolean;
}

function backtrackingRisk(source: string): UserMessage | undefined {
  const stack: GroupFrame[] = [{ variable: false, alternation: false }];
  let variableQuantifiers = 0;
  let closedGroup: GroupFrame | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const top = stack[stack.length - 1]!;
    const group = closedGroup;
    closedGroup = undefined;
    const braces = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i)) : null;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return message('patternBackreference');
      i++;
    } else if (c === '[') {
      // Skip the class; `]` right after `[` or `[^` is a literal.
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++;
      i = j;
    } else if (c === '(') {
      stack.push({ variable: false, alternation: false });
      // (?: (?= (?! (?<= (?<! (?<name>: skip the syntax so its `?` is not read as a quantifier.
      const syntax = /^\?(?:<[A-Za-z_$][\w$]*>|<=|<!|[:=!])/.exec(source.slice(i + 1));
      if (syntax) i += syntax[0].length;
    } else if (c === ')') {
      if (stack.length > 1) {
        closedGroup = stack.pop()!;
        const parent = stack[stack.length - 1]!;
        parent.variable ||= closedGroup.variable;
      }
    } else if (c === '|') {
      top.alternation = true;
    } else if (c === '*' || c === '+' || c === '?' || braces) {
      const min = braces ? Number(braces[1]) : c === '+' ? 1 : 0;
      const max = braces ? (braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity) : c === '?' ? 1 : Infinity;
      if (braces) i += braces[0].length - 1;
      if (source[i + 1] === '?') i++; // lazy
      // An optional group runs at most once; any other repetition of a group that can match in
      // several ways multiplies those ways with every repetition.
      if (group && max > 1 && (group.variable || group.alternation)) return message('patternNested');
      if (min !== max) {
        top.variable = true;
        variableQuantifiers++;
      }
    }
  }
  if (variableQuantifiers > MAX_VARIABLE_QUANTIFIERS) {
    return message('patternTooManyRepetitions', { count: variableQuantifiers, max: MAX_VARIABLE_QUANTIFIERS });
  }
  return undefined;
}

/**
 * Account names the organisation encodes, by account ID. `groups` are IdP group names in Okta's
 * default AWS syntax `aws#<alias>#<role>#<account id>`; they name their account outright and are
 * used whatever the pattern (except `none`). When an account's roles suggest different names, the
 * most frequent wins, then the first seen.
 */
export function deriveAccountNames(
  roles: readonly DerivableRole[],
  pattern: AliasPattern,
  groups: readonly string[] = [],
): Record<string, string> {
  if (pattern.kind === 'none') return {};
  const votes = new Map<string, Map<string, number>>();
  const vote = (accountId: string, alias: string | undefined): void => {
    const name = alias?.trim().slice(0, MAX_ACCOUNT_NAME_LENGTH);
    if (!name || !ACCOUNT_ID.test(accountId)) return;
    const counts = votes.get(accountId) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    votes.set(accountId, counts);
  };
  for (const group of groups) {
    const match = OKTA_AWS_GROUP.exec(group);
    if (match) vote(match[2]!, match[1]);
  }
  if (pattern.kind === 'preset') {
    for (const role of roles) vote(role.accountId, oktaAlias(role));
  } else {
    const check = validateAliasRegex(pattern.pattern);
    if (check.ok) {
      for (const role of roles) {
        if (role.roleName.length > MAX_ROLE_NAME_LENGTH) continue;
        vote(role.accountId, check.regex.exec(role.roleName)?.groups?.['alias']);
      }
    }
  }
  const names: Record<string, string> = {};
  for (const [accountId, counts] of votes) {
    let best: [string, number] | undefined;
    for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
    if (best) names[accountId] = best[0];
  }
  return names;
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

/** The Okta preset, as the picker offers it inline (issue I, item 4). */
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
  /** What the rule reads from this role; undefined when it reads nothing. */
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
): { ok: true; rows: AliasPreviewRow[]; names: Record<string, string> } | { ok: false; error: UserMessage } {
  if (pattern.kind === 'role-name') {
    const check = validateAliasRegex(pattern.pattern);
    if (!check.ok) return check;
  }
  const rows = roles.map((role) => ({
    accountId: role.accountId,
    roleName: role.roleName,
    alias: deriveAccountNames([role], pattern)[role.accountId],
  }));
  return { ok: true, rows, names: deriveAccountNames(roles, pattern) };
}

/** Names to show: the user's own aliases always win over derived ones. */
export function resolveAccountNames(
  derived: Readonly<Record<string, string>>,
  user: Readonly<Record<string, string>>,
): Record<string, string> {
  return { ...derived, ...user };
}
