import { useState } from 'preact/hooks';
import type { CapturedSignin } from '../../core/captured-signin';
import { endpointForUrl } from '../../core/endpoints';
import type { AssertionAddress } from '../../core/region-choice';
import type { SamlAssertionInfo } from '../../core/saml-decode';
import { Expiry, useNow } from './Expiry';
import { identityProviderHome, signIn } from './sign-in';

function BackToIdp(props: { capture?: CapturedSignin | undefined; primary?: boolean }) {
  const home = identityProviderHome(props.capture);
  // Chrome hides the IdP's origin from us (no host permission on it), but the tab's history has
  // the IdP page: going back asks the IdP again, which hands out a fresh assertion.
  if (!home && history.length > 1) {
    return (
      <button type="button" class={props.primary ? 'button primary' : 'button'} onClick={() => history.back()}>
        Go back to your identity provider
      </button>
    );
  }
  if (!home) {
    return (
      <p class="hint">
        Go back to your identity provider (for example your Okta dashboard) and click the AWS tile again.
      </p>
    );
  }
  return (
    <a class={props.primary ? 'button primary' : 'button'} href={home}>
      Go back to {new URL(home).host}
    </a>
  );
}

export function WaitingView() {
  return (
    <section class="panel state" aria-busy="true">
      <h1>Waiting for your sign-in…</h1>
      <p class="hint">Your identity provider is handing the sign-in over to the extension.</p>
    </section>
  );
}

export function FramedView() {
  return (
    <section class="panel state">
      <h1>Open the role picker in its own tab</h1>
      <p>For your safety the role picker does not work inside another page.</p>
    </section>
  );
}

export function NoCaptureView() {
  return (
    <section class="panel state" role="alert">
      <h1>No sign-in was captured</h1>
      <p>
        The extension opened, but the sign-in data from your identity provider did not reach it (this can happen
        right after the extension was installed or updated). Nothing was sent to AWS.
      </p>
      <div class="actions">
        <BackToIdp primary />
      </div>
    </section>
  );
}

/** The escape hatch: post as AWS would have received it, to the endpoint the IdP chose. */
function ContinueToAws(props: { capture: CapturedSignin; primary?: boolean; label?: string; endpointDown?: boolean }) {
  const [error, setError] = useState<string>();
  const endpoint = endpointForUrl(props.capture.url.split(/[?#]/)[0] ?? '');
  if (!endpoint) return null;
  const onClick = async () => {
    setError(
      await signIn(props.capture, {
        partition: endpoint.partition,
        targetUrl: `https://${endpoint.host}${endpoint.path}`,
        relayState: props.capture.relayState,
      }),
    );
  };
  return (
    <>
      <button type="button" class={props.primary ? 'button primary' : 'button'} onClick={onClick}>
        {props.label ?? `Continue to AWS's own page (${endpoint.host}${props.endpointDown ? ', looks down' : ''})`}
      </button>
      {error && <p role="alert" class="error">{error}</p>}
    </>
  );
}

export function DecodeErrorView(props: { message: string; capture?: CapturedSignin | undefined }) {
  return (
    <section class="panel state" role="alert">
      <h1>This sign-in could not be read</h1>
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
      <h1>This sign-in has expired</h1>
      <p>
        Your identity provider's assertion was valid until {new Date(props.notOnOrAfter).toLocaleTimeString()}; AWS would
        refuse it now. Click the AWS tile again to get a fresh one.
      </p>
      <div class="actions">
        <BackToIdp capture={props.capture} primary />
      </div>
    </section>
  );
}

export function EncryptedView(props: { capture: CapturedSignin; info: SamlAssertionInfo; address: AssertionAddress }) {
  const now = useNow();
  if (props.info.notOnOrAfter && Date.parse(props.info.notOnOrAfter) <= now) {
    return <ExpiredView capture={props.capture} notOnOrAfter={props.info.notOnOrAfter} />;
  }
  return (
    <section class="panel state">
      <h1>Encrypted assertion</h1>
      <p>
        Your identity provider encrypts its assertions, so the extension cannot read your roles. Sign in as AWS would
        have received it: AWS shows its own role page at {props.address.endpoint.host}.
      </p>
      {props.info.notOnOrAfter && <Expiry notOnOrAfter={props.info.notOnOrAfter} now={now} />}
      <div class="actions">
        <ContinueToAws capture={props.capture} primary label={`Sign in at ${props.address.endpoint.host}`} />
      </div>
    </section>
  );
}

export { ContinueToAws, BackToIdp };
