import type { StsEndpoint } from './endpoints';

/**
 * `AssumeRoleWithSAML` at a regional STS endpoint (REFERENCE §8): the request we send and how we
 * read STS's answer. Pure: the worker does the fetch and passes its XML parser in (the service
 * worker has no DOMParser; it uses xmldom, hardened like the SAML decoder).
 */
export const STS_API_VERSION = '2011-06-15';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
import { DEFAULT_SESSION_CAP_SECONDS, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from './limits';

export { DEFAULT_SESSION_CAP_SECONDS, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS };
/** STS takes an assertion only within 5 minutes of its issue (`ExpiredTokenException`). */
export const STS_ASSERTION_WINDOW_MS = 5 * 60_000;
/** STS answers are a few KB; anything larger is not STS. */
export const MAX_STS_RESPONSE_BYTES = 64 * 1024;

export interface AssumeRoleWithSamlInput {
  readonly endpoint: StsEndpoint;
  readonly roleArn: string;
  readonly principalArn: string;
  /** The SAMLResponse form field exactly as the IdP posted it. */
  readonly samlResponse: string;
  /** The assertion's SessionDuration attribute, when it has one. */
  readonly sessionDuration?: number | undefined;
  /** The user's cap (default one hour); undefined asks STS for its default. */
  readonly durationCap?: number | undefined;
  /** Leave DurationSeconds out (the retry after a MaxSessionDuration refusal). */
  readonly omitDuration?: boolean;
}

/** A POST with a form body: the assertion never goes into a URL. */
export interface FormPost {
  readonly url: string;
  readonly method: 'POST';
  readonly headers: { readonly 'content-type': 'application/x-www-form-urlencoded' };
  readonly body: string;
}

/** DurationSeconds to ask for: the assertion's SessionDuration within AWS's bounds and the cap. */
export function stsDurationSeconds(sessionDuration: number | undefined, cap = DEFAULT_SESSION_CAP_SECONDS): number | undefined {
  if (sessionDuration === undefined || !Number.isFinite(sessionDuration)) return undefined;
  const limit = clamp(cap, MIN_SESSION_SECONDS, MAX_SESSION_SECONDS);
  return clamp(Math.floor(sessionDuration), MIN_SESSION_SECONDS, limit);
}

export function buildAssumeRoleWithSaml(input: AssumeRoleWithSamlInput): FormPost {
  const fields = new URLSearchParams({
    Action: 'AssumeRoleWithSAML',
    Version: STS_API_VERSION,
    RoleArn: input.roleArn,
    PrincipalArn: input.principalArn,
    SAMLAssertion: input.samlResponse,
  });
  const duration = input.omitDuration ? undefined : stsDurationSeconds(input.sessionDuration, input.durationCap);
  if (duration !== undefined) fields.set('DurationSeconds', String(duration));
  return { url: input.endpoint.url, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() };
}

export interface StsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** ISO 8601, as STS wrote it. */
  readonly expiration: string;
}

export type StsErrorCode =
  | 'AccessDenied'
  | 'ExpiredTokenException'
  | 'InvalidIdentityToken'
  | 'IDPRejectedClaim'
  | 'RegionDisabledException'
  | 'ValidationError'
  | 'MalformedPolicyDocument'
  | 'PackedPolicyTooLarge'
  | 'Throttling'
  | 'network'
  | 'timeout'
  | 'http'
  | 'unreadable';

export type StsResult =
  | { readonly ok: true; readonly credentials: StsCredentials; readonly assumedRoleArn: string }
  | { readonly ok: false; readonly error: StsError };

export interface StsError {
  readonly code: StsErrorCode;
  /** STS's own words (or what failed on the way). */
  readonly message: string;
  /** The HTTP status, when STS answered. */
  readonly status?: number | undefined;
}

const KNOWN_CODES = new Set<string>([
  'AccessDenied', 'ExpiredTokenException', 'InvalidIdentityToken', 'IDPRejectedClaim', 'RegionDisabledException',
  'ValidationError', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'Throttling',
]);

