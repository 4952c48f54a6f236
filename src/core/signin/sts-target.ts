import { parseRoleArn } from '../aws/arn';
import { hostOf } from '../base/url-host';
import { message, type MessageValue, type UserMessage } from '../words/user-message';
import { federationEndpointForUrl, stsEndpointForHost, type FederationEndpoint, type StsEndpoint } from '../aws/endpoints';

/**
 * The gate for the STS + federation sign-in (docs/sts-federation.md), built like signin-post.ts: the
 * assertion goes only to an STS endpoint of its own partition, the temporary credentials only to
 * a federation endpoint of the same partition. Each refusal says why in a sentence.
 */
export class StsTargetError extends Error {
  override readonly name = 'StsTargetError';
  /** Why, for the diagnosis page; `message` is only its code, for logs. */
  constructor(readonly userMessage: UserMessage) {
    super(userMessage.code);
  }
}

/** The STS endpoint `url` names, checked for the assertion's partition and role. */
export function checkStsTarget(url: string, partition: string, roleArn: string): StsEndpoint {
  const parsed = parseHttpsUrl(url);
  const endpoint = parsed && parsed.pathname === '/' && !parsed.search && !parsed.hash ? stsEndpointForHost(parsed.hostname) : undefined;
  if (!parsed || !endpoint) {
    throw new StsTargetError(message('targetNotSts', { host: describe(url) }));
  }
  if (endpoint.partition !== partition) {
    throw new StsTargetError(message('targetPartition', { host: endpoint.host, partition: endpoint.partition, wanted: partition }));
  }
  const role = parseRoleArn(roleArn);
  if (!role) throw new StsTargetError(message('targetBadRole'));
  if (role.partition !== partition) {
    throw new StsTargetError(message('targetRolePartition', { role: role.roleName, rolePartition: role.partition, partition }));
  }
  return endpoint;
}

/** The federation endpoint `url` names, checked for the credentials' partition. */
export function checkFederationTarget(url: string, partition: string): FederationEndpoint {
  const parsed = parseHttpsUrl(url);
  const endpoint = parsed && !parsed.search && !parsed.hash ? federationEndpointForUrl(url) : undefined;
  if (!endpoint) {
    throw new StsTargetError(message('targetNotFederation', { host: describe(url) }));
  }
  if (endpoint.partition !== partition) {
    throw new StsTargetError(message('targetCredentialsPartition', { host: endpoint.host, partition: endpoint.partition, wanted: partition }));
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

function describe(url: string): MessageValue {
  return hostOf(url) ?? message('thisAddress');
}
