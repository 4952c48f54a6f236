import { endpointForUrl, partitionInfo, regionInfo, signinEndpoint, type SigninEndpoint } from './endpoints';

/** Where the assertion says it is going, as the picker understands it. */
export interface AssertionAddress {
  readonly partition: string;
  /** The endpoint the Recipient (else the URL the IdP posted to) names. */
  readonly endpoint: SigninEndpoint & { path: string };
}

/**
 * The endpoint an assertion is addressed to: its Recipient when that is an AWS sign-in endpoint,
 * else the endpoint the IdP actually posted to. AWS checks the Recipient against the endpoint
 * receiving it (REFERENCE §4), so this is the region that will certainly accept it.
 */
export function assertionAddress(recipient: string | undefined, postedTo: string): AssertionAddress | undefined {
  const endpoint = (recipient && endpointForUrl(recipient)) || endpointForUrl(postedTo);
  return endpoint ? { partition: endpoint.partition, endpoint } : undefined;
}

/** The URL to post to for a region, keeping the path the IdP used (`/saml/acs/<id>`). */
export function targetUrlForRegion(address: AssertionAddress, region: string): string | undefined {
  if (region === address.endpoint.region) return `https://${address.endpoint.host}${address.endpoint.path}`;
  const endpoint = signinEndpoint(address.partition, region);
  return endpoint ? `https://${endpoint.host}${address.endpoint.path}` : undefined;
}

/** Plain words for what choosing a region other than the Recipient's means (REFERENCE §4). */
export function otherRegionWarning(address: AssertionAddress, region: string): string | undefined {
  if (region === address.endpoint.region) return undefined;
  const target = signinEndpoint(address.partition, region);
  if (!target) return undefined;
  const optIn = regionInfo(address.partition, region)?.optIn
    ? ` ${region} is an opt-in region: it also has to be enabled for the account.`
    : '';
  return (
    `This assertion is addressed to ${address.endpoint.region} (${address.endpoint.host}). ` +
    `${region} accepts it only if your admin listed ${target.url} in the role's SAML:aud.` +
    optIn
  );
}

export interface RegionOption {
  readonly code: string;
  readonly name: string;
  readonly isRecipient: boolean;
  readonly optIn: boolean;
}

/** Regions of the assertion's partition only: another partition's endpoints never get it. */
export function regionOptions(address: AssertionAddress): RegionOption[] {
  const p = partitionInfo(address.partition);
  if (!p) return [];
  const options = p.regions.map((r) => ({
    code: r.code,
    name: r.name,
    isRecipient: r.code === address.endpoint.region,
    optIn: r.optIn,
  }));
  // The addressed region first, then the catalog's order (global region, then the rest).
  return [...options.filter((o) => o.isRecipient), ...options.filter((o) => !o.isRecipient)];
}
