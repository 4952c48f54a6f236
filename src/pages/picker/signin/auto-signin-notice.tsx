import type { SamlRole } from '../../../core/saml/decode';
import { t } from '../../../platform/i18n';
import type { AutoSignin } from './use-auto-signin';

/** "Skip the picker": the countdown with its Cancel, or why it stopped and how to stop it for good. */
export function AutoSigninNotice(props: { auto: AutoSignin; roles: readonly SamlRole[]; onCancel: () => void; onStopSkipping: () => void }) {
  const { auto } = props;
  if (auto.state === 'counting') {
    return (
      <p class="warning auto" role="alert">
        {t('autoCounting', props.roles.find((r) => r.roleArn === auto.roleArn)?.roleName ?? '', auto.region)}{' '}
        <button type="button" class="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </p>
    );
  }
  if (auto.state === 'cancelled') {
    return (
      <p class="hint" role="status">
        {t('autoStopped', auto.reason)}{' '}
        <button type="button" class="link" onClick={props.onStopSkipping}>
          {t('stopSkippingApp')}
        </button>
      </p>
    );
  }
  return null;
}
