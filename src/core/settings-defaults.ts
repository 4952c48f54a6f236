// The settings' defaults and the reads the picker makes of them, without the schema (settings.ts,
// zod): these are on the picker's first paint, before any stored setting has been read.
import { PARTITIONS } from './endpoints';
import { DEFAULT_SESSION_CAP_SECONDS } from './limits';
import type { Settings } from './settings';

export const SETTINGS_VERSION = 1;

/** Regions tried first when the user has not chosen any: after the nearest one, these in order. */
export const FALLBACK_REGIONS = ['us-east-2', 'us-west-2', 'eu-west-1'] as const;

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    interceptionEnabled: true,
    preferredRegions: [],
    idpAppLinks: {},
    accountNames: {},
    aliasPattern: { kind: 'none' },
    pins: [],
    recent: {},
    autoSignIn: {},
    theme: 'system',
    reducedMotion: 'system',
    signinMethod: 'auto',
    sessionDurationCap: DEFAULT_SESSION_CAP_SECONDS,
    cliFormat: 'bash',
  };
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
export function preferredRegionsFor(settings: Pick<Settings, 'preferredRegions'>, timeZone: string): string[] {
  return settings.preferredRegions.length ? [...settings.preferredRegions] : defaultPreferredRegions(timeZone);
}

/** Role ARNs of an IdP app's recent sign-ins, most recent first (the ranking's `recent`). */
export function recentRoleArns(settings: Pick<Settings, 'recent'>, appKey: string): string[] {
  const list = Object.hasOwn(settings.recent, appKey) ? settings.recent[appKey] : undefined;
  return [...new Set((list ?? []).map((r) => r.roleArn))];
}
