// Reading untrusted JSON part by part: each combinator keeps what is valid and reports every part
// it drops as `<path>: <reason>` (for example `pins[2].roleArn: "x" is not an IAM role ARN`), a
// message (rejectedAt) whose reason is a message of its own or zod's words.
// Used for stored settings, imported settings files and managed (policy) settings alike.
import type { ZodMiniObject, ZodMiniType } from 'zod/mini';
import { isUserMessage, message, type MessageValue, type UserMessage } from '../words/user-message';

export type Raw = Record<string, unknown>;
export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a sentence fragment: `"abc"`, `42`, or words (`a list`, `nothing`) as a message. */
export function describeValue(value: unknown): MessageValue {
  if (value === undefined) return message('valueNothing');
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  if (Array.isArray(value)) return message('valueList');
  if (typeof value === 'object') return message('valueObject');
  return String(value);
}

/** `<path>: <reason>`, the line of a dropped part. */
export const rejectedAt = (path: string, reason: MessageValue): UserMessage => message('rejectedAt', { path, reason });

// A zod error function can give only a string: a message travels in it as JSON after this mark.
const CARRIED = '\u0000message:';

/** A message as a zod issue's text (for `error:` functions), read back by issueReason. */
export const asIssueText = (said: UserMessage): string => CARRIED + JSON.stringify(said);

/**
 * A zod issue's reason: the message a check or an error function carried (asIssueText); for zod's
 * own issues, the unknown keys, else that the value is invalid.
 */
export function issueReason(issue: { readonly code?: string; readonly message: string; readonly keys?: readonly string[] }): MessageValue {
  if (issue.message.startsWith(CARRIED)) {
    const carried = parseCarried(issue.message.slice(CARRIED.length));
    if (carried) return carried;
  }
  if (issue.code === 'unrecognized_keys' && issue.keys) return message('rejUnknownKeys', { keys: issue.keys.map((k) => JSON.stringify(k)).join(', ') });
  return message('rejInvalid');
}

function parseCarried(text: string): UserMessage | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isUserMessage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Reads one part: its valid value, or undefined after pushing why onto `rejected`. */
export type Cleaner<T> = (raw: unknown, path: string, rejected: UserMessage[]) => T | undefined;

export const pathOf = (base: string, key: PropertyKey): string =>
  typeof key === 'number'
    ? `${base}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(String(key))
      ? `${base ? `${base}.` : ''}${String(key)}`
      : `${base}[${JSON.stringify(String(key))}]`;

export const bySchema =
  <T>(schema: ZodMiniType<T>): Cleaner<T> =>
  (raw, path, rejected) => {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) rejected.push(rejectedAt(issue.path.reduce<string>(pathOf, path), issueReason(issue)));
    return undefined;
  };

/** An object whose unknown fields are reported and ignored rather than failing it. */
export const objectOf = <T>(schema: ZodMiniObject & ZodMiniType<T>): Cleaner<T> => {
  const parse = bySchema(schema);
  return (raw, path, rejected) => {
    if (isRecord(raw)) {
      for (const key of Object.keys(raw)) if (!Object.hasOwn(schema.shape, key)) rejected.push(rejectedAt(pathOf(path, key), message('rejUnknownField')));
    }
    const value = parse(raw, path, rejected);
    // An optional field given as undefined is left out, as JSON would.
    if (isRecord(value)) for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
    return value;
  };
};

export const listOf =
  <T>(element: Cleaner<T>, max: number, key?: (t: T) => string): Cleaner<T[]> =>
  (raw, path, rejected) => {
    if (!Array.isArray(raw)) return void rejected.push(rejectedAt(path, message('rejExpectedList', { found: describeValue(raw) })));
    const out: T[] = [];
    const seen = new Map<string, number>();
    raw.forEach((item, i) => {
      const value = element(item, pathOf(path, i), rejected);
      if (value === undefined) return;
      const k = key?.(value);
      if (k !== undefined && seen.has(k)) return void rejected.push(rejectedAt(pathOf(path, i), message('rejRepeats', { other: pathOf(path, seen.get(k)!) })));
      if (k !== undefined) seen.set(k, i);
      out.push(value);
    });
    if (out.length > max) rejected.push(rejectedAt(path, message('rejOverLimit', { count: out.length - max, max })));
    return out.slice(0, max);
  };

export const mapOf =
  <T>(keySchema: ZodMiniType<string>, value: Cleaner<T>, max: number): Cleaner<Record<string, T>> =>
  (raw, path, rejected) => {
    if (!isRecord(raw)) return void rejected.push(rejectedAt(path, message('rejExpectedObject', { found: describeValue(raw) })));
    const entries: Array<[string, T]> = [];
    for (const [k, v] of Object.entries(raw)) {
      const keyCheck = keySchema.safeParse(k);
      if (!keyCheck.success) {
        const issue = keyCheck.error.issues[0];
        rejected.push(rejectedAt(pathOf(path, k), issue ? issueReason(issue) : message('rejNotValidKey')));
        continue;
      }
      const cleaned = value(v, pathOf(path, k), rejected);
      if (cleaned !== undefined) entries.push([k, cleaned]);
    }
    if (entries.length > max) rejected.push(rejectedAt(path, message('rejOverLimit', { count: entries.length - max, max })));
    // fromEntries defines own properties, so a key like "__proto__" stays plain data.
    return Object.fromEntries(entries.slice(0, max));
  };


/** Deep equality of JSON-like values, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}
