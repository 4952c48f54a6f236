import type { RegionHealth } from '../../core/health';
import type { SigninMethodChoice } from '../../core/signin-method';
import { t } from '../../platform/i18n';

interface Props {
  choice: SigninMethodChoice;
  region: string;
  /** The host of the endpoint the assertion is addressed to. */
  addressedHost: string;
  stsHealth: RegionHealth | undefined;
}

/** One line: which way "Sign in" goes and why (a plain re-post, or STS + federation). */
export function MethodLine({ choice, region, addressedHost, stsHealth }: Props) {
  const line = (() => {
    switch (choice.reason) {
      case 'addressed-region':
      case 'encrypted':
        return t('methodAddressed', addressedHost);
      case 'forced-repost':
        return t('methodForcedRepost', region);
      case 'forced-sts':
        return t('methodForcedSts', region);
      case 'try-repost-first':
        return t('methodTryRepost', region);
      case 'refused-before':
        return t('methodRefusedBefore', region);
    }
  })();
  const stsDown = choice.method !== 'repost' && stsHealth?.state === 'down';
  return (
    <p id="signin-method" class="hint method">
      {line}
      {stsDown && ` ${t('stsDownNote', region)}`}
    </p>
  );
}
