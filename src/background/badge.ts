// The badge, worker half: decides what it says from health and settings. Drawing it is src/platform/badge.ts.
import { badgeFor } from '../core/health/probe';
import { localTimeZone } from '../core/regions/preferred';
import { badgeRegions, type StoredSettingsGlance } from '../core/settings/glance';
import { showBadge } from '../platform/badge';
import { readHealth, watchHealth } from '../platform/health-store';

// The toolbar badge has one writer, the worker: it follows the commercial partition's sign-in
// health (written by the probes, from any page's request) and the preferred regions.
let glance: StoredSettingsGlance = { user: undefined, managed: undefined };
let watching = false;

export function showHealthBadge(latest: StoredSettingsGlance): void {
  glance = latest;
  if (!watching) {
    watching = true;
    watchHealth('aws', (health) => void showBadge(badgeFor(badgeRegions(glance, localTimeZone()), health)).catch(() => undefined));
  }
  void readHealth('aws')
    .then((health) => showBadge(badgeFor(badgeRegions(glance, localTimeZone()), health)))
    .catch(() => undefined);
}
