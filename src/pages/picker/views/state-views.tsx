import { useState } from 'preact/hooks';
import type { CapturedSignin } from '../../../core/signin/capture';
import { endpointForUrl } from '../../../core/aws/endpoints';
import { httpsUrl } from '../../../core/base/url-host';
import type { AssertionAddress } from '../../../core/regions/choice';
import type { SamlAssertionInfo } from '../../../core/saml/decode';
import { Expiry } from './expiry';
import { identityProviderHome, signIn } from '../signin/sign-in';
import { t } from '../../../platform/i18n';
import { clockTime } from '../../../ui/clock-time';
import { StableLabel } from '../../../ui/stable-label';

function BackToIdp(props: { capture?: CapturedSignin | undefined; primary?: boolean }) {
  const home = identityProviderHome(props.capture);
  // Chrome hides the IdP's origin from us (no host permission on it), but the tab's history has
  // the IdP page: going back asks the IdP again, which hands out a fresh assertion.
  if (!home && history.length > 1) {
    return (
      <button type="button" class={props.primary ? 'button primary' : 'button'} onClick={() => history.back()}>
        {t('goBackToIdp')}
      </button>
    );
  }
  if (!home) {
    return (
      <p class="hint">
        {t('goBackToIdpHint')}
      </p>
    );
  }
  return (
    <a class={props.primary ? 'button primary' : 'button'} href={home}>
      {t('goBackToHost', new URL(home).host)}
    </a>
  );
}

export function WaitingView() {
  return (
    <section class="panel state" aria-busy="true">
      <h1>{t('waitingTitle')}</h1>
      <p class="hint">{t('waitingHint')}</p>
    </section>
  );
}

export function FramedView() {
  return (
    <section class="panel state">
      <h1>{t('framedTitle')}</h1>
      <p>{t('framedText')}</p>
    </section>
  );
}

export function NoCaptureView() {
  return (
    <section class="panel state" role="alert">
      <h1>{t('noCaptureTitle')}</h1>
      <p>{t('noCaptureText')}</p>
      <div class="actions">
        <BackToIdp primary />
      </div>
    </section>
  );
}

/** The worker could not store the sign-in (session storage full): the IdP hands out a fresh one. */
export function CaptureNotKeptView() {
  return (
    <section class="panel state" role="alert">
      <h1>{t('captureNotKeptTitle')}</h1>
      <p>{t('captureNotKeptText')}</p>
      <div class="actions">
        <BackToIdp primary />
      </div>
    </section>
  );
}

/** The escape hatch: post as AWS would have received it, to the endpoint the IdP chose. */
function ContinueToAws(props: { capture: CapturedSignin; primary?: boolean; label?: string; endpointDown?: boolean }) {
  const [error, setError] = useState<string>();
  const endpoint = endpointForUrl(props.capture.url);
  if (!endpoint) return null;
  const onClick = async () => {
    setError(
      await signIn(props.capture, {
        partition: endpoint.partition,
        targetUrl: httpsUrl(endpoint.host, endpoint.path),
        relayState: props.capture.relayState,
      }),
    );
  };
  return (
    <>
      <button type="button" class={props.primary ? 'button primary' : 'button'} onClick={onClick}>
        {/* Health adds "looks down" late: the button keeps the width of its longer label. */}
        {props.label ?? <StableLabel labels={[t('continueToAws', endpoint.host), t('continueToAwsDown', endpoint.host)]} current={props.endpointDown ? 1 : 0} />}
      </button>
      {error && <p role="alert" class="error">{error}</p>}
    </>
  );
}

export function DecodeErrorView(props: { message: string; capture?: CapturedSignin | undefined }) {
  return (
    <section class="panel state" role="alert">
      <h1>{t('decodeErrorTitle')}</h1>
      <p>{props.message}</p>
      <div class="actions">
        {props.capture && <ContinueToAws capture={props.capture} />}
        <BackToIdp capture={props.capture} />
      </div>
    </section>
  );
}

export function ExpiredView(props: { capture: CapturedSignin; notOnOrAfter: string }) {
  return (
    <section class="panel state" role="alert">
      <h1>{t('expiredTitle')}</h1>
      <p>{t('expiredText', clockTime(props.notOnOrAfter))}</p>
      <div class="actions">
        <BackToIdp capture={props.capture} primary />
      </div>
    </section>
  );
}

export function EncryptedView(props: { capture: CapturedSignin; info: SamlAssertionInfo; address: AssertionAddress; now: number }) {
  const { now } = props;
  return (
    <section class="panel state">
      <h1>{t('encryptedTitle')}</h1>
      <p>{t('encryptedText', props.address.endpoint.host)}</p>
      {props.info.notOnOrAfter && <Expiry notOnOrAfter={props.info.notOnOrAfter} now={now} />}
      <div class="actions">
        <ContinueToAws capture={props.capture} primary label={t('signInAt', props.address.endpoint.host)} />
      </div>
    </section>
  );
}

export { ContinueToAws, BackToIdp };
