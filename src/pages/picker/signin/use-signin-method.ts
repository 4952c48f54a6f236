import { useEffect, useState } from 'preact/hooks';
import { chooseSigninMethod, refusalKey, type SigninMethodChoice } from '../../../core/signin/method';
import type { Settings } from '../../../core/settings/schema';
import type { AssertionAddress } from '../../../core/regions/choice';
import { readRefusals, watchRefusals } from '../../../platform/refusal-store';

/**
 * How the picker will sign in to `region` (core/signin/method.ts), with what the worker learned
 * about this IdP app: whether its assertions were refused by another region's SAML endpoint.
 */
export function useSigninMethod(input: {
  readonly settings: Pick<Settings, 'signinMethod'>;
  readonly address: AssertionAddress;
  readonly region: string;
  readonly issuer: string | undefined;
}): { choice: SigninMethodChoice; choiceFor: (region: string) => SigninMethodChoice } {
  const { settings, address, region, issuer } = input;
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    if (!issuer) return;
    let live = true;
    const key = refusalKey(issuer, address.partition);
    readRefusals().then((known) => live && setRefused(Object.hasOwn(known, key)), () => undefined);
    // A failover check that found a region refusing the re-post counts as soon as it is done.
    const stop = watchRefusals((known) => setRefused(Object.hasOwn(known, key)));
    return () => {
      live = false;
      stop();
    };
  }, [issuer, address.partition]);
  const choiceFor = (target: string) =>
    chooseSigninMethod({
      addressedRegion: address.endpoint.region,
      region: target,
      setting: settings.signinMethod,
      refusedElsewhere: refused,
      rolesReadable: true,
    });
  return { choice: choiceFor(region), choiceFor };
}
