/**
 * Size limits on what the IdP hands us. Real assertions with 1,000 roles are about 200 KB
 * (docs/saml-signin.md#what-the-assertion-carries); anything past this is refused before it is decoded or parsed.
 */
export const MAX_SAML_RESPONSE_BYTES = 2 * 1024 * 1024;

/** RelayState is a URL; AWS itself caps it well below this. */
export const MAX_RELAY_STATE_LENGTH = 8192;

/**
 * The most of an IdP's form the capture keeps (SAMLResponse and RelayState together, as posted):
 * checked before anything is stored, since any web page can post to AWS sign-in and
 * `storage.session` holds 10 MB in all (Chrome's QUOTA_BYTES).
 */
export const MAX_SIGNIN_FORM_BYTES = MAX_SAML_RESPONSE_BYTES * 2;

/** AWS's bounds for STS DurationSeconds and a console SessionDuration (docs/sts-federation.md). */
export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 43_200;
/** A role's MaxSessionDuration defaults to one hour: asking for more fails on most roles. */
export const DEFAULT_SESSION_CAP_SECONDS = 3_600;

/** A session length in whole seconds within AWS's bounds and under `cap` (itself kept within them). */
export function sessionSeconds(sessionDuration: number | undefined, cap = MAX_SESSION_SECONDS): number | undefined {
  if (sessionDuration === undefined || !Number.isFinite(sessionDuration)) return undefined;
  const limit = Math.min(MAX_SESSION_SECONDS, Math.max(MIN_SESSION_SECONDS, cap));
  return Math.min(limit, Math.max(MIN_SESSION_SECONDS, Math.floor(sessionDuration)));
}

/** Bounds on what our own stores and messages accept: far above any real value, small enough to refuse junk. */
export const MAX_URL_LENGTH = 2048;
export const MAX_ARN_LENGTH = 2048;
/** A region code or partition name (`ap-southeast-5`, `aws-us-gov`). */
export const MAX_REGION_LENGTH = 32;
export const MAX_HOST_LENGTH = 256;
/** Longest account name kept (typed, imported or learned from AWS). */
export const MAX_ACCOUNT_NAME_LENGTH = 64;

/** With the setting on, the clipboard is cleared this long after CLI credentials were copied to it. */
export const CLEAR_COPIED_AFTER_MS = 60_000;
