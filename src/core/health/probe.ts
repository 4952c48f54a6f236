/**
 * Health policy for sign-in endpoints: what counts as up, slow or down, when to probe again.
 * Pure: the worker does the fetching (src/platform/health-probe.ts) and hands results in here.
 *
 * Probe: `GET https://<host>/static/saml-metadata.xml` on a sign-in host, `GET https://<host>/` on an
 * STS host (any answer means up), no credentials (docs/saml-signin.md#sign-in-endpoints-and-relaystate). A refused
 * connection fails in milliseconds, a black hole only by timeout, so every probe has a short
 * timeout and PROBE_CONCURRENCY run side by side, the regions that matter first; the picker never
 * waits for them.
 */
import { PARTITIONS, partitionInfo } from '../aws/catalog';
import { preferredRegionsFor } from '../regions/preferred';
import { message, type UserMessage } from '../words/user-message';

export const PROBE_PATH = '/static/saml-metadata.xml';
/** An STS endpoint's liveness: the Query API's root, where any HTTP answer means it is up. */
export const STS_PROBE_PATH = '/';
export const PROBE_TIMEOUT_MS = 1_500;
/** Answered, but slower than this: shown as slow (it still works). */
export const SLOW_AFTER_MS = 800;
/** A healthy answer is trusted this long before the next picker re-probes. */
export const FRESH_FOR_MS = 60_000;
/** After failures, probe again sooner at first (outages end), then back off. */
export const RETRY_AFTER_FAILURE_MS = [10_000, 20_000, 40_000, 60_000] as const;

export type HealthState = 'unknown' | 'up' | 'slow' | 'down';

/** What one probe saw. */
export type ProbeOutcome =
  | { readonly kind: 'answered'; readonly status: number; readonly latencyMs: number }
  | { readonly kind: 'timeout'; readonly latencyMs: number }
  | { readonly kind: 'network-error'; readonly latencyMs: number };

export interface RegionHealth {
  readonly region: string;
  readonly state: HealthState;
  readonly latencyMs?: number | undefined;
  /** What the last probe saw, in words: "answered in 42 ms", "connection failed", "no answer within 1.5 s". */
  readonly detail: UserMessage;
  readonly checkedAt?: number | undefined;
  /** Consecutive failed probes, for the backoff. */
  readonly failures: number;
  /** While down: when the first of the failed probes in a row ran (for "down since 09:12"). */
  readonly downSince?: number | undefined;
  /** Set while a probe runs; the last known state stays shown meanwhile. */
  readonly checkingSince?: number | undefined;
}

export function unknownHealth(region: string): RegionHealth {
  return { region, state: 'unknown', detail: message('notCheckedYet'), failures: 0 };
}

/**
 * Turns one probe's outcome into the region's new health. `anyAnswerIsUp`: for STS endpoints,
 * whose root answers an empty request with an error status, any HTTP answer means up.
 */
export function classifyProbe(region: string, outcome: ProbeOutcome, at: number, previous?: RegionHealth, anyAnswerIsUp = false): RegionHealth {
  const latencyMs = Math.round(outcome.latencyMs);
  const failures = (previous?.failures ?? 0) + 1;
  const downSince = previous?.state === 'down' ? (previous.downSince ?? previous.checkedAt ?? at) : at;
  switch (outcome.kind) {
    case 'timeout':
      return { region, state: 'down', latencyMs, detail: message('noAnswerWithin', { seconds: PROBE_TIMEOUT_MS / 1000 }), checkedAt: at, failures, downSince };
    case 'network-error':
      return { region, state: 'down', latencyMs, detail: message('connectionFailed'), checkedAt: at, failures, downSince };
    case 'answered':
      if (!anyAnswerIsUp && (outcome.status < 200 || outcome.status >= 400)) {
        return { region, state: 'down', latencyMs, detail: message('answeredHttp', { status: outcome.status }), checkedAt: at, failures, downSince };
      }
      return {
        region,
        state: latencyMs >= SLOW_AFTER_MS ? 'slow' : 'up',
        latencyMs,
        detail: message('answeredIn', { ms: latencyMs }),
        checkedAt: at,
        failures: 0,
      };
  }
}

/** When a region should be probed again (ms since epoch); now for one never checked. */
export function nextProbeAt(health: RegionHealth | undefined): number {
  if (!health?.checkedAt) return 0;
  if (health.state === 'up' || health.state === 'slow') return health.checkedAt + FRESH_FOR_MS;
  const step = RETRY_AFTER_FAILURE_MS[Math.min(health.failures, RETRY_AFTER_FAILURE_MS.length) - 1] ?? FRESH_FOR_MS;
  return health.checkedAt + step;
}

