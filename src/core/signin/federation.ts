import type { FederationEndpoint } from '../aws/endpoints';
import type { StsCredentials } from './sts';
import type { FormPost } from './sts';
import { sessionSeconds } from '../base/limits';
import { message, type UserMessage } from '../words/user-message';

/**
 * The federation endpoint's two calls (docs/sts-federation.md): `getSigninToken` trades the temporary
 * credentials for a sign-in token, `login` turns the token into a console session and redirects
 * to `Destination`. The login URL is valid for 15 minutes and carries only the token.
 */
export const SIGNIN_TOKEN_LIFETIME_MS = 15 * 60_000;

/** The console session's length: the assertion's SessionDuration within AWS's bounds. */
export function consoleSessionSeconds(sessionDuration: number | undefined): number | undefined {
  return sessionSeconds(sessionDuration);
}

function signinTokenFields(credentials: StsCredentials, sessionDuration: number | undefined): URLSearchParams {
  const fields = new URLSearchParams({
    Action: 'getSigninToken',
    Session: JSON.stringify({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    }),
  });
  const seconds = consoleSessionSeconds(sessionDuration);
  if (seconds !== undefined) fields.set('SessionDuration', String(seconds));
  return fields;
}

/** `getSigninToken` as a POST (preferred: the credentials stay out of the URL). */
export function buildSigninTokenPost(endpoint: FederationEndpoint, credentials: StsCredentials, sessionDuration?: number): FormPost {
  return {
    url: endpoint.url,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: signinTokenFields(credentials, sessionDuration).toString(),
  };
}

/**
 * What follows a `getSigninToken` POST that brought no token. AWS's guide ("Enable custom identity
 * broker access to the AWS console") says AWS supports POST for this call, so only a refusal of the
 * method itself (HTTP 405) sends the GET, whose URL carries the credentials. A 5xx, a timeout, a
 * lost connection or any other refusal goes on, by POST again, to the next region's endpoint: a
 * GET there would put the secret key into every proxy's URL log during an incident.
 */
export function afterSigninTokenPost(status: number | undefined): 'get' | 'next-endpoint' {
  return status === 405 ? 'get' : 'next-endpoint';
}


/** `getSigninToken` as AWS's guide and the CLI tools call it: only after AWS refused the POST (405). */
export function buildSigninTokenGetUrl(endpoint: FederationEndpoint, credentials: StsCredentials, sessionDuration?: number): string {
  return `${endpoint.url}?${signinTokenFields(credentials, sessionDuration).toString()}`;
}

export type SigninTokenResult =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly problem: UserMessage; readonly status: number };

/** Reads `{"SigninToken": "…"}`; anything else is a refusal with AWS's words when short. */
export function readSigninTokenResponse(status: number, text: string): SigninTokenResult {
  if (status >= 200 && status < 300) {
    try {
      const value = JSON.parse(text) as unknown;
      const token = value && typeof value === 'object' ? (value as { SigninToken?: unknown }).SigninToken : undefined;
      if (typeof token === 'string' && token.length > 0 && token.length <= 8192) return { ok: true, token };
    } catch {
      // reported below
    }
    return { ok: false, status, problem: message('federationNoToken') };
  }
  const said = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  return { ok: false, status, problem: said ? message('federationRefusedSaid', { status, said }) : message('federationRefused', { status }) };
}

/**
 * The login as the form POST AWS's guide also shows: the picker's own tab submits it, so the sign-in
 * token is in no URL (nor in the history or the session files, which keep URLs). Same fields as the URL.
 */
export function buildLoginForm(endpoint: FederationEndpoint, token: string, destination: string, issuer?: string): { readonly url: string; readonly fields: Readonly<Record<string, string>> } {
  return { url: endpoint.url, fields: Object.fromEntries(new URL(buildLoginUrl(endpoint, token, destination, issuer)).searchParams) };
}

/**
 * The URL that signs a tab in and lands on `destination` (a console URL of the chosen region): for
 * a new tab of its own (several consoles), which no page of ours can post a form into.
 */
export function buildLoginUrl(endpoint: FederationEndpoint, token: string, destination: string, issuer?: string): string {
  const query = new URLSearchParams({ Action: 'login' });
  if (issuer) query.set('Issuer', issuer);
  query.set('Destination', destination);
  query.set('SigninToken', token);
  return `${endpoint.url}?${query.toString()}`;
}
