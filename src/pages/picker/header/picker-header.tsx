import { shortIssuer } from '../../../core/signin/capture';
import type { AssertionAddress } from '../../../core/regions/choice';
import type { SamlAssertionInfo } from '../../../core/saml/decode';
import { t } from '../../../platform/i18n';
import { Expiry } from '../views/expiry';

/** Where the assertion is addressed, as whom, until when, and from which IdP app. */
export function PickerHeader(props: { info: SamlAssertionInfo; address: AssertionAddress; now: number; firstFromApp: boolean }) {
  const { info, address } = props;
  return (
    <header class="picker-header">
      <h1>{t('chooseRoleTitle')}</h1>
      <p class="meta">
        <span>
          {t('addressedTo')} <strong>{address.endpoint.region}</strong> ({address.endpoint.host})
        </span>
        {info.roleSessionName && (
          <span>
            {t('signingInAs')} <strong>{info.roleSessionName}</strong>
          </span>
        )}
        {info.notOnOrAfter && <Expiry notOnOrAfter={info.notOnOrAfter} now={props.now} />}
      </p>
      {/* A line of its own, one line tall before and after settings arrive: nothing below moves. */}
      <p class="meta idp-app">
        {t('fromIdpApp', shortIssuer(info.issuer ?? address.endpoint.host, 48))}
        {props.firstFromApp && <strong class="first-app">{t('firstSigninFromApp')}</strong>}
      </p>
    </header>
  );
}
