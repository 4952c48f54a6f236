// The badge, worker half: decides what it says from health and settings. Drawing it is src/platform/badge.ts.
import { badgeFor, watchedRegions } from '../core/health/probe';
import { localTimeZone } from '../core/regions/preferred';
import type { Settings } from '../core/settings/schema';
import { showBadge } from '../platform/badge';
import { readHealth, watchHealth } from '../platform/health-store';

// The toolbar badge has one writer, the worker: it follows the commercial partition's sign-in
// health (written by the probes, from any page's request) and the preferred regions.
let preferred: Pick<Settings, 'preferredRegions'> = { preferredRegions: [] };
let watching = false;

export function showHealthBadge(latest: Pick<Settings, 'preferredRegions'>): void {
  preferred = latest;
  if (!watching) {
    watching = true;
    watchHealth('aws', (health) => void showBadge(badgeFor(watchedRegions(preferred, localTimeZone()), health)).catch(() => undefined));
  }
  void readHealth('aws')
    .then((health) => showBadge(badgeFor(watchedRegions(preferred, localTimeZone()), health)))
    .catch(() => undefined);
}
