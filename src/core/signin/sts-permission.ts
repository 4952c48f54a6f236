// Whether the extension may call AWS STS at all, for a console sign-in or for CLI credentials. One
// decision, made the same way by the worker (which refuses every STS message) and by the pages
// (which hide what cannot work). "Re-post only" means no STS whatsoever: no continuation after a
// refused re-post, no CLI credentials, no several consoles at once. An organisation that allows
// console sign-ins through STS but no keys that leave the browser switches CLI credentials off.
import type { SigninMethodSetting } from './method';
import { message, type UserMessage } from '../words/user-message';

/** The settings the decision reads, and whether the administrator's policy set each. */
export interface StsRules {
  readonly signinMethod: SigninMethodSetting;
  readonly signinMethodByPolicy: boolean;
  readonly allowCliCredentials: boolean;
  readonly cliByPolicy: boolean;
}

/** What STS would be asked for: a console sign-in (one role or several), or CLI credentials. */
export type StsUse = 'signin' | 'cli';

export type StsPermission = { readonly ok: true } | { readonly ok: false; readonly refusal: UserMessage };

export function stsPermission(rules: StsRules, use: StsUse): StsPermission {
  if (rules.signinMethod === 'repost') {
    return { ok: false, refusal: message(rules.signinMethodByPolicy ? 'stsOffRepostPolicy' : 'stsOffRepostSetting') };
  }
  if (use === 'cli' && !rules.allowCliCredentials) {
    return { ok: false, refusal: message(rules.cliByPolicy ? 'cliOffPolicy' : 'cliOffSetting') };
  }
  return { ok: true };
}

/** The rules from effective settings (managed values applied) and the keys the policy locks. */
export function stsRulesOf(
  settings: { readonly signinMethod: SigninMethodSetting; readonly allowCliCredentials: boolean },
  locked: readonly string[],
): StsRules {
  return {
    signinMethod: settings.signinMethod,
    signinMethodByPolicy: locked.includes('signinMethod'),
    allowCliCredentials: settings.allowCliCredentials,
    cliByPolicy: locked.includes('allowCliCredentials'),
  };
}
