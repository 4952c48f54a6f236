// Reading untrusted JSON part by part: each combinator keeps what is valid and reports every part
// it drops as `<path>: <reason>` (for example `pins[2].roleArn: "x" is not an IAM role ARN`).
// Used for stored settings, imported settings files and managed (policy) settings alike.
import type { ZodMiniObject, ZodMiniType } from 'zod/mini';

export type Raw = Record<string, unknown>;
export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a sentence fragment: `"abc"`, `42`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Reads one part: its valid value, or undefined after pushing why onto `rejected`. */
export type Cleaner<T> = (raw: unknown, path: string, rejected: string[]) => T | undefined;

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
    for (const issue of result.error.issues) rejected.push(`${issue.path.reduce<string>(pathOf, path)}: ${issue.message}`);
    return undefined;
  };

/** An object whose unknown fields are reported and ignored rather than failing it. */
export const objectOf = <T>(schema: ZodMiniObject & ZodMiniType<T>): Cleaner<T> => {
  const parse = bySchema(schema);
  return (raw, path, rejected) => {
    if (isRecord(raw)) {
      for (const key of Object.keys(raw)) if (!Object.hasOwn(schema.shape, key)) rejected.push(`${pathOf(path, key)}: unknown field, ignored`);
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
    if (!Array.isArray(raw)) return void rejected.push(`${path}: expected a list, found ${describeValue(raw)}`);
    const out: T[] = [];
    const seen = new Map<string, number>();
    raw.forEach((item, i) => {
      const value = element(item, pathOf(path, i), rejected);
      if (value === undefined) return;
      const k = key?.(value);
      if (k !== undefined && seen.has(k)) return void rejected.push(`${pathOf(path, i)}: repeats ${pathOf(path, seen.get(k)!)}`);
      if (k !== undefined) seen.set(k, i);
      out.push(value);
    });
    if (out.length > max) rejected.push(`${path}: ${out.length - max} over the limit of ${max} were dropped (the last ones)`);
    return out.slice(0, max);
  };

export const mapOf =
  <T>(keySchema: ZodMiniType<string>, value: Cleaner<T>, max: number): Cleaner<Record<string, T>> =>
  (raw, path, rejected) => {
    if (!isRecord(raw)) return void rejected.push(`${path}: expected an object, found ${describeValue(raw)}`);
    const entries: Array<[string, T]> = [];
    for (const [k, v] of Object.entries(raw)) {
      const keyCheck = keySchema.safeParse(k);
      if (!keyCheck.success) {
        rejected.push(`${pathOf(path, k)}: ${keyCheck.error.issues[0]?.message ?? 'not a valid key'}`);
        continue;
      }
      const cleaned = value(v, pathOf(path, k), rejected);
      if (cleaned !== undefined) entries.push([k, cleaned]);
    }
    if (entries.length > max) rejected.push(`${path}: ${entries.length - max} over the limit of ${max} were dropped (the last ones)`);
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
