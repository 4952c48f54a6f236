import { describeHealth, summarizeHealth, type RegionHealth } from '../../../core/health/probe';
import type { RegionOption } from '../../../core/regions/choice';
import { t, tMessage } from '../../../platform/i18n';
import { StableLabel } from '../../../ui/stable-label';

interface Props {
  regions: readonly RegionOption[];
  region: string;
  health: Readonly<Record<string, RegionHealth | undefined>>;
  /** Health of each region's STS endpoint (the sign-in that needs no admin change). */
  stsHealth: Readonly<Record<string, RegionHealth | undefined>>;
  onChange: (region: string) => void;
  onCheckAgain: () => void;
}

/**
 * Region selector with each endpoint's live health; a region shown as down stays selectable.
 * Health arrives after the picker painted: the status line keeps its height (two lines reserved)
 * and "Check again" its width, so nothing below moves when it does. What health has to say beyond
 * that goes in HealthNotices, below the buttons.
 */
export function RegionPicker({ regions, region, health, stsHealth, onChange, onCheckAgain }: Props) {
  const chosen = health[region];
  const summary = summarizeHealth(
    regions.map((r) => r.code),
    health,
  );
  const checking = Object.values(health).some((h) => h?.checkingSince !== undefined);
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
      <div class={`region-status state-${chosen?.state ?? 'unknown'}`}>
        <span class="dot" aria-hidden="true" />
        {/* Two lines, each its own block: a sentence growing never moves the other's text. */}
        <p id="region-status" role="status">
          <span class="sentence">{statusSentence(region, chosen)}</span>
          {summary.up + summary.slow + summary.down > 0 && (
            <span class="summary">
              {' '}
              {summary.down
                ? t('regionsAnsweringSomeDown', String(summary.up + summary.slow), String(regions.length), String(summary.down))
                : t('regionsAnswering', String(summary.up + summary.slow), String(regions.length))}
            </span>
          )}
        </p>
        <button type="button" class="link" onClick={onCheckAgain} disabled={checking}>
          <StableLabel labels={[t('checkAgain'), t('checking')]} current={checking ? 1 : 0} />
        </button>
      </div>
    </div>
  );
}

function statusSentence(region: string, health: RegionHealth | undefined): string {
  if (!health || health.state === 'unknown') return health?.checkingSince ? t('regionChecking', region) : t('regionNotChecked', region);
  if (health.state === 'down') return t('regionDown', region, tMessage(health.detail));
  if (health.state === 'slow') return t('regionSlow', region, tMessage(health.detail));
  return t('regionUp', region, tMessage(health.detail));
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
