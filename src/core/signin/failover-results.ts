// What the failover check found, remembered per IdP app in storage.local (no secret: role ARNs,
// regions, methods, outcomes, reason codes, dates), and what the picker and the popup say from it.
// Reading and recording the stored value: failover-record.ts.
import { isStale, verdict, type FailoverMethod, type FailoverResult, type RegionVerdict } from './failover-check';

/** One IdP app's last check. */
export interface CheckedApp {
  readonly at: number;
  readonly regions: readonly string[];
  /** The roles checked (a re-post result speaks for all of them, a role left out was not checked). */
  readonly roleArns: readonly string[];
  readonly results: readonly FailoverResult[];
}
export type FailoverStore = Readonly<Record<string, CheckedApp>>;

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
