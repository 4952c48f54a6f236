// The fallback order of a sign-in through STS, in one place: which regions' STS endpoints are asked
// for credentials, and which regions' federation endpoints for the sign-in token, when the chosen
// region's fails (docs/sts-federation.md).
import { partitionInfo } from '../aws/catalog';
import { isUsable, type RegionHealth } from '../health/probe';

/** STS endpoints tried after the chosen region's: at most this many others. */
export const MAX_STS_FALLBACKS = 3;

/**
 * The regions whose STS endpoint to try, in order: the chosen one, then others of the partition
 * that answered (fastest first), then those not checked yet. Credentials from any regional STS work
 * in every region. The partition's global region (us-east-1 for aws, where the outage usually is)
 * is tried only when the user chose it.
 */
export function stsRegionOrder(input: {
  readonly partition: string;
  readonly chosen: string;
  readonly health: Readonly<Record<string, RegionHealth | undefined>>;
  /** Preferred regions, tried before others of the same health. */
  readonly preferred?: readonly string[];
}): string[] {
  const p = partitionInfo(input.partition);
  if (!p) return [];
  const { health } = input;
  const preferred = input.preferred ?? [];
  const rank = (r: string) => (preferred.includes(r) ? preferred.indexOf(r) : preferred.length);
  const others = p.regions
    .map((r) => r.code)
    .filter((r) => r !== input.chosen && !(p.id === 'aws' && r === p.globalRegion) && health[r]?.state !== 'down')
    // Opt-in regions work only for accounts that enabled them: last.
    .filter((r) => !p.regions.find((x) => x.code === r)?.optIn || isUsable(health[r]));
  const usable = others
    .filter((r) => isUsable(health[r]))
    .sort((a, b) => rank(a) - rank(b) || (health[a]?.latencyMs ?? Infinity) - (health[b]?.latencyMs ?? Infinity));
  const unknown = others.filter((r) => !isUsable(health[r])).sort((a, b) => rank(a) - rank(b));
  return [input.chosen, ...[...usable, ...unknown].slice(0, MAX_STS_FALLBACKS)];
}

/**
 * The regions whose federation endpoint may issue the sign-in token, in order: the chosen one (its
 * console is the destination), then the fallback order of the STS endpoints, keeping those whose
 * sign-in host answers.
 */
export function federationRegions(input: {
  readonly partition: string;
  readonly chosen: string;
  readonly health: Readonly<Record<string, RegionHealth | undefined>>;
}): string[] {
  const others = stsRegionOrder(input).filter((r) => r !== input.chosen && isUsable(input.health[r]));
  return [input.chosen, ...others];
}
