import { parseRoleArn } from '../aws/arn';
import { endpointForUrl, type SigninEndpoint } from '../aws/endpoints';
import { httpsUrl } from '../base/url-host';
import { refusedAddress, refuse, type Gate } from '../words/gate';
import { message } from '../words/user-message';

/** The exact form a browser must POST to sign in (docs/saml-signin.md#the-flow, docs/saml-signin.md#sign-in-endpoints-and-relaystate). */
export interface SigninPost {
  readonly url: string;
  readonly endpoint: SigninEndpoint;
  readonly fields: {
    readonly SAMLResponse: string;
    readonly RelayState: string;
    /** AWS's own role page posts the chosen role ARN as `roleIndex`. */
    readonly roleIndex?: string;
  };
}

export interface SigninPostRequest {
  /** The form field exactly as the IdP posted it: never re-encoded. */
  readonly samlResponse: string;
  /** Partition of the assertion (from its roles, or its Recipient when encrypted). */
  readonly partition: string;
  /** Role ARN to sign in as; absent for encrypted assertions, where AWS shows its own picker. */
  readonly roleArn?: string;
  readonly targetUrl: string;
  readonly relayState: string;
}

/**
 * Build the sign-in POST, refusing any target that is not an AWS SAML sign-in endpoint of the
 * assertion's own partition: the assertion is a bearer credential and goes nowhere else. A refusal
 * says why, for the picker to show.
 */
export function buildSigninPost(request: SigninPostRequest): Gate<{ post: SigninPost }> {
  const endpoint = endpointForUrl(request.targetUrl);
  if (!endpoint) return refuse(message('targetNotSignin', { host: refusedAddress(request.targetUrl) }));
  const target = new URL(request.targetUrl);
  if (target.search || target.hash) {
    return refuse(message('targetQuery'));
  }
  if (endpoint.partition !== request.partition) {
    return refuse(message('targetPartition', { host: endpoint.host, partition: endpoint.partition, wanted: request.partition }));
  }
  if (request.roleArn !== undefined) {
    const role = parseRoleArn(request.roleArn);
    if (!role) return refuse(message('targetBadRole'));
    if (role.partition !== endpoint.partition) {
      return refuse(message('targetRolePartition', { role: role.roleName, rolePartition: role.partition, partition: endpoint.partition }));
    }
  }
  if (!request.samlResponse) return refuse(message('targetNoData'));
  const url = httpsUrl(endpoint.host, endpoint.path);
  const fields =
    request.roleArn === undefined
      ? { SAMLResponse: request.samlResponse, RelayState: request.relayState }
      : { SAMLResponse: request.samlResponse, RelayState: request.relayState, roleIndex: request.roleArn };
  return { ok: true, post: { url, endpoint, fields } };
}

/**
 * The same POST as a fetch body, for the worker's one fetch of AWS's role page ("get account names
 * from AWS"): only ever made from a `SigninPost` that buildSigninPost allowed.
 */
export function toFormPost(post: SigninPost): { url: string; method: 'POST'; headers: { 'content-type': 'application/x-www-form-urlencoded' }; body: string } {
  const fields = new URLSearchParams();
  for (const [name, value] of Object.entries(post.fields)) if (value !== undefined) fields.set(name, value);
  return { url: post.url, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() };
}
