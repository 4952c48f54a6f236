/**
 * The value a record holds under `key` itself, never one it inherits: maps keyed by outside data
 * (an IdP's Issuer, an account ID) must not answer `constructor`, `toString` or `__proto__` with
 * Object.prototype's members.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

