// Which regions to prefer when the user chose none: the nearest by time zone, then a fixed list.
// Free of the settings schema, so the worker can use it for the toolbar badge.
import { PARTITIONS } from '../aws/catalog';

/** Regions tried first when the user has not chosen any: after the nearest one, these in order. */
export const FALLBACK_REGIONS = ['us-east-2', 'us-west-2', 'eu-west-1'] as const;

/** The time zone of this browser (the one rule every page and the worker use). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// January: the offsets of the catalog's zones differ by an hour at most in July, which changes
// little; a fixed date keeps the answer the same all year.
const OFFSET_DATE = new Date(Date.UTC(2025, 0, 15, 12));
const offsets = new Map<string, number | undefined>();

/** Minutes east of UTC, or undefined for a time zone this runtime does not know. */
function utcOffset(timeZone: string): number | undefined {
  if (!offsets.has(timeZone)) {
    let minutes: number | undefined;
    try {
      const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(OFFSET_DATE)
        .find((p) => p.type === 'timeZoneName')?.value;
      const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
      if (m) minutes = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    } catch {
      // RangeError: not a time zone
    }
    offsets.set(timeZone, minutes);
  }
  return offsets.get(timeZone);
}

/**
 * The regions to prefer when the user chose none: the nearest region by time zone, then
 * FALLBACK_REGIONS. Nearest: the region whose catalog time zones list the user's, else the one
 * with the closest UTC offset (same area, e.g. `Europe/`, first on a tie). Opt-in regions are never
 * a default: they work only for accounts that enabled them.
 */
export function defaultPreferredRegions(timeZone: string): string[] {
  const regions = (PARTITIONS.find((p) => p.id === 'aws')?.regions ?? []).filter((r) => !r.optIn && r.timeZones);
  let nearest = regions.find((r) => r.timeZones?.includes(timeZone));
  const offset = nearest ? undefined : utcOffset(timeZone);
  if (offset !== undefined) {
    const area = `${timeZone.split('/')[0]}/`;
    let best = Infinity;
    for (const region of regions) {
      for (const zone of region.timeZones ?? []) {
        const zoneOffset = utcOffset(zone);
        if (zoneOffset === undefined) continue;
        const distance = Math.abs(zoneOffset - offset) * 2 + (zone.startsWith(area) ? 0 : 1);
        if (distance < best) [best, nearest] = [distance, region];
      }
    }
  }
  return [...new Set([...(nearest ? [nearest.code] : []), ...FALLBACK_REGIONS])];
}

/** The user's preferred regions, or the derived default when the list is empty. */
export function preferredRegionsFor(settings: { readonly preferredRegions: readonly string[] }, timeZone: string): string[] {
  return settings.preferredRegions.length ? [...settings.preferredRegions] : defaultPreferredRegions(timeZone);
}
