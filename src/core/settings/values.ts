// Reading untrusted JSON (stored settings, a file, policy values) part by part: a check keeps what is
// valid and reports each part it drops as `<path>: <reason>`.
import { ALIAS_PRESETS, validateAliasRegex, type AliasPattern } from '../accounts/names';
import { accountNameProblem } from '../accounts/names-file';
import { ACCOUNT_COLOURS, colourRuleProblem } from '../accounts/colours';
import { parseRoleArn } from '../aws/arn';
import { isCatalogRegion } from '../aws/catalog';
import { MAX_URL_LENGTH } from '../base/limits';
import { message, type MessageValue, type UserMessage } from '../words/user-message';

export type Raw = Record<string, unknown>;
/** Reads one part: its valid value, or undefined after pushing why onto `rejected`. */
export type Check<T> = (raw: unknown, path: string, rejected: UserMessage[]) => T | undefined;
export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value as a sentence fragment: `"abc"`, `42`, or words (`a list`, `nothing`) as a message. */
export function describeValue(value: unknown): MessageValue {
  if (value === undefined) return message('valueNothing');
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  if (Array.isArray(value)) return message('valueList');
  return typeof value === 'object' ? message('valueObject') : String(value);
}
export const rejectedAt = (path: string, reason: MessageValue): UserMessage => message('rejectedAt', { path, reason });
export const pathOf = (base: string, key: PropertyKey): string =>
  typeof key === 'number' ? `${base}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `${base ? `${base}.` : ''}${String(key)}` : `${base}[${JSON.stringify(String(key))}]`;
/** The value, or undefined after pushing the reasons (if any) it is dropped for. */
const judge = <T>(value: T, path: string, rejected: UserMessage[], ...reasons: Array<UserMessage | undefined>): T | undefined => {
  const said = reasons.filter((r) => r !== undefined);
  rejected.push(...said.map((reason) => rejectedAt(path, reason)));
  return said.length ? undefined : value;
};
const expected = (what: UserMessage) => (raw: unknown) => message('rejExpected', { what, found: describeValue(raw) });
type Reasons = UserMessage | undefined | Array<UserMessage | undefined>;
/** A value `test` accepts (else `wrong` says why), `clean`ed, then dropped if `problem` says why. */
const is = <T>(test: (v: unknown) => boolean, wrong: (raw: unknown) => UserMessage, problem: (v: T) => Reasons = () => undefined, clean = (v: T) => v): Check<T> =>
  (raw, path, rejected) => (test(raw) ? judge(clean(raw as T), path, rejected, ...[problem(clean(raw as T))].flat()) : judge(undefined, path, rejected, wrong(raw)));
const isText = (v: unknown) => typeof v === 'string';
const text = (what: UserMessage, problem: (s: string) => UserMessage | undefined, trim = false) => is<string>(isText, expected(what), problem, trim ? (s) => s.trim() : undefined);
export const bool = is<boolean>((v) => typeof v === 'boolean', expected(message('whatBoolean')));
export const oneOf = <const T extends readonly string[]>(values: T) =>
  is<T[number]>((v) => values.includes(v as string), expected(message('whatOneOf', { choices: values.map((v) => JSON.stringify(v)).join(', ') })));
/** A whole number within the bounds; a fraction is only that, a whole number past 2^53 also each bound it breaks (as zod said). */
export const whole = (what: UserMessage, notWhole: UserMessage, bounds: Array<[(n: number) => boolean, UserMessage]>) =>
  is<number>((v) => typeof v === 'number' && Number.isFinite(v), expected(what), (n) =>
    Number.isInteger(n) ? [Number.isSafeInteger(n) ? undefined : notWhole, ...bounds.map(([ok, why]) => (ok(n) ? undefined : why))] : notWhole);

/** A list of at most `max` items, the valid ones kept, repeats (by `key`) and the surplus dropped. */
export const listOf = <T>(item: Check<T>, max: number, key?: (t: T) => string): Check<T[]> =>
  (raw, path, rejected) => {
    if (!Array.isArray(raw)) return judge(undefined, path, rejected, message('rejExpectedList', { found: describeValue(raw) }));
    const out: T[] = [];
    const seen = new Map<string, number>();
    raw.forEach((it, i) => {
      const value = item(it, pathOf(path, i), rejected);
      const k = value === undefined ? undefined : key?.(value);
      if (k !== undefined && seen.has(k)) return judge(undefined, pathOf(path, i), rejected, message('rejRepeats', { other: pathOf(path, seen.get(k)!) }));
      if (k !== undefined) seen.set(k, i);
      if (value !== undefined) out.push(value);
    });
    return out.length > max ? (judge(undefined, path, rejected, message('rejOverLimit', { count: out.length - max, max })), out.slice(0, max)) : out;
  };

/** A map of at most `max` entries whose keys and values pass their checks. */
export const mapOf = <T>(key: Check<string>, value: Check<T>, max: number): Check<Record<string, T>> =>
  (raw, path, rejected) => {
    if (!isRecord(raw)) return judge(undefined, path, rejected, message('rejExpectedObject', { found: describeValue(raw) }));
    const entries = Object.entries(raw).flatMap(([k, v]): Array<[string, T]> => {
      const cleaned = key(k, pathOf(path, k), rejected) === undefined ? undefined : value(v, pathOf(path, k), rejected);
      return cleaned === undefined ? [] : [[k, cleaned]];
    });
    if (entries.length > max) judge(undefined, path, rejected, message('rejOverLimit', { count: entries.length - max, max }));
    // fromEntries defines own properties, so a key like "__proto__" stays plain data.
    return Object.fromEntries(entries.slice(0, max));
  };

/** An object of these fields (optional ones may be missing); unknown fields are ignored and reported, or with `strict` fail it. */
const entry = <T>(fields: Record<string, Check<unknown>>, { optional = [] as string[], strict = false } = {}): Check<T> =>
  (raw, path, rejected) => {
    if (!isRecord(raw)) return judge(undefined, path, rejected, expected(message('whatObject'))(raw));
    const unknown = Object.keys(raw).filter((k) => !Object.hasOwn(fields, k));
    if (!strict) for (const k of unknown) judge(undefined, pathOf(path, k), rejected, message('rejUnknownField'));
    const before = rejected.length;
    const out: Raw = {};
    for (const [k, check] of Object.entries(fields)) {
      const given = Object.hasOwn(raw, k) ? raw[k] : undefined;
      const v = given === undefined && optional.includes(k) ? undefined : check(given, pathOf(path, k), rejected);
      if (v !== undefined) out[k] = v;
    }
    if (strict && unknown.length) judge(undefined, path, rejected, message('rejUnknownKeys', { keys: unknown.map((k) => JSON.stringify(k)).join(', ') }));
    return rejected.length > before ? undefined : (out as T);
  };

export const RegionCode = text(message('whatRegionCode'), (s) => (isCatalogRegion(s) ? undefined : message('rejUnknownRegion', { value: describeValue(s) })));
export const HttpsUrl = text(message('whatHttpsUrl'), (s) => {
  if (s.length > MAX_URL_LENGTH) return message('rejUrlTooLong', { max: MAX_URL_LENGTH });
  const url = URL.canParse(s) ? new URL(s) : undefined;
  return url?.protocol === 'https:' && !url.username && !url.password ? undefined : message('rejNotHttpsUrl', { value: describeValue(s) });
});
export const AccountId = text(message('whatAccountId'), (s) => (/^\d{12}$/.test(s) ? undefined : message('rejNotAccountId', { value: describeValue(s) })));
export const AccountName = text(message('whatName'), accountNameProblem, true);
const RoleArn = text(message('whatRoleArn'), (s) => (parseRoleArn(s) ? undefined : message('rejNotRoleArn', { value: describeValue(s) })));
// The IdP app an assertion came from. Assigning to "__proto__" would change an object's prototype, not add a key.
export const IdpAppKey = text(message('whatAppKey'), (s) =>
  s.length < 1 || s.length > 256 ? message('rejAppKeyLength', { max: 256 }) : s === '__proto__' ? message('rejProtoAppKey') : undefined,
);
export const Colour = oneOf(ACCOUNT_COLOURS);

const ALIAS_KINDS: Record<AliasPattern['kind'], Record<string, Check<unknown>>> = {
  none: {},
  'role-name': { pattern: is<string>(isText, () => message('rejExpectedText', { what: message('whatPattern') }), (s) => ((c) => (c.ok ? undefined : c.error))(validateAliasRegex(s))) },
  preset: { preset: oneOf(ALIAS_PRESETS) },
};
const ALIAS_WHAT = message('whatOneOf', { choices: '{"kind": "none"}, {"kind": "role-name", …}, {"kind": "preset", …}' });
export const AliasPatternCheck: Check<AliasPattern> = (raw, path, rejected) => {
  const kind = isRecord(raw) && typeof raw['kind'] === 'string' && Object.hasOwn(ALIAS_KINDS, raw['kind']) ? (raw['kind'] as AliasPattern['kind']) : undefined;
  if (kind) return entry<AliasPattern>({ kind: () => kind, ...ALIAS_KINDS[kind] }, { strict: true })(raw, path, rejected);
  // As zod's discriminated union said it: of an object, at its `kind`.
  return judge(undefined, isRecord(raw) ? pathOf(path, 'kind') : path, rejected, expected(ALIAS_WHAT)(raw));
};

const Timestamp = whole(message('whatTime'), message('rejWholeMs'), [[(n) => n >= 0, message('rejNegativeTime')]]);
export type Pin = { roleArn: string; region?: string };
export type RecentSignIn = { roleArn: string; region: string; at: number };
export type ColourRule = { words: string; colour: (typeof ACCOUNT_COLOURS)[number] };
export const PinCheck = entry<Pin>({ roleArn: RoleArn, region: RegionCode }, { optional: ['region'] });
export const RecentSignInCheck = entry<RecentSignIn>({ roleArn: RoleArn, region: RegionCode, at: Timestamp });
export const AutoSignInCheck = entry<{ roleArn: string; region: string }>({ roleArn: RoleArn, region: RegionCode });
export const ColourRuleCheck = entry<ColourRule>({ words: text(message('whatWords'), colourRuleProblem, true), colour: Colour });
