import type { StsEndpoint } from '../aws/endpoints';

/**
 * `AssumeRoleWithSAML` at a regional STS endpoint (docs/sts-federation.md): the request we send and how we
 * read STS's answer. Pure: the worker does the fetch and passes its XML parser in (the service
 * worker has no DOMParser: it parses STS's XML with @xmldom/xmldom, through parseWithXmldom in saml.ts).
 */
export const STS_API_VERSION = '2011-06-15';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
import { DEFAULT_SESSION_CAP_SECONDS, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS, sessionSeconds } from '../base/limits';
import { message, type MessageValue, type UserMessage } from '../words/user-message';

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
  return sessionSeconds(sessionDuration, cap);
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
  /** STS's own words; empty when it said none. */
  readonly message: string;
  /** What failed on the way, when STS said nothing of its own (no answer, not an STS answer). */
  readonly problem?: UserMessage | undefined;
  /** The HTTP status, when STS answered. */
  readonly status?: number | undefined;
}

const KNOWN_CODES = new Set<string>([
  'AccessDenied', 'ExpiredTokenException', 'InvalidIdentityToken', 'IDPRejectedClaim', 'RegionDisabledException',
  'ValidationError', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'Throttling',
]);

/** Reads STS's answer (success or `ErrorResponse`); never throws. */
export function readStsResponse(status: number, text: string, parseXml: (xml: string) => Document): StsResult {
  const unreadable = (problem: UserMessage): StsResult => ({
    ok: false,
    error: { code: status >= 500 ? 'http' : 'unreadable', message: '', problem, status },
  });
  if (text.length > MAX_STS_RESPONSE_BYTES) return unreadable(message('stsTooLarge', { bytes: text.length }));
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return unreadable(message('stsDoctype'));
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch {
    return unreadable(message('stsNotXml', { status }));
  }
  const root = doc.documentElement;
  if (!root) return unreadable(message('stsEmpty', { status }));
  const first = (parent: Element | Document, name: string): Element | undefined => {
    const found = parent.getElementsByTagNameNS(STS_NAMESPACE, name)[0] ?? parent.getElementsByTagName(name)[0];
    return found ?? undefined;
  };
  const textOf = (parent: Element | Document, name: string) => first(parent, name)?.textContent?.trim() ?? '';
  if (root.localName === 'ErrorResponse') {
    const error = first(root, 'Error');
    const code = error ? textOf(error, 'Code') : '';
    const said = error ? textOf(error, 'Message') : '';
    const known = KNOWN_CODES.has(code);
    return {
      ok: false,
      error: {
        code: known ? (code as StsErrorCode) : status >= 500 ? 'http' : 'unreadable',
        message: code && !known ? `${code}${said ? `: ${said}` : ''}` : said,
        problem: said || (code && !known) ? undefined : message('stsHttp', { status }),
        status,
      },
    };
  }
  if (root.localName !== 'AssumeRoleWithSAMLResponse' || status < 200 || status >= 300) {
    return unreadable(message('stsNoResult', { status }));
  }
  const credentials = first(root, 'Credentials');
  const accessKeyId = credentials ? textOf(credentials, 'AccessKeyId') : '';
  const secretAccessKey = credentials ? textOf(credentials, 'SecretAccessKey') : '';
  const sessionToken = credentials ? textOf(credentials, 'SessionToken') : '';
  const expiration = credentials ? textOf(credentials, 'Expiration') : '';
  const user = first(root, 'AssumedRoleUser');
  const assumedRoleArn = user ? textOf(user, 'Arn') : '';
  if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(Date.parse(expiration))) {
    return unreadable(message('stsIncomplete'));
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

/** What STS said (its code and words), or what failed on the way: a step of the diagnosis. */
export function stsSaid(error: StsError): MessageValue {
  const known = KNOWN_CODES.has(error.code);
  if (error.problem) return known ? message('stsCodeSaid', { code: error.code, said: error.problem }) : error.problem;
  return known ? `${error.code}: ${error.message}` : error.message;
}

/** What an STS error means for the user, and what to ask the admin (when there is anything). */
export function explainStsError(error: StsError): { readonly explanation: UserMessage; readonly askAdmin?: UserMessage | undefined } {
  switch (error.code) {
    case 'AccessDenied':
      return { explanation: message('stsAccessDenied'), askAdmin: message('stsAccessDeniedAsk') };
    case 'ExpiredTokenException':
      return { explanation: message('stsExpired'), askAdmin: message('stsExpiredAsk') };
    case 'InvalidIdentityToken':
      return {
        explanation: message(/provider/i.test(error.message) ? 'stsUnknownProvider' : 'stsBadSignature'),
        askAdmin: message('stsInvalidTokenAsk'),
      };
    case 'IDPRejectedClaim':
      return { explanation: message('stsClaimRejected'), askAdmin: message('stsClaimRejectedAsk') };
    case 'RegionDisabledException':
      return { explanation: message('stsRegionDisabled'), askAdmin: message('stsRegionDisabledAsk') };
    case 'ValidationError':
      return { explanation: message('stsInvalid'), askAdmin: message('stsInvalidAsk') };
    case 'Throttling':
      return { explanation: message('stsThrottling') };
    case 'network':
    case 'timeout':
    case 'http':
      return { explanation: message('stsNoAnswer') };
    default:
      return { explanation: message('stsUnreadable') };
  }
}
