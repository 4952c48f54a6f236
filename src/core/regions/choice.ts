import { endpointForUrl, signinEndpoint, type SigninEndpoint } from '../aws/endpoints';
import { partitionInfo, regionInfo } from '../aws/catalog';
import { isUsable, type RegionHealth } from '../health/probe';
import { message, type UserMessage } from '../words/user-message';
import { own } from '../base/own';
import { httpsUrl } from '../base/url-host';

/** Where the assertion says it is going, as the picker understands it. */
export interface AssertionAddress {
  readonly partition: string;
  /** The endpoint the Recipient (else the URL the IdP posted to) names. */
  readonly endpoint: SigninEndpoint & { path: string };
}

/**
 * The endpoint an assertion is addressed to: its Recipient when that is an AWS sign-in endpoint,
 * else the endpoint the IdP actually posted to. AWS checks the Recipient against the endpoint
 * receiving it (docs/saml-signin.md#the-recipient-check), so this is the region that will certainly accept it.
 */
export function assertionAddress(recipient: string | undefined, postedTo: string): AssertionAddress | undefined {
  const endpoint = (recipient && endpointForUrl(recipient)) || endpointForUrl(postedTo);
  return endpoint ? { partition: endpoint.partition, endpoint } : undefined;
}

/** The URL to post to for a region, keeping the path the IdP used (`/saml/acs/<id>`). */
export function targetUrlForRegion(address: AssertionAddress, region: string): string | undefined {
  if (region === address.endpoint.region) return httpsUrl(address.endpoint.host, address.endpoint.path);
  const endpoint = signinEndpoint(address.partition, region);
  return endpoint ? httpsUrl(endpoint.host, address.endpoint.path) : undefined;
}

/** What choosing a region other than the Recipient's means (docs/saml-signin.md#the-recipient-check), sentence by sentence. */
export function otherRegionWarning(address: AssertionAddress, region: string): UserMessage[] | undefined {
  if (region === address.endpoint.region) return undefined;
  const target = signinEndpoint(address.partition, region);
  if (!target) return undefined;
  return [
    message('otherRegionAddressed', { region: address.endpoint.region, host: address.endpoint.host }),
    message('otherRegionAccepts', { region, url: target.url }),
    ...(regionInfo(address.partition, region)?.optIn ? [message('otherRegionOptIn', { region })] : []),
  ];
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

/**
 * The region the selector should default to (docs/saml-signin.md#the-recipient-check): the assertion's own region unless
 * it is known to be down, then the user's first preferred region that answered, then any region
 * that answered (fastest first). Unknown health never moves the default: probes can be wrong.
 */
export function chooseDefaultRegion(input: {
  readonly addressedRegion: string;
  readonly preferred: readonly string[];
  readonly available: readonly string[];
  readonly health: Readonly<Record<string, RegionHealth | undefined>>;
}): string {
  const { addressedRegion, preferred, available, health } = input;
  if (health[addressedRegion]?.state !== 'down') return addressedRegion;
  const offered = new Set(available);
  const preferredUsable = preferred.find((r) => offered.has(r) && isUsable(health[r]));
  if (preferredUsable) return preferredUsable;
  const fastest = available
    .filter((r) => isUsable(health[r]))
    .sort((a, b) => (health[a]?.latencyMs ?? Infinity) - (health[b]?.latencyMs ?? Infinity))[0];
  return fastest ?? addressedRegion;
}

/**
 * When the assertion's own region is down, the IdP app set up for a healthy region (preferred
 * order first) hands out an assertion that region accepts for sure.
 */
export function freshAssertionOffer(input: {
  readonly addressedRegion: string;
  readonly preferred: readonly string[];
  readonly health: Readonly<Record<string, RegionHealth | undefined>>;
  readonly idpAppLinks: Readonly<Record<string, string>>;
}): { region: string; url: string } | undefined {
  const { addressedRegion, preferred, health, idpAppLinks } = input;
  if (health[addressedRegion]?.state !== 'down') return undefined;
  const linked = Object.keys(idpAppLinks).filter((r) => r !== addressedRegion && isUsable(health[r]));
  const order = [...preferred.filter((r) => linked.includes(r)), ...linked.filter((r) => !preferred.includes(r)).sort()];
  const region = order[0];
  const url = region ? idpAppLinks[region] : undefined;
  return region && url ? { region, url } : undefined;
}

/**
 * The region the picker signs in to: the user's pick, else the selected role's remembered region
 * (its pin's, else the one it was used in last time) unless that is not offered or is down, else
 * the default (chooseDefaultRegion), which follows health as probes answer.
 */
export function chooseRegion(input: {
  readonly chosen: string | undefined;
  readonly remembered: string | undefined;
  readonly available: readonly string[];
  readonly health: Readonly<Record<string, RegionHealth | undefined>>;
  readonly defaultRegion: string;
}): string {
  const { chosen, remembered, available, health, defaultRegion } = input;
  if (chosen !== undefined) return chosen;
  const usable = remembered !== undefined && available.includes(remembered) && health[remembered]?.state !== 'down';
  return usable ? remembered : defaultRegion;
}

/** What the picker remembers of a role's region: its pin's, else its last sign-in from this IdP app. */
export interface RegionMemory {
  readonly pins: readonly { readonly roleArn: string; readonly region?: string | undefined }[];
  readonly recent: Readonly<Record<string, readonly { readonly roleArn: string; readonly region: string }[]>>;
}

export function rememberedRegion(memory: RegionMemory, appKey: string, roleArn: string): string | undefined {
  return memory.pins.find((p) => p.roleArn === roleArn)?.region ?? own(memory.recent, appKey)?.find((r) => r.roleArn === roleArn)?.region;
}

/**
 * Every region decision of the picker at once, as health answers: the default, the region it will
 * sign in to (chooseRegion), whether the assertion's own region is down and, then, which IdP app
 * hands out a fresh assertion for a healthy one (freshAssertionOffer).
 */
export function resolveRegions(input: {
  readonly addressedRegion: string;
  readonly preferred: readonly string[];
  readonly available: readonly string[];
  readonly health: Readonly<Record<string, RegionHealth | undefined>>;
  readonly chosen: string | undefined;
  readonly remembered: string | undefined;
  readonly idpAppLinks: Readonly<Record<string, string>>;
}): {
  defaultRegion: string;
  region: string;
  addressedDown: boolean;
  /** The default moved away from the addressed region (it is down): the picker says why. */
  movedFromAddressed: boolean;
  freshApp: { region: string; url: string } | undefined;
} {
  const { addressedRegion, preferred, available, health, chosen, remembered, idpAppLinks } = input;
  const defaultRegion = chooseDefaultRegion({ addressedRegion, preferred, available, health });
  return {
    defaultRegion,
    region: chooseRegion({ chosen, remembered, available, health, defaultRegion }),
    addressedDown: health[addressedRegion]?.state === 'down',
    movedFromAddressed: chosen === undefined && defaultRegion !== addressedRegion,
    freshApp: freshAssertionOffer({ addressedRegion, preferred, health, idpAppLinks }),
  };
}
