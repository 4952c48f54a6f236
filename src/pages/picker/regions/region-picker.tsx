import { describeHealth, type RegionHealth } from '../../../core/health/probe';
import type { RegionOption } from '../../../core/regions/choice';
import { t, tMessage } from '../../../platform/i18n';

interface Props {
  regions: readonly RegionOption[];
  region: string;
  health: Readonly<Record<string, RegionHealth | undefined>>;
  /** Health of each region's STS endpoint (the sign-in that needs no admin change). */
  stsHealth: Readonly<Record<string, RegionHealth | undefined>>;
  onChange: (region: string) => void;
}

/**
 * Region selector with each endpoint's live health; a region shown as down stays selectable.
 * It sits beside Sign in, a Tab away from the role list; what health says is in the status line
 * at the top (RegionStatus), which describes this control.
 */
export function RegionPicker({ regions, region, health, stsHealth, onChange }: Props) {
  return (
    <div class="region">
      <label for="region">{t('regionLabel')}</label>
      <select id="region" value={region} onChange={(e) => onChange((e.target as HTMLSelectElement).value)} aria-describedby="region-status">
        {regions.map((r) => (
          <option key={r.code} value={r.code} data-health={health[r.code]?.state ?? 'unknown'} data-sts-health={stsHealth[r.code]?.state ?? 'unknown'}>
            {r.code} · {r.name}
            {r.isRecipient ? ` ${t('regionAddressedHere')}` : ''} — {tMessage(describeHealth(health[r.code]))}
            {stsWord(stsHealth[r.code]) && ` · ${t('regionHealthSts', stsWord(stsHealth[r.code]) ?? '')}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "up", "down", …: STS health in a word (its latency says little, any answer counts). */
function stsWord(health: RegionHealth | undefined): string | undefined {
  switch (health?.state) {
    case 'up':
      return t('healthUp');
    case 'slow':
      return t('healthSlow');
    case 'down':
      return t('healthDown');
    default:
      return health?.checkingSince ? t('healthChecking') : undefined;
  }
}
