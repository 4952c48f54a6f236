// Reading and recording the failover check's stored results (failover-results.ts says what they
// mean), validated on every read. Loaded only where results are read or written, never before the
// picker's first paint.
import * as z from 'zod/mini';
import { MAX_ARN_LENGTH, MAX_REGION_LENGTH } from '../base/limits';
import { FAILOVER_REASONS, MAX_CHECKED_ROLES, type FailoverResult } from './failover-check';
import type { CheckedApp, FailoverStore } from './failover-results';

/** IdP apps remembered at most (the most recently checked kept). */
export const MAX_CHECKED_APPS = 20;
const MAX_RESULTS_PER_APP = 200;

const ResultSchema = z.object({
  roleArn: z.string().check(z.maxLength(MAX_ARN_LENGTH)),
  region: z.string().check(z.minLength(1), z.maxLength(MAX_REGION_LENGTH)),
  method: z.enum(['re-post', 'sts']),
  outcome: z.enum(['ready', 'refused', 'unchecked']),
  reason: z.enum(FAILOVER_REASONS),
  at: z.number().check(z.gte(0)),
});

const AppSchema = z.object({
  at: z.number().check(z.gte(0)),
  regions: z.array(z.string().check(z.maxLength(MAX_REGION_LENGTH))).check(z.maxLength(8)),
  roleArns: z.array(z.string().check(z.maxLength(MAX_ARN_LENGTH))).check(z.maxLength(MAX_CHECKED_ROLES)),
  results: z.array(ResultSchema).check(z.maxLength(MAX_RESULTS_PER_APP)),
});

/** The stored value, or nothing for whatever does not validate (each app on its own). */
export function readFailoverStore(raw: unknown): FailoverStore {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, CheckedApp> = {};
  for (const [key, value] of Object.entries(raw).slice(0, MAX_CHECKED_APPS * 2)) {
    const parsed = AppSchema.safeParse(value);
    if (parsed.success && key.length <= 256) out[key] = parsed.data;
  }
  return out;
}

/** The store with this app's latest check (replacing its previous one), the oldest apps dropped. */
export function recordCheck(
  store: FailoverStore,
  appKey: string,
  check: { readonly regions: readonly string[]; readonly roleArns: readonly string[]; readonly results: readonly FailoverResult[]; readonly at: number },
): FailoverStore {
  const entry: CheckedApp = {
    at: check.at,
    regions: check.regions.slice(0, 8),
    roleArns: check.roleArns.slice(0, MAX_CHECKED_ROLES),
    results: check.results.slice(0, MAX_RESULTS_PER_APP).map((r) => ({ ...r })),
  };
  const apps = Object.entries({ ...store, [appKey]: entry })
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_CHECKED_APPS);
  return Object.fromEntries(apps);
}

