import { summarizeHealth, type RegionHealth } from '../../../core/health/probe';
import type { RegionOption } from '../../../core/regions/choice';
import type { SigninMethodChoice } from '../../../core/signin/method';
import { t } from '../../../platform/i18n';

interface Props {
  regions: readonly RegionOption[];
  region: string;
  health: Readonly<Record<string, RegionHealth | undefined>>;
  stsHealth: Readonly<Record<string, RegionHealth | undefined>>;
  method: SigninMethodChoice;
}

/**
 * What endpoint health has to say beyond the status line (every region down, STS down), a few
 * hundred milliseconds after the picker painted: below the buttons, where it pushes nothing.
 */
export function HealthNotices({ regions, region, health, stsHealth, method }: Props) {
  const allDown = summarizeHealth(
    regions.map((r) => r.code),
    health,
  ).down === regions.length;
  const stsDown = method.method !== 'repost' && stsHealth[region]?.state === 'down';
  return (
    <>
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
