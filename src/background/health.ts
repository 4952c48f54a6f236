import { signinEndpoints } from '../core/endpoints';
import { classifyProbe, markChecking, regionsDueForProbe, type RegionHealth } from '../core/health';
import { probeSigninHost } from '../platform/health-probe';
import { readHealth, writeHealth, type HealthByRegion } from '../platform/health-store';

// Session storage is the one source of truth (the worker may be stopped at any time); updates are
// serialized so parallel probe results never overwrite each other.
let queue: Promise<unknown> = Promise.resolve();

function update(partition: string, change: (health: HealthByRegion) => void): Promise<HealthByRegion> {
  const next = queue.then(async () => {
    const health = await readHealth(partition);
    change(health);
    await writeHealth(partition, health);
    return health;
  });
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Probes every sign-in endpoint of the partition that is due (or all, when forced), in
 * parallel; each result is published as soon as it arrives so pickers update live.
 */
export async function refreshHealth(partition: string, force: boolean): Promise<HealthByRegion | undefined> {
  const endpoints = signinEndpoints(partition);
  if (!endpoints.length) return undefined;
  let due: string[] = [];
  await update(partition, (health) => {
    const now = Date.now();
    due = regionsDueForProbe(
      endpoints.map((e) => e.region),
      health,
      now,
      force,
    );
    for (const region of due) health[region] = markChecking(health[region], region, now);
  });
  let latest: HealthByRegion | undefined;
  await Promise.all(
    endpoints
      .filter((e) => due.includes(e.region))
      .map(async (endpoint) => {
        const outcome = await probeSigninHost(endpoint.host);
        latest = await update(partition, (health) => {
          const previous: RegionHealth | undefined = health[endpoint.region];
          health[endpoint.region] = classifyProbe(endpoint.region, outcome, Date.now(), previous);
        });
      }),
  );
  return latest;
}
