import { shortIssuer } from '../../../core/signin/capture';
import type { AssertionAddress } from '../../../core/regions/choice';
import type { SamlAssertionInfo } from '../../../core/saml/decode';
import { t } from '../../../platform/i18n';
import { Expiry } from '../views/expiry';
import { StableLabel } from '../../../ui/stable-label';

interface Props {
  info: SamlAssertionInfo;
  address: AssertionAddress;
  now: number;
  firstFromApp: boolean;
  /** The addressed region's sign-in endpoint is down: the header says so (the status line below says more). */
  addressedDown: boolean;
}

/** Where the assertion is addressed, as whom, until when, and from which IdP app. */
export function PickerHeader({ info, address, now, firstFromApp, addressedDown }: Props) {
  return (
    <header class="picker-header">
      <h1>{t('chooseRoleTitle')}</h1>
      <p class="meta">
        <span class={addressedDown ? 'addressed down' : 'addressed'}>
          {t('addressedTo')} <strong>{address.endpoint.region}</strong>
          {/* Both words hold their place: health answering late moves nothing beside them. */}{' '}
          <StableLabel labels={[`(${address.endpoint.host})`, `— ${t('addressedDownWord')}`]} current={addressedDown ? 1 : 0} />
        </span>
        {info.roleSessionName && (
          <span>
            {t('signingInAs')} <strong>{info.roleSessionName}</strong>
          </span>
        )}
        {info.notOnOrAfter && <Expiry notOnOrAfter={info.notOnOrAfter} now={now} />}
      </p>
      {/* A line of its own, one line tall before and after settings arrive: nothing below moves. */}
      <p class="meta idp-app">
        {t('fromIdpApp', shortIssuer(info.issuer ?? address.endpoint.host, 48))}
        {/* Never seen on this browser: a page may have posted someone else's assertion. A security note, not a label. */}
        {firstFromApp && (
          <strong class="first-app">
            <span aria-hidden="true">⚠ </span>
            {t('firstSigninFromApp')}
          </strong>
        )}
      </p>
    </header>
  );
}
