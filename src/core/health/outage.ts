// The state of AWS sign-in in words a person can act on, from the watched regions' health: which
// regions are down (since when) and which answering region the picker will use instead. The
// popup leads with it and copies it for a team chat.
import { isUsable, type RegionHealth } from './probe';

export interface OutageSummary {
  /** `checking`: no watched region has answered or failed yet. */
  readonly kind: 'checking' | 'all-up' | 'some-down' | 'all-down';
  /** The watched regions that are down, in watched order, with when their failures began. */
  readonly down: ReadonlyArray<{ readonly region: string; readonly since?: number | undefined }>;
  /** The first watched region that answers (the global endpoint's first, then the preferred ones). */
  readonly working?: string | undefined;
}

export function summarizeOutage(regions: readonly string[], health: Readonly<Record<string, RegionHealth | undefined>>): OutageSummary {
  const down = regions.filter((r) => health[r]?.state === 'down').map((region) => ({ region, since: health[region]?.downSince }));
  const working = regions.find((r) => isUsable(health[r]));
  if (down.length && down.length === regions.length) return { kind: 'all-down', down };
  if (down.length) return { kind: 'some-down', down, working };
  return { kind: regions.every((r) => isUsable(health[r])) ? 'all-up' : 'checking', down, working };
}