/** Reads STS's answer (success or `ErrorResponse`); never throws. */
export function readStsResponse(status: number, text: string, parseXml: (xml: string) => Document): StsResult {
  const unreadable = (message: string): StsResult => ({
    ok: false,
    error: { code: status >= 500 ? 'http' : 'unreadable', message, status },
  });
  if (text.length > MAX_STS_RESPONSE_BYTES) return unreadable(`STS answered with ${text.length} bytes, more than an STS answer holds.`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return unreadable('STS answered with a document type declaration, which STS never sends.');
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch {
    return unreadable(`STS answered with HTTP ${status} and a body that is not XML.`);
  }
  const root = doc.documentElement;
  if (!root) return unreadable(`STS answered with HTTP ${status} and an empty body.`);
  const first = (parent: Element | Document, name: string): Element | undefined => {
    const found = parent.getElementsByTagNameNS(STS_NAMESPACE, name)[0] ?? parent.getElementsByTagName(name)[0];
    return found ?? undefined;
  };
  const textOf = (parent: Element | Document, name: string) => first(parent, name)?.textContent?.trim() ?? '';
  if (root.localName === 'ErrorResponse') {
    const error = first(root, 'Error');
    const code = error ? textOf(error, 'Code') : '';
    const message = (error ? textOf(error, 'Message') : '') || `STS answered with HTTP ${status}.`;
    return { ok: false, error: { code: KNOWN_CODES.has(code) ? (code as StsErrorCode) : status >= 500 ? 'http' : 'unreadable', message: code && !KNOWN_CODES.has(code) ? `${code}: ${message}` : message, status } };
  }
  if (root.localName !== 'AssumeRoleWithSAMLResponse' || status < 200 || status >= 300) {
    return unreadable(`STS answered with HTTP ${status} and no AssumeRoleWithSAML result.`);
  }
  const credentials = first(root, 'Credentials');
  const accessKeyId = credentials ? textOf(credentials, 'AccessKeyId') : '';
  const secretAccessKey = credentials ? textOf(credentials, 'SecretAccessKey') : '';
  const sessionToken = credentials ? textOf(credentials, 'SessionToken') : '';
  const expiration = credentials ? textOf(credentials, 'Expiration') : '';
  const user = first(root, 'AssumedRoleUser');
  const assumedRoleArn = user ? textOf(user, 'Arn') : '';
  if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(Date.parse(expiration))) {
    return unreadable('STS answered without complete credentials.');
  }
  return { ok: true, credentials: { accessKeyId, secretAccessKey, sessionToken, expiration }, assumedRoleArn };
}

/** STS refused the requested DurationSeconds for this role: ask again without it. */
export function isMaxSessionDurationError(error: StsError): boolean {
  return error.code === 'ValidationError' && /MaxSessionDuration|DurationSeconds/i.test(error.message);
}

/**
 * Whether another region's STS endpoint may succeed where this one failed: the endpoint did not
 * answer, failed, or STS is switched off there. A refusal of the assertion or the role
 * (AccessDenied, expired, signature) would be the same everywhere.
 */
export function isRegionalFailure(error: StsError): boolean {
  return error.code === 'network' || error.code === 'timeout' || error.code === 'http' || error.code === 'RegionDisabledException' || error.code === 'Throttling';
}

/** Plain words per STS error: what it means for the user, and what to ask the admin. */
export function explainStsError(error: StsError): { readonly explanation: string; readonly askAdmin: string } {
  switch (error.code) {
    case 'AccessDenied':
      return {
        explanation:
          "AWS STS refused to let you assume this role: its trust policy does not allow this SAML provider with this assertion's SAML:aud value, or an organisation policy (SCP or RCP) denies sts:AssumeRoleWithSAML.",
        askAdmin: "Could you check the role's trust policy (the SAML:aud condition must list the assertion's Recipient) and any SCP or RCP that denies sts:AssumeRoleWithSAML?",
      };
    case 'ExpiredTokenException':
      return {
        explanation: 'STS accepts an assertion only within 5 minutes of its issue, and this one is older. Get a fresh one from your identity provider and sign in again right away.',
        askAdmin: "If fresh assertions are refused as expired too, could you check our identity provider's clock?",
      };
    case 'InvalidIdentityToken':
      return {
        explanation: /provider/i.test(error.message)
          ? "STS does not know the assertion's SAML provider in this partition or account."
          : "STS could not verify the identity provider's signature: the SAML provider in IAM may hold outdated metadata.",
        askAdmin: 'Could you check that the SAML provider in IAM exists and holds the current metadata of our identity provider?',
      };
    case 'IDPRejectedClaim':
      return {
        explanation: 'STS rejected a claim in the assertion (for example the RoleSessionName or a session tag).',
        askAdmin: "Could you check the attributes our identity provider sends to AWS (RoleSessionName, session tags)?",
      };
    case 'RegionDisabledException':
      return {
        explanation: 'STS is switched off in this region for the account, so it cannot issue credentials here.',
        askAdmin: 'Could you activate AWS STS in this region (IAM console, account settings)?',
      };
    case 'ValidationError':
      return {
        explanation: 'STS refused the request as invalid.',
        askAdmin: "Could you check the role's maximum session duration and the assertion's SessionDuration?",
      };
    case 'Throttling':
      return { explanation: 'STS is throttling requests right now. Try again in a moment.', askAdmin: '' };
    case 'network':
    case 'timeout':
    case 'http':
      return { explanation: "The STS endpoint did not answer properly, so the assertion was not used there.", askAdmin: '' };
    default:
      return { explanation: "STS's answer could not be read.", askAdmin: '' };
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
