import { parseRoleArn } from './arn';
import { endpointForUrl, type SigninEndpoint } from './endpoints';
import { hostOf } from './url-host';

/** The exact form a browser must POST to sign in (REFERENCE §1, §3). */
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

export class SigninTargetError extends Error {
  override readonly name = 'SigninTargetError';
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
 * assertion's own partition: the assertion is a bearer credential and goes nowhere else.
 */
export function buildSigninPost(request: SigninPostRequest): SigninPost {
  const endpoint = endpointForUrl(request.targetUrl);
  if (!endpoint) {
    throw new SigninTargetError(`${describe(request.targetUrl)} is not an AWS sign-in endpoint, so the sign-in data was not sent there.`);
  }
  const target = new URL(request.targetUrl);
  if (target.search || target.hash) {
    throw new SigninTargetError('The sign-in endpoint address must not carry a query or fragment.');
  }
  if (endpoint.partition !== request.partition) {
    throw new SigninTargetError(
      `${endpoint.host} belongs to the ${endpoint.partition} partition, but this sign-in is for ${request.partition}: it was not sent there.`,
    );
  }
  if (request.roleArn !== undefined) {
    const role = parseRoleArn(request.roleArn);
    if (!role) throw new SigninTargetError('The chosen role is not a valid IAM role ARN.');
    if (role.partition !== endpoint.partition) {
      throw new SigninTargetError(`The role ${role.roleName} is in the ${role.partition} partition, not ${endpoint.partition}.`);
    }
  }
  if (!request.samlResponse) throw new SigninTargetError('There is no sign-in data to send.');
  const url = `https://${endpoint.host}${endpoint.path}`;
  const fields =
    request.roleArn === undefined
      ? { SAMLResponse: request.samlResponse, RelayState: request.relayState }
      : { SAMLResponse: request.samlResponse, RelayState: request.relayState, roleIndex: request.roleArn };
  return { url, endpoint, fields };
}

function describe(url: string): string {
  return hostOf(url) ?? 'This address';
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
