// The kinds of value the settings hold (a region code, an https:// URL, a 12-digit account ID, a
// role ARN, …), each a zod schema whose issues say what is wrong with a value as a message (worded
// by the options page from _locales), and the settings' size limits. The settings table
// (settings-fields.ts) builds every setting from these. zod/mini: classic zod's validation, tree-shaken.
import * as z from 'zod/mini';
import { ALIAS_PRESETS, validateAliasRegex, type AliasPattern } from '../accounts/names';
import { accountNameProblem } from '../accounts/names-file';
import { ACCOUNT_COLOURS, MAX_COLOUR_RULES, colourRuleProblem } from '../accounts/colours';
import { parseRoleArn } from '../aws/arn';
import { isCatalogRegion } from '../aws/catalog';
import { MAX_URL_LENGTH } from '../base/limits';
import { ALIAS_OFFER_DECLINED_MAX } from './defaults';
import { asIssueText, describeValue } from './partial-parse';
import { message, type UserMessage } from '../words/user-message';

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

/** The error of a check that fails with one message. */
export const says = (reason: UserMessage) => () => asIssueText(reason);

/** The error of a value of the wrong type: "expected <what>, found <the value>". */
export const expected = (what: UserMessage) => (iss: { readonly input?: unknown }) =>
  asIssueText(message('rejExpected', { what, found: describeValue(iss.input) }));


/**
 * A check of a string that fails with what `problem` returns (undefined: acceptable): the message
 * travels as the issue's text, where partial-parse.ts's issueReason reads it back.
 */
const failsWith = (problem: (s: string) => UserMessage | undefined) =>
  z.superRefine((s: string, ctx) => {
    const reason = problem(s);
    if (reason) ctx.addIssue({ code: 'custom', message: asIssueText(reason) });
  });

/** A string checked by `problem`, which returns why it is not acceptable. */
const text = (what: UserMessage, problem: (s: string) => UserMessage | undefined) =>
  z.string({ error: expected(what) }).check(failsWith(problem));

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: expected(message('whatOneOf', { choices: values.map((v) => JSON.stringify(v)).join(', ') })) });

export const RegionCode = text(message('whatRegionCode'), (s) =>
  isCatalogRegion(s) ? undefined : message('rejUnknownRegion', { value: describeValue(s) }),
);
export const HttpsUrl = text(message('whatHttpsUrl'), (s) => {
  if (s.length > LIMITS.urlLength) return message('rejUrlTooLong', { max: LIMITS.urlLength });
  try {
    const url = new URL(s);
    if (url.protocol === 'https:' && !url.username && !url.password) return undefined;
  } catch {
    // reported below
  }
  return message('rejNotHttpsUrl', { value: describeValue(s) });
});
export const AccountId = text(message('whatAccountId'), (s) =>
  /^\d{12}$/.test(s) ? undefined : message('rejNotAccountId', { value: describeValue(s) }),
);
export const AccountName = z.string({ error: expected(message('whatName')) }).check(z.trim(), failsWith(accountNameProblem));
const RoleArnText = text(message('whatRoleArn'), (s) =>
  parseRoleArn(s) ? undefined : message('rejNotRoleArn', { value: describeValue(s) }),
);
// Which IdP app an assertion came from (the shell decides; the assertion's Issuer suits Okta,
// which gives every app its own). Recent sign-ins and auto sign-in are kept per app.
export const IdpAppKey = text(message('whatAppKey'), (s) => {
  if (s.length < 1 || s.length > LIMITS.idpAppKeyLength) return message('rejAppKeyLength', { max: LIMITS.idpAppKeyLength });
  // Assigning to "__proto__" changes an object's prototype instead of adding the key.
  if (s === '__proto__') return message('rejProtoAppKey');
  return undefined;
});
const Timestamp = z.number({ error: expected(message('whatTime')) }).check(
  z.int({ error: says(message('rejWholeMs')) }),
  z.gte(0, { error: says(message('rejNegativeTime')) }),
);

export const AliasPatternSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({
      kind: z.literal('role-name'),
      pattern: z.string({ error: says(message('rejExpectedText', { what: message('whatPattern') })) }).check(
        failsWith((s) => {
          const check = validateAliasRegex(s);
          return check.ok ? undefined : check.error;
        }),
      ),
    }),
    z.strictObject({ kind: z.literal('preset'), preset: oneOf(ALIAS_PRESETS) }),
  ],
  { error: expected(message('whatOneOf', { choices: '{"kind": "none"}, {"kind": "role-name", …}, {"kind": "preset", …}' })) },
) satisfies z.ZodMiniType<AliasPattern>;

const entry = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.object(shape, {
    error: (iss) => (iss.code === 'invalid_type' ? expected(message('whatObject'))(iss) : undefined),
  });
export const Colour = oneOf(ACCOUNT_COLOURS);
export const ColourRuleSchema = entry({
  words: z
    .string({ error: expected(message('whatWords')) })
    .check(z.trim(), failsWith(colourRuleProblem)),
  colour: Colour,
});
export const PinSchema = entry({ roleArn: RoleArnText, region: z.optional(RegionCode) });
export const RecentSignInSchema = entry({ roleArn: RoleArnText, region: RegionCode, at: Timestamp });
export const AutoSignInSchema = entry({ roleArn: RoleArnText, region: RegionCode });

export const unique = <T>(key: (t: T) => string) => (list: readonly T[]) => new Set(list.map(key)).size === list.length;

export const bool = z.boolean({ error: expected(message('whatBoolean')) });
