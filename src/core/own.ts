/**
 * The value a record holds under `key` itself, never one it inherits: maps keyed by outside data
 * (an IdP's Issuer, an account ID) must not answer `constructor`, `toString` or `__proto__` with
 * Object.prototype's members.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * An IdP app's Issuer as a person reads it: without the scheme, `www.` and a trailing slash, and
 * shortened in the middle when long (`http://www.okta.com/exk1abc` → `okta.com/exk1abc`).
 */
export function shortIssuer(issuer: string, max = 60): string {
  const bare = issuer.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '').replace(/\/+$/, '');
  if (bare.length <= max) return bare;
  const half = Math.floor((max - 1) / 2);
  return `${bare.slice(0, half)}…${bare.slice(bare.length - (max - 1 - half))}`;
}
