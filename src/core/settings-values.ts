// The kinds of value the settings hold (a region code, an https:// URL, a 12-digit account ID, a
// role ARN, …), each a zod schema whose messages say what is wrong with a value, and the settings'
// size limits. The settings table (settings-fields.ts) builds every setting from these.
// zod/mini: classic zod's validation, tree-shaken.
import * as z from 'zod/mini';
import { ALIAS_PRESETS, validateAliasRegex, type AliasPattern } from './account-names';
import { accountNameProblem } from './account-names-file';
import { ACCOUNT_COLOURS, MAX_COLOUR_RULES, colourRuleProblem } from './account-colours';
import { parseRoleArn } from './arn';
import { isCatalogRegion } from './endpoint-catalog';
import { MAX_URL_LENGTH } from './limits';
import { ALIAS_OFFER_DECLINED_MAX } from './settings-defaults';
import { describeValue as describeValueMessage } from './partial-parse';
import type { UserMessage } from './user-message';

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

/**
 * A value in zod's words (the type errors below): these stay zod messages, plain text, so the
 * words a message would give are written here as zod's English ones are.
 */
export const describeValue = (value: unknown): string => {
  const said = describeValueMessage(value);
  if (typeof said === 'string') return said;
  return said.code === 'valueNothing' ? 'nothing' : said.code === 'valueList' ? 'a list' : 'an object';
};

/**
 * A check of a string that fails with what `problem` returns (undefined: acceptable): a message
 * goes in the issue's params, where partial-parse.ts's issueReason finds it.
 */
const failsWith = (problem: (s: string) => string | UserMessage | undefined) =>
  z.superRefine((s: string, ctx) => {
    const reason = problem(s);
    if (typeof reason === 'string') ctx.addIssue({ code: 'custom', message: reason });
    else if (reason) ctx.addIssue({ code: 'custom', message: reason.code, params: { userMessage: reason } });
  });

/** A string checked by `problem`, which returns why it is not acceptable. */
const text = (what: string, problem: (s: string) => string | undefined) =>
  z.string({ error: (iss) => `expected ${what}, found ${describeValue(iss.input)}` }).check(failsWith(problem));

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) => `expected ${values.map((v) => JSON.stringify(v)).join(' or ')}, found ${describeValue(iss.input)}`,
  });

export const RegionCode = text('a region code like "eu-west-1"', (s) =>
  isCatalogRegion(s) ? undefined : `${describeValue(s)} is not an AWS region this version of the extension knows`,
);
export const HttpsUrl = text('an https:// URL', (s) => {
  if (s.length > LIMITS.urlLength) return `the URL is longer than ${LIMITS.urlLength} characters`;
  try {
    const url = new URL(s);
    if (url.protocol === 'https:' && !url.username && !url.password) return undefined;
  } catch {
    // reported below
  }
  return `${describeValue(s)} is not an https:// URL`;
});
export const AccountId = text('a 12-digit account ID', (s) =>
  /^\d{12}$/.test(s) ? undefined : `${describeValue(s)} is not a 12-digit AWS account ID`,
);
export const AccountName = z
  .string({ error: (iss) => `expected a name, found ${describeValue(iss.input)}` })
  .check(z.trim(), failsWith(accountNameProblem));
const RoleArnText = text('a role ARN', (s) =>
  parseRoleArn(s) ? undefined : `${describeValue(s)} is not an IAM role ARN (arn:aws:iam::123456789012:role/Name)`,
);
// Which IdP app an assertion came from (the shell decides; the assertion's Issuer suits Okta,
// which gives every app its own). Recent sign-ins and auto sign-in are kept per app.
export const IdpAppKey = text('an IdP app key', (s) => {
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
        failsWith((s) => {
          const check = validateAliasRegex(s);
          return check.ok ? undefined : check.error;
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
export const Colour = oneOf(ACCOUNT_COLOURS);
export const ColourRuleSchema = entry({
  words: z
    .string({ error: (iss) => `expected the words as text, found ${describeValue(iss.input)}` })
    .check(z.trim(), failsWith(colourRuleProblem)),
  colour: Colour,
});
export const PinSchema = entry({ roleArn: RoleArnText, region: z.optional(RegionCode) });
export const RecentSignInSchema = entry({ roleArn: RoleArnText, region: RegionCode, at: Timestamp });
export const AutoSignInSchema = entry({ roleArn: RoleArnText, region: RegionCode });

export const unique = <T>(key: (t: T) => string) => (list: readonly T[]) => new Set(list.map(key)).size === list.length;

export const bool = z.boolean({ error: (iss) => `expected true or false, found ${describeValue(iss.input)}` });
