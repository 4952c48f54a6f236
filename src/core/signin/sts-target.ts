import { parseRoleArn } from '../aws/arn';
import { plainHttpsUrl } from '../base/url-host';
import { refusedAddress, refuse, type Gate } from '../words/gate';
import { message } from '../words/user-message';
import { federationEndpointForUrl, stsEndpointForHost, type FederationEndpoint, type StsEndpoint } from '../aws/endpoints';

// The gate for the STS + federation sign-in (docs/sts-federation.md), built like repost.ts: the
// assertion goes only to an STS endpoint of its own partition, the temporary credentials only to
// a federation endpoint of the same partition. Each refusal says why, for the diagnosis page.

/** The STS endpoint `url` names, checked for the assertion's partition and role. */
export function checkStsTarget(url: string, partition: string, roleArn: string): Gate<{ endpoint: StsEndpoint }> {
  const parsed = plainHttpsUrl(url);
  const endpoint = parsed && parsed.pathname === '/' && !parsed.search && !parsed.hash ? stsEndpointForHost(parsed.hostname) : undefined;
  if (!parsed || !endpoint) {
    return refuse(message('targetNotSts', { host: refusedAddress(url) }));
  }
  if (endpoint.partition !== partition) {
    return refuse(message('targetPartition', { host: endpoint.host, partition: endpoint.partition, wanted: partition }));
  }
  const role = parseRoleArn(roleArn);
  if (!role) return refuse(message('targetBadRole'));
  if (role.partition !== partition) {
    return refuse(message('targetRolePartition', { role: role.roleName, rolePartition: role.partition, partition }));
  }
  return { ok: true, endpoint };
}

/** The federation endpoint `url` names, checked for the credentials' partition. */
export function checkFederationTarget(url: string, partition: string): Gate<{ endpoint: FederationEndpoint }> {
  const parsed = plainHttpsUrl(url);
  const endpoint = parsed && !parsed.search && !parsed.hash ? federationEndpointForUrl(url) : undefined;
  if (!endpoint) {
    return refuse(message('targetNotFederation', { host: refusedAddress(url) }));
  }
  if (endpoint.partition !== partition) {
    return refuse(message('targetCredentialsPartition', { host: endpoint.host, partition: endpoint.partition, wanted: partition }));
  }
  return { ok: true, endpoint };
}
