import { useEffect, useState } from 'preact/hooks';
import { chooseSigninMethod, refusalKey, type SigninMethodChoice } from '../../core/signin-method';
import type { Settings } from '../../core/settings';
import type { AssertionAddress } from '../../core/region-choice';
import { stsPermission, stsRulesOf } from '../../core/sts-permission';
import { readRefusals } from '../../platform/refusal-store';

/**
 * How the picker will sign in to `region` (core/signin-method.ts), with what the worker learned
 * about this IdP app: whether its assertions were refused by another region's SAML endpoint. And
 * what may use STS at all (core/sts-permission.ts, the worker's own rule): the picker offers
 * neither several consoles nor CLI credentials where the worker would refuse them.
 */
export function useSigninMethod(input: {
  readonly settings: Pick<Settings, 'signinMethod' | 'allowCliCredentials'>;
  /** The settings the organisation's policy sets. */
  readonly locked: readonly string[];
  readonly address: AssertionAddress;
  readonly region: string;
  readonly issuer: string | undefined;
}): { choice: SigninMethodChoice; choiceFor: (region: string) => SigninMethodChoice; byPolicy: boolean; stsSignin: boolean; cliCredentials: boolean } {
  const { settings, address, region, issuer } = input;
  const rules = stsRulesOf(settings, input.locked);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    if (!issuer) return;
    let live = true;
    readRefusals().then((known) => live && setRefused(Object.hasOwn(known, refusalKey(issuer, address.partition))), () => undefined);
    return () => {
      live = false;
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
  return {
    choice: choiceFor(region),
    choiceFor,
    byPolicy: rules.signinMethodByPolicy,
    stsSignin: stsPermission(rules, 'signin').ok,
    cliCredentials: stsPermission(rules, 'cli').ok,
  };
}
