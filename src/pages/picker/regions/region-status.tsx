import { summarizeHealth, type RegionHealth } from '../../../core/health/probe';
import type { RegionOption } from '../../../core/regions/choice';
import { hostOf } from '../../../core/base/url-host';
import { t, tMessage } from '../../../platform/i18n';
import { clockTime } from '../../../ui/clock-time';
import { StableLabel } from '../../../ui/stable-label';

interface Props {
  regions: readonly RegionOption[];
  region: string;
  addressedRegion: string;
  health: Readonly<Record<string, RegionHealth | undefined>>;
  /** The default moved away from the addressed region because it is down. */
  movedFromAddressed: boolean;
  /** The addressed region is down and an IdP app is set up for a healthy one. */
  freshApp: { region: string; url: string } | undefined;
  onCheckAgain: () => void;
}

/**
 * The region status, at the top of the picker: an outage is the first thing said ("us-east-1
 * sign-in is down — signing you in through us-east-2"), then the chosen region and how many
 * answer. Health arrives after the picker painted: two lines are reserved, and "Check again"
 * and the fresh-assertion link sit in a column of their own, so nothing below moves.
 */
export function RegionStatus({ regions, region, addressedRegion, health, movedFromAddressed, freshApp, onCheckAgain }: Props) {
  const chosen = health[region];
  const addressed = health[addressedRegion];
  const summary = summarizeHealth(
    regions.map((r) => r.code),
    health,
  );
  const checking = Object.values(health).some((h) => h?.checkingSince !== undefined);
  const outage = movedFromAddressed && addressed?.state === 'down';
  const answering =
    summary.up + summary.slow + summary.down > 0
      ? summary.down
        ? t('regionsAnsweringSomeDown', String(summary.up + summary.slow), String(regions.length), String(summary.down))
        : t('regionsAnswering', String(summary.up + summary.slow), String(regions.length))
      : '';
  const state = outage ? 'down' : chosen?.state ?? 'unknown';
  return (
    <div class={`region-status state-${state}`}>
      <span class="dot" aria-hidden="true" />
      {/* Two lines, each its own block: a sentence growing never moves the other's text. */}
      <p id="region-status" aria-live="polite">
        {outage && addressed ? (
          <strong class="sentence outage" role="alert">
            {t('movedFromAddressed', addressedRegion, tMessage(addressed.detail), clockTime(addressed.downSince ?? addressed.checkedAt ?? Date.now()), region)}
          </strong>
        ) : (
          <span class="sentence">{statusSentence(region, chosen)}</span>
        )}
        <span class="summary">
          {' '}
          {outage ? `${statusSentence(region, chosen)} ${freshApp ? '' : answering}` : answering}
          {/* The IdP app of a region that answers: a second way out, beside the status, never the primary. */}
          {freshApp && (
            <a class="fresh-app" href={freshApp.url}>
              {t('freshAssertion', freshApp.region, hostOf(freshApp.url) ?? freshApp.url.slice(0, 64))}
            </a>
          )}
        </span>
      </p>
      <button type="button" class="link" onClick={onCheckAgain} disabled={checking}>
        <StableLabel labels={[t('checkAgain'), t('checking')]} current={checking ? 1 : 0} />
      </button>
    </div>
  );
}

function statusSentence(region: string, health: RegionHealth | undefined): string {
  if (!health || health.state === 'unknown') return health?.checkingSince ? t('regionChecking', region) : t('regionNotChecked', region);
  if (health.state === 'down') return t('regionDown', region, tMessage(health.detail));
  if (health.state === 'slow') return t('regionSlow', region, tMessage(health.detail));
  return t('regionUp', region, tMessage(health.detail));
}
