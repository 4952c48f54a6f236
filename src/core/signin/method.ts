
/**
 * How the picker signs in to the chosen region (docs/saml-signin.md#the-recipient-check, docs/sts-federation.md). The region the assertion is
 * addressed to takes the plain re-post, the mission's path. Another region accepts a re-post only
 * where the admin set it up, so there the re-post is tried first and, when AWS refuses it, the
 * STS + federation sign-in follows at once; once an IdP app's assertions were refused elsewhere,
 * its next sign-ins into other regions go straight to STS.
 */
export type SigninMethodSetting = 'auto' | 'repost' | 'sts';
export const SIGNIN_METHOD_SETTINGS = ['auto', 'repost', 'sts'] as const satisfies readonly SigninMethodSetting[];

export type SigninMethod = 'repost' | 'repost-then-sts' | 'sts';

export type SigninMethodReason =
  /** The region the assertion is addressed to: its own endpoint takes it. */
  | 'addressed-region'
  /** The user (or the admin's policy) chose the re-post everywhere. */
  | 'forced-repost'
  /** The user (or the admin's policy) chose STS + federation everywhere. */
  | 'forced-sts'
  /** Never tried: the re-post may work where the admin set the region up. */
  | 'try-repost-first'
  /** This IdP app's assertions were refused by another region's SAML endpoint before. */
  | 'refused-before'
  /** Encrypted assertions carry no readable roles: STS needs the role, so only AWS's own page works. */
  | 'encrypted';

export interface SigninMethodChoice {
  readonly method: SigninMethod;
  readonly reason: SigninMethodReason;
}

export function chooseSigninMethod(input: {
  readonly addressedRegion: string;
  readonly region: string;
  readonly setting: SigninMethodSetting;
  /** Whether this IdP app's assertions were refused by another region's `/saml` before. */
  readonly refusedElsewhere: boolean;
  /** False for encrypted assertions (no role and provider ARNs to hand STS). */
  readonly rolesReadable: boolean;
}): SigninMethodChoice {
  if (!input.rolesReadable) return { method: 'repost', reason: 'encrypted' };
  if (input.setting === 'repost') return { method: 'repost', reason: 'forced-repost' };
  if (input.setting === 'sts') return { method: 'sts', reason: 'forced-sts' };
  if (input.region === input.addressedRegion) return { method: 'repost', reason: 'addressed-region' };
  return input.refusedElsewhere ? { method: 'sts', reason: 'refused-before' } : { method: 'repost-then-sts', reason: 'try-repost-first' };
}

/** Key of what was learned about an IdP app's assertions (its Issuer) in one partition. */
export function refusalKey(issuer: string, partition: string): string {
  return `${partition} ${issuer}`.slice(0, 300);
}

