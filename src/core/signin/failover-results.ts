// What the failover check found, remembered per IdP app in storage.local (no secret: role ARNs,
// regions, methods, outcomes, reason codes, dates), validated on every read, and what the picker
// says beside each role from it.
import * as z from 'zod/mini';
import { MAX_ARN_LENGTH, MAX_REGION_LENGTH } from '../base/limits';
import { FAILOVER_REASONS, MAX_CHECKED_ROLES, isStale, verdict, type FailoverMethod, type FailoverResult, type RegionVerdict } from './failover-check';

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
  /** The roles checked (a re-post result speaks for all of them, a role left out was not checked). */
  roleArns: z.array(z.string().check(z.maxLength(MAX_ARN_LENGTH))).check(z.maxLength(MAX_CHECKED_ROLES)),
  results: z.array(ResultSchema).check(z.maxLength(MAX_RESULTS_PER_APP)),
});

export type CheckedApp = z.infer<typeof AppSchema>;
export type FailoverStore = Readonly<Record<string, CheckedApp>>;

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

/** What the picker says beside a role. */
export type RoleFailoverStatus =
  | { readonly kind: 'ready'; readonly region: string; readonly method: FailoverMethod; readonly days: number }
  | { readonly kind: 'refused'; readonly region: string; readonly days: number }
  | { readonly kind: 'stale'; readonly days: number };

const DAY_MS = 24 * 60 * 60_000;

/**
 * The role's status from its app's last check: a warning when it would not get in to one of the
 * regions checked, else the first region it gets into and how; stale after 30 days. Undefined
 * when the role was not checked.
 */
export function roleFailoverStatus(app: CheckedApp | undefined, roleArn: string, now: number): RoleFailoverStatus | undefined {
  if (!app?.roleArns.includes(roleArn)) return undefined;
  const verdicts = app.regions.map((region) => verdict(app.results, roleArn, region)).filter((v): v is RegionVerdict => !!v);
  const days = Math.max(0, Math.floor((now - app.at) / DAY_MS));
  if (isStale(app.at, now)) return { kind: 'stale', days };
  const refused = verdicts.find((v) => v.outcome === 'refused');
  if (refused) return { kind: 'refused', region: refused.region, days };
  const ready = verdicts.find((v) => v.outcome === 'ready');
  return ready ? { kind: 'ready', region: ready.region, method: ready.method, days } : undefined;
}

/** The popup's line: of the last checked IdP app, how many roles get into its first region checked. */
export function failoverSummary(store: FailoverStore, now: number): { readonly ready: number; readonly total: number; readonly region: string; readonly days: number; readonly stale: boolean } | undefined {
  const app = Object.values(store).sort((a, b) => b.at - a.at)[0];
  const region = app?.regions[0];
  if (!app || !region || !app.roleArns.length) return undefined;
  const ready = app.roleArns.filter((arn) => verdict(app.results, arn, region)?.outcome === 'ready').length;
  return { ready, total: app.roleArns.length, region, days: Math.max(0, Math.floor((now - app.at) / DAY_MS)), stale: isStale(app.at, now) };
}
