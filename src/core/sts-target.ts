import { parseRoleArn } from './arn';
import { hostOf } from './url-host';
import { federationEndpointForUrl, stsEndpointForHost, type FederationEndpoint, type StsEndpoint } from './endpoints';

/**
 * The gate for the STS + federation sign-in (REFERENCE §8), built like signin-post.ts: the
 * assertion goes only to an STS endpoint of its own partition, the temporary credentials only to
 * a federation endpoint of the same partition. Each refusal says why in a sentence.
 */
export class StsTargetError extends Error {
  override readonly name = 'StsTargetError';
}

/** The STS endpoint `url` names, checked for the assertion's partition and role. */
export function checkStsTarget(url: string, partition: string, roleArn: string): StsEndpoint {
  const parsed = parseHttpsUrl(url);
  const endpoint = parsed && parsed.pathname === '/' && !parsed.search && !parsed.hash ? stsEndpointForHost(parsed.hostname) : undefined;
  if (!parsed || !endpoint) {
    throw new StsTargetError(`${describe(url)} is not an AWS STS endpoint, so the sign-in data was not sent there.`);
  }
  if (endpoint.partition !== partition) {
    throw new StsTargetError(`${endpoint.host} belongs to the ${endpoint.partition} partition, but this sign-in is for ${partition}: it was not sent there.`);
  }
  const role = parseRoleArn(roleArn);
  if (!role) throw new StsTargetError('The chosen role is not a valid IAM role ARN.');
  if (role.partition !== partition) {
    throw new StsTargetError(`The role ${role.roleName} is in the ${role.partition} partition, not ${partition}.`);
  }
  return endpoint;
}

/** The federation endpoint `url` names, checked for the credentials' partition. */
export function checkFederationTarget(url: string, partition: string): FederationEndpoint {
  const parsed = parseHttpsUrl(url);
  const endpoint = parsed && !parsed.search && !parsed.hash ? federationEndpointForUrl(url) : undefined;
  if (!endpoint) {
    throw new StsTargetError(`${describe(url)} is not an AWS federation endpoint, so the session credentials were not sent there.`);
  }
  if (endpoint.partition !== partition) {
    throw new StsTargetError(
      `${endpoint.host} belongs to the ${endpoint.partition} partition, but these credentials are for ${partition}: they were not sent there.`,
    );
  }
  return endpoint;
}

function parseHttpsUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.port && !parsed.username && !parsed.password ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function describe(url: string): string {
  return hostOf(url) ?? 'This address';
}
