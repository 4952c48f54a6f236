import { signinEndpoints, stsEndpoints } from '../core/endpoints';
import { classifyProbe, markChecking, regionsDueForProbe, type RegionHealth } from '../core/health';
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

interface ProbeTarget {
  readonly region: string;
  readonly host: string;
}

/**
 * Probes every endpoint of the partition that is due (or all, when forced), in parallel: the SAML
 * sign-in endpoints (`/static/saml-metadata.xml`, 2xx = up) and the STS endpoints (their root: any
 * HTTP answer = up). Each result is published as soon as it arrives so pickers update live.
 */
export async function refreshHealth(partition: string, force: boolean): Promise<HealthByRegion | undefined> {
  const signin = signinEndpoints(partition);
  if (!signin.length) return undefined;
  const [latest] = await Promise.all([
    refreshService(partition, 'signin', signin, force),
    refreshService(partition, 'sts', stsEndpoints(partition), force),
  ]);
  return latest;
}

async function refreshService(
  partition: string,
  service: HealthService,
  targets: readonly ProbeTarget[],
  force: boolean,
): Promise<HealthByRegion | undefined> {
  let due: string[] = [];
  await update(partition, service, (health) => {
    const now = Date.now();
    due = regionsDueForProbe(
      targets.map((e) => e.region),
      health,
      now,
      force,
    );
    for (const region of due) health[region] = markChecking(health[region], region, now);
  });
  let latest: HealthByRegion | undefined;
  await Promise.all(
    targets
      .filter((e) => due.includes(e.region))
      .map(async (target) => {
        const outcome = service === 'sts' ? await probeSigninHost(target.host, undefined, '/') : await probeSigninHost(target.host);
        latest = await update(partition, service, (health) => {
          const previous: RegionHealth | undefined = health[target.region];
          health[target.region] = classifyProbe(target.region, outcome, Date.now(), previous, service === 'sts');
        });
      }),
  );
  return latest;
}
