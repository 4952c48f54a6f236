import { signinEndpoints, stsEndpoints } from '../core/aws/endpoints';
import { classifyProbe, markChecking, PROBE_CONCURRENCY, probeOrder, regionsDueForProbe, STS_PROBE_PATH, type ProbeOutcome } from '../core/health/probe';
import { probeSigninHost } from '../platform/health-probe';
import { readHealth, writeHealth, type HealthByRegion, type HealthService } from '../platform/health-store';

// Session storage is the one source of truth (the worker may be stopped at any time); updates are
// serialized so parallel probe results never overwrite each other.
let queue: Promise<unknown> = Promise.resolve();

function update(partition: string, service: HealthService, change: (health: HealthByRegion) => void): Promise<HealthByRegion> {
  const next = queue.then(async () => {
    const health = await readHealth(partition, service);
    change(health);
    await writeHealth(partition, health, service);
    return health;
  });
  queue = next.catch(() => undefined);
  return next;
}

// Results not yet written, per storage item. Results that arrive while a write is on its way go
// out together in the next one: a picker re-renders once per write, not once per endpoint.
const unwritten = new Map<string, Map<string, { readonly outcome: ProbeOutcome; readonly at: number }>>();

function publish(partition: string, service: HealthService, region: string, outcome: ProbeOutcome): void {
  const key = `${service}:${partition}`;
  const waiting = unwritten.get(key);
  if (waiting) return void waiting.set(region, { outcome, at: Date.now() });
  const results = new Map([[region, { outcome, at: Date.now() }]]);
  unwritten.set(key, results);
  void update(partition, service, (health) => {
    unwritten.delete(key);
    for (const [name, { outcome: seen, at }] of results) {
      health[name] = classifyProbe(name, seen, at, health[name], service === 'sts');
    }
  }).catch(() => {
    // Storage failed: these results are lost (the regions stay "checking" until that expires).
    if (unwritten.get(key) === results) unwritten.delete(key);
  });
}

interface ProbeJob {
  readonly service: HealthService;
  readonly region: string;
  readonly host: string;
}

/**
 * Probes the endpoints of the partition that are due (or all, when forced): the SAML sign-in
 * endpoints (`/static/saml-metadata.xml`, 2xx = up) and the STS endpoints (their root: any HTTP
 * answer = up). The regions in `first` go first, a region's two endpoints together, and
 * PROBE_CONCURRENCY run at a time. Results are published as they arrive so pickers update live.
 */
export async function refreshHealth(partition: string, force: boolean, first: readonly string[] = []): Promise<void> {
  const signin = signinEndpoints(partition);
  if (!signin.length) return;
  const [signinDue, stsDue] = await Promise.all([markDue(partition, 'signin', signin, force), markDue(partition, 'sts', stsEndpoints(partition), force)]);
  const byRegion = new Map<string, ProbeJob[]>();
  for (const job of [...signinDue, ...stsDue]) byRegion.set(job.region, [...(byRegion.get(job.region) ?? []), job]);
  const jobs = probeOrder([...byRegion.keys()], first).flatMap((region) => byRegion.get(region) ?? []);

  let next = 0;
  const worker = async (): Promise<void> => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      const outcome = job.service === 'sts' ? await probeSigninHost(job.host, undefined, STS_PROBE_PATH) : await probeSigninHost(job.host);
      publish(partition, job.service, job.region, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROBE_CONCURRENCY, jobs.length) }, worker));
}

/** Marks the due endpoints of one service as being checked, and returns them. */
async function markDue(
  partition: string,
  service: HealthService,
  endpoints: readonly { readonly region: string; readonly host: string }[],
  force: boolean,
): Promise<ProbeJob[]> {
  let due: string[] = [];
  await update(partition, service, (health) => {
    const now = Date.now();
    due = regionsDueForProbe(
      endpoints.map((e) => e.region),
      health,
      now,
      force,
    );
    for (const region of due) health[region] = markChecking(health[region], region, now);
  });
  return endpoints.filter((e) => due.includes(e.region)).map((e) => ({ service, region: e.region, host: e.host }));
}
