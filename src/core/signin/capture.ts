import { endpointForUrl } from '../aws/endpoints';
import { MAX_RELAY_STATE_LENGTH, MAX_SIGNIN_FORM_BYTES } from '../base/limits';

/**
 * A sign-in the extension caught on its way to AWS: the form fields exactly as the IdP posted
 * them. Lives only in `storage.session`, keyed by tab so two tabs signing in at once never mix.
 * (Checked on read by capture-check.ts; kept free of zod so the worker and the picker stay small.)
 */
export interface CapturedSignin {
  readonly samlResponse: string;
  readonly relayState: string;
  /** The endpoint the IdP posted to (usually the assertion's Recipient). */
  readonly url: string;
  readonly tabId: number;
  readonly capturedAt: number;
  /** Origin of the page that posted (the IdP), when the browser says. */
  readonly initiator?: string | undefined;
}

/**
 * Page origins whose POSTs to a sign-in endpoint are let through: our own re-post, and AWS's
 * own role page posting back to itself (the "continue to AWS's page" escape hatch). The static
 * DNR rule (public/rules/intercept.json) lists the same domains; a unit test keeps them equal.
 */
export const PASS_THROUGH_INITIATOR_DOMAINS = ['aws.amazon.com', 'amazonaws-us-gov.com', 'amazonaws.cn'] as const;

export interface SigninRequest {
  readonly url: string;
  readonly method: string;
  readonly type: string;
  readonly initiator?: string | undefined;
  readonly tabId: number;
  readonly timeStamp: number;
}

/** The request body as webRequest reports it: parsed form data, or raw bytes. */
export interface SigninRequestBody {
  readonly formData?: Record<string, ReadonlyArray<string | ArrayBuffer> | undefined> | undefined;
  readonly raw?: ReadonlyArray<{ readonly bytes?: ArrayBuffer | undefined }> | undefined;
}

/** Whether a request is an IdP's top-level sign-in POST we must catch (not our own re-post). */
export function isInterceptableSignin(request: SigninRequest, ownOrigin: string): boolean {
  if (request.method.toUpperCase() !== 'POST' || request.type !== 'main_frame' || request.tabId < 0) return false;
  if (!endpointForUrl(request.url)) return false;
  const initiator = request.initiator;
  if (initiator === undefined || initiator === 'null') return true;
  if (initiator === ownOrigin) return false;
  try {
    const host = new URL(initiator).hostname;
    return !PASS_THROUGH_INITIATOR_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
  } catch {
    return true;
  }
}

/**
 * The SAMLResponse and RelayState of a posted form; undefined when there is no SAMLResponse, or when
 * the form is over the caps (any page can post here: nothing over them is stored, in either form
 * the browser reports the body in).
 */
export function readSigninForm(body: SigninRequestBody | undefined): { samlResponse: string; relayState: string } | undefined {
  if (!body) return undefined;
  let fields: { get(name: string): string | null | undefined } | undefined;
  if (body.formData) {
    const formData = body.formData;
    fields = {
      get: (name) => {
        const value = formData[name]?.[0];
        return typeof value === 'string' ? value : undefined;
      },
    };
  } else if (body.raw?.length) {
    const total = body.raw.reduce((n, part) => n + (part.bytes?.byteLength ?? 0), 0);
    if (total > MAX_SIGNIN_FORM_BYTES) return undefined;
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const part of body.raw) {
      if (!part.bytes) continue;
      bytes.set(new Uint8Array(part.bytes), offset);
      offset += part.bytes.byteLength;
    }
    fields = new URLSearchParams(new TextDecoder().decode(bytes));
  }
  const samlResponse = fields?.get('SAMLResponse');
  if (!samlResponse) return undefined;
  const relayState = fields?.get('RelayState') ?? '';
  if (relayState.length > MAX_RELAY_STATE_LENGTH || samlResponse.length + relayState.length > MAX_SIGNIN_FORM_BYTES) return undefined;
  return { samlResponse, relayState };
}

/** Longer than any assertion lives (Okta: 5 minutes): the worker drops captures older than this. */
export const CAPTURE_MAX_AGE_MS = 15 * 60_000;

/** A capture older than this when a freshly redirected picker opens belongs to an earlier sign-in. */
export const FRESH_CAPTURE_MS = 20_000;

/** Reloading the picker, or coming back to retry after a failed endpoint, reuses the tab's capture. */
export function isFreshCapture(capture: CapturedSignin, pageOpenedAt: number, reuse: boolean): boolean {
  return reuse || capture.capturedAt >= pageOpenedAt - FRESH_CAPTURE_MS;
}

/** Where to get a fresh assertion: the origin of the IdP page that posted this one, when https. */
export function idpHomeUrl(initiator: string | undefined): string | undefined {
  if (!initiator) return undefined;
  try {
    const url = new URL(initiator);
    return url.protocol === 'https:' ? `${url.origin}/` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An IdP app's Issuer as a person reads it: without the scheme, `www.` and a trailing slash, and
 * shortened in the middle when long (`http://www.okta.com/exk1abc` → `okta.com/exk1abc`).
 */
export function shortIssuer(issuer: string, max = 60): string {
  const bare = issuer.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '').replace(/\/+$/, '');
  if (bare.length <= max) return bare;
  const half = Math.floor((max - 1) / 2);
  return `${bare.slice(0, half)}…${bare.slice(bare.length - (max - 1 - half))}`;
}
