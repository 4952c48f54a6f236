import { summarizeHealth, type RegionHealth } from '../../../core/health/probe';
import type { RegionOption } from '../../../core/regions/choice';
import type { SigninMethodChoice } from '../../../core/signin/method';
import { hostOf } from '../../../core/base/url-host';
import { t, tMessage } from '../../../platform/i18n';

interface Props {
  regions: readonly RegionOption[];
  region: string;
  addressedRegion: string;
  health: Readonly<Record<string, RegionHealth | undefined>>;
  stsHealth: Readonly<Record<string, RegionHealth | undefined>>;
  /** True when the default moved away from the addressed region because it is down. */
  movedFromAddressed: boolean;
  method: SigninMethodChoice;
  /** The addressed region is down and an IdP app is set up for a healthy one. */
  freshApp: { region: string; url: string } | undefined;
}

/**
 * What endpoint health has to say once it answers, a few hundred milliseconds after the picker
 * painted. It goes below the buttons, where it pushes nothing the user may be about to click.
 */
export function HealthNotices({ regions, region, addressedRegion, health, stsHealth, movedFromAddressed, method, freshApp }: Props) {
  const addressed = health[addressedRegion];
  const allDown = summarizeHealth(
    regions.map((r) => r.code),
    health,
  ).down === regions.length;
  const stsDown = method.method !== 'repost' && stsHealth[region]?.state === 'down';
  return (
    <>
      {movedFromAddressed && addressed && (
        <p class="warning" role="alert">
          {t('movedFromAddressed', addressedRegion, tMessage(addressed.detail), region)}
        </p>
      )}
      {freshApp && (
        <p class="fresh-app">
          <a class="button primary" href={freshApp.url}>
            {t('freshAssertion', freshApp.region, hostOf(freshApp.url) ?? freshApp.url.slice(0, 64))}
          </a>
        </p>
      )}
      {allDown && (
        <p class="error" role="alert">
          {t('allRegionsDown')}
        </p>
      )}
      {stsDown && (
        <p class="hint" role="status">
          {t('stsDownNote', region)}
        </p>
      )}
    </>
  );
}
