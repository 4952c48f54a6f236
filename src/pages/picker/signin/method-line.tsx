import type { SigninMethodChoice } from '../../../core/signin/method';
import { t } from '../../../platform/i18n';

interface Props {
  choice: SigninMethodChoice;
  region: string;
  /** The host of the endpoint the assertion is addressed to. */
  addressedHost: string;
  /** The sign-in method is the organisation's policy, not the user's setting. */
  byPolicy: boolean;
  /** How many roles open together (0 or 1: just the selected one): several always go through STS. */
  many: number;
}

/**
 * One line: which way "Sign in" goes and why (a plain re-post, or STS + federation). It changes
 * when health moves the region: two lines are reserved for it, so the buttons below stay put.
 */
export function MethodLine({ choice, region, addressedHost, byPolicy, many }: Props) {
  const line = (() => {
    if (many > 1) return t('methodMany', String(many), region);
    switch (choice.reason) {
      case 'addressed-region':
      case 'encrypted':
        return t('methodAddressed', addressedHost);
      case 'forced-repost':
        return t(byPolicy ? 'methodPolicyRepost' : 'methodForcedRepost', region);
      case 'forced-sts':
        return t(byPolicy ? 'methodPolicySts' : 'methodForcedSts', region);
      case 'try-repost-first':
        return t('methodTryRepost', region);
      case 'refused-before':
        return t('methodRefusedBefore', region);
    }
  })();
  return (
    <p id="signin-method" class="hint method">
      {line}
    </p>
  );
}
