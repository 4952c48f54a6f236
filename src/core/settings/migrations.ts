// Migrations of stored settings, by the version they start from: each returns the next version's
// shape, and reports what it could not carry over as `<path>: <reason>`. settings.ts runs them
// before reading the fields; a new SETTINGS_VERSION (settings-defaults.ts) adds one here.
import { rejectedAt, type Raw } from './partial-parse';
import { message, type UserMessage } from '../words/user-message';

/**
 * Migrations by the version they start from; each returns the next version's shape. Version 0 is
 * any object without a `version`: the prototype's keys (`enabled`, `regions` as a list or a
 * comma-separated string, `favorites` as role ARNs, `accountAliases`, `theme: "auto"`,
 * `reduceMotion` as a boolean) or today's keys written by hand.
 */
export const MIGRATIONS: ReadonlyArray<(old: Raw, rejected: UserMessage[]) => Raw> = [
  function fromUnversioned(old, rejected) {
    const next: Raw = { ...old };
    const rename = (from: string, to: string, convert: (v: unknown) => unknown = (v) => v): void => {
      if (!(from in next)) return;
      if (to in next) rejected.push(rejectedAt(from, message('rejNotCarriedOver', { other: to })));
      else next[to] = convert(next[from]);
      delete next[from];
    };
    rename('enabled', 'interceptionEnabled');
    rename('regions', 'preferredRegions', (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v));
    rename('favorites', 'pins', (v) => (Array.isArray(v) ? v.map((arn) => (typeof arn === 'string' ? { roleArn: arn } : arn)) : v));
    rename('accountAliases', 'accountNames');
    rename('reduceMotion', 'reducedMotion', (v) => (v === true ? 'reduce' : v === false ? 'system' : v));
    if (next['theme'] === 'auto') next['theme'] = 'system';
    return next;
  },
  // Version 2 adds `allowCliCredentials` (its default, true, fills in). The version changes so a
  // browser still on version 1 reads synced settings as newer ones: it uses them without writing
  // them back, instead of dropping the new field as unknown.
  function addsAllowCliCredentials(old) {
    return { ...old };
  },
];