/** Regions to probe now: stale ones, or all of them when the user asked. */
export function regionsDueForProbe(
  regions: readonly string[],
  known: Readonly<Record<string, RegionHealth | undefined>>,
  now: number,
  force: boolean,
): string[] {
  return regions.filter((r) => {
    const health = known[r];
    const running = health?.checkingSince !== undefined && now - health.checkingSince <= CHECKING_EXPIRES_MS;
    return !running && (force || nextProbeAt(health) <= now);
  });
}

/**
 * How many probes run at once. Enough that the regions that matter answer in the first round
 * trip; few enough that our own burst (a TLS handshake per endpoint, some 70 endpoints) never
 * makes an endpoint look slow, or down, on a busy machine. Each probe's timeout starts with it.
 */
export const PROBE_CONCURRENCY = 8;

/**
 * The order to probe `due` in: the regions the page named first (the addressed region, then the
 * user's preferred ones), in the page's order, then the rest as given.
 */
export function probeOrder(due: readonly string[], first: readonly string[] = []): string[] {
  const wanted = new Set(due);
  const ahead = [...new Set(first)].filter((r) => wanted.has(r));
  const put = new Set(ahead);
  return [...ahead, ...due.filter((r) => !put.has(r))];
}

/**
 * A probe marked running longer than this was lost (the worker stopped): it may be started again.
 * Probes are marked when queued, so this covers a whole queue of black holes: every endpoint of
 * the largest partition (a sign-in and an STS endpoint per region), PROBE_CONCURRENCY at a time,
 * each up to its timeout, and a margin.
 */
const MOST_ENDPOINTS = 2 * Math.max(...PARTITIONS.map((p) => p.regions.length));
export const CHECKING_EXPIRES_MS = PROBE_TIMEOUT_MS * (Math.ceil(MOST_ENDPOINTS / PROBE_CONCURRENCY) + 2);

export function markChecking(previous: RegionHealth | undefined, region: string, at: number): RegionHealth {
  return { ...(previous ?? unknownHealth(region)), checkingSince: at };
}

/** Up or slow: an endpoint that answered and can be used. */
export function isUsable(health: RegionHealth | undefined): boolean {
  return health?.state === 'up' || health?.state === 'slow';
}

/** One line for the selector: "up · 42 ms", "down · connection failed", "checking…". */
export function describeHealth(health: RegionHealth | undefined): UserMessage {
  if (!health || health.state === 'unknown') return message(health?.checkingSince ? 'healthLineChecking' : 'healthLineNotChecked');
  if (health.state === 'down') return message('healthLineDown', { detail: health.detail });
  return message(health.state === 'slow' ? 'healthLineSlow' : 'healthLineUp', { ms: health.latencyMs ?? 0 });
}

export interface HealthSummary {
  readonly up: number;
  readonly slow: number;
  readonly down: number;
  readonly unknown: number;
}

export function summarizeHealth(regions: readonly string[], health: Readonly<Record<string, RegionHealth | undefined>>): HealthSummary {
  const summary = { up: 0, slow: 0, down: 0, unknown: 0 };
  for (const r of regions) {
    const state = health[r]?.state;
    if (state === 'up' || state === 'slow' || state === 'down') summary[state]++;
    else summary.unknown++;
  }
  return summary;
}

export interface HealthBadge {
  readonly text: string;
  readonly color: string;
  /** The button's tooltip, one message a line. */
  readonly title: readonly UserMessage[];
}

/**
 * The toolbar badge for the regions the user cares about (their preferred regions and the
 * global endpoint's): empty while all answer, "!" when one of them is down.
 */
export function badgeFor(regions: readonly string[], health: Readonly<Record<string, RegionHealth | undefined>>): HealthBadge {
  const lines = regions.map((r) => message('badgeRegionLine', { region: r, health: describeHealth(health[r]) }));
  const down = regions.filter((r) => health[r]?.state === 'down');
  const title = [message('extName'), ...lines];
  if (down.length) return { text: down.length === regions.length ? '✕' : '!', color: '#d91515', title };
  return { text: '', color: '#1d8102', title };
}

/** Regions the badge and popup watch: the partition's global endpoint region, then the preferred ones. */
export function watchedRegions(settings: { readonly preferredRegions: readonly string[] }, timeZone: string, partition = 'aws', limit = 4): string[] {
  return [...new Set([partitionInfo(partition)?.globalRegion ?? 'us-east-1', ...preferredRegionsFor(settings, timeZone)])].slice(0, limit);
}
