// The endpoints of the catalog (endpoint-catalog.ts): where a SAML response is posted for a region,
// which URLs and hosts are AWS sign-in, console, STS and federation endpoints, and the match patterns
// and DNR rules derived from the catalog.
import type { Partition } from './arn';
import { plainHttpsUrl } from '../base/url-host';
import { PARTITIONS, partitionInfo, type PartitionInfo } from './catalog';

/** Where a SAML response can be posted for one region. */
export interface SigninEndpoint {
  readonly partition: Partition;
  readonly region: string;
  readonly host: string;
  readonly url: string;
  /** True for the endpoint without a region code (us-east-1, us-gov-west-1, cn-north-1). */
  readonly isGlobal: boolean;
}

/** The partition, when the catalog has the region in it. */
function partitionWith(partition: string, region: string): PartitionInfo | undefined {
  const p = partitionInfo(partition);
  return p?.regions.some((r) => r.code === region) ? p : undefined;
}

function endpointOf(p: PartitionInfo, region: string): SigninEndpoint {
  const isGlobal = region === p.globalRegion;
  const host = isGlobal ? p.signinHost : `${region}.${p.signinHost}`;
  return { partition: p.id, region, host, url: `https://${host}/saml`, isGlobal };
}

/** Sign-in endpoint of a region, or undefined when the catalog has none for it. */
export function signinEndpoint(partition: string, region: string): SigninEndpoint | undefined {
  const p = partitionWith(partition, region);
  return p && endpointOf(p, region);
}

/** Every sign-in endpoint of a partition, the global one first. */
export function signinEndpoints(partition: string): SigninEndpoint[] {
  const p = partitionInfo(partition);
  if (!p) return [];
  const global = endpointOf(p, p.globalRegion);
  return [global, ...p.regions.filter((r) => r.code !== p.globalRegion).map((r) => endpointOf(p, r.code))];
}

/** Both host forms AWS answers on: `<region>.signin…` also exists for the global region. */
export function endpointForHost(host: string): SigninEndpoint | undefined {
  const h = host.toLowerCase();
  for (const p of PARTITIONS) {
    if (h === p.signinHost) return endpointOf(p, p.globalRegion);
    const suffix = `.${p.signinHost}`;
    if (h.endsWith(suffix)) {
      const region = h.slice(0, -suffix.length);
      if (!p.regions.some((r) => r.code === region)) return undefined;
      return { ...endpointOf(p, region), host: h, url: `https://${h}/saml` };
    }
  }
  return undefined;
}

/**
 * The sign-in endpoint a URL points at (e.g. an assertion's Recipient), or undefined when the URL
 * is not an AWS SAML sign-in endpoint. Keeps the path the IdP used (`/saml/acs/<id>` for
 * encrypted assertions, docs/saml-signin.md#the-recipient-check).
 */
export function endpointForUrl(url: string): (SigninEndpoint & { path: string }) | undefined {
  const parsed = plainHttpsUrl(url);
  if (!parsed) return undefined;
  const endpoint = endpointForHost(parsed.hostname);
  if (!endpoint || !isSigninPath(parsed.pathname)) return undefined;
  return { ...endpoint, path: parsed.pathname };
}

/** `/saml`, or `/saml/acs/<IdP id>` used for encrypted assertions. */
export function isSigninPath(path: string): boolean {
  // Unbounded like the DNR rule's expression (RE2 cannot afford a counted repetition there): the
  // id is plain letters, digits, `_` and `-`, and the captured URL is capped at 2,048 characters.
  return path === '/saml' || /^\/saml\/acs\/[A-Za-z0-9_-]+$/.test(path);
}

export function consoleHost(partition: string, region: string): string | undefined {
  const p = partitionInfo(partition);
  return p ? p.consoleHost.replace('{region}', region) : undefined;
}

/** Console home of a region (docs/saml-signin.md#sign-in-endpoints-and-relaystate). */
export function consoleHomeUrl(partition: string, region: string): string | undefined {
  const host = consoleHost(partition, region);
  return host ? `https://${host}/console/home?region=${region}` : undefined;
}

/**
 * WebExtension match patterns for every SAML sign-in endpoint (global and regional, every
 * partition): the requests the worker watches and the pages the content script runs on. The build
 * writes them into the manifest (vite.config.ts).
 */
export function signinMatchPatterns(): string[] {
  return PARTITIONS.flatMap((p) => [`https://${p.signinHost}/saml*`, `https://*.${p.signinHost}/saml*`]);
}

// ---- STS and federation (docs/sts-federation.md) ------------------------------------------------
// Source for the federation endpoint: "Enable custom identity broker access to the AWS console" in
// the IAM User Guide. Checked 2026-12-01.

/** Where `AssumeRoleWithSAML` can be called for one region. */
export interface StsEndpoint {
  readonly partition: Partition;
  readonly region: string;
  readonly host: string;
  /** `https://<host>/`: the Query API takes its form at the root. */
  readonly url: string;
}

/** The federation endpoint (`getSigninToken`, `login`) of one region's sign-in host. */
export interface FederationEndpoint {
  readonly partition: Partition;
  readonly region: string;
  readonly host: string;
  readonly url: string;
}

function stsEndpointOf(p: PartitionInfo, region: string, host = p.stsHost.replace('{region}', region)): StsEndpoint {
  return { partition: p.id, region, host, url: `https://${host}/` };
}

/** The regional STS endpoint of a region, or undefined when the catalog has no such region. */
export function stsEndpoint(partition: string, region: string): StsEndpoint | undefined {
  const p = partitionWith(partition, region);
  return p && stsEndpointOf(p, region);
}

/** Every regional STS endpoint of a partition, in catalog order (global region first). */
export function stsEndpoints(partition: string): StsEndpoint[] {
  const p = partitionInfo(partition);
  return p ? p.regions.map((r) => stsEndpointOf(p, r.code)) : [];
}

/** The STS endpoint a host name is, in any partition (regional hosts and `sts.amazonaws.com`). */
export function stsEndpointForHost(host: string): StsEndpoint | undefined {
  const h = host.toLowerCase();
  for (const p of PARTITIONS) {
    if (p.globalStsHost === h) return stsEndpointOf(p, p.globalRegion, h);
    const region = p.regions.find((r) => p.stsHost.replace('{region}', r.code) === h);
    if (region) return stsEndpointOf(p, region.code);
  }
  return undefined;
}

/** Every STS host name of every partition: the host permissions the STS sign-in needs. */
export function stsHosts(): string[] {
  return PARTITIONS.flatMap((p) => [...(p.globalStsHost ? [p.globalStsHost] : []), ...p.regions.map((r) => p.stsHost.replace('{region}', r.code))]);
}

/** Match patterns for `stsHosts()`, one per host: a wildcard would grant every AWS service host. */
export function stsMatchPatterns(): string[] {
  return stsHosts().map((host) => `https://${host}/*`);
}

/** The federation endpoint of a region: on the same host as its SAML sign-in endpoint. */
export function federationEndpoint(partition: string, region: string): FederationEndpoint | undefined {
  const signin = signinEndpoint(partition, region);
  return signin && { partition: signin.partition, region, host: signin.host, url: `https://${signin.host}/federation` };
}

/** The federation endpoint a URL points at (any form AWS answers on), or undefined. */
export function federationEndpointForUrl(url: string): FederationEndpoint | undefined {
  const parsed = plainHttpsUrl(url);
  if (parsed?.pathname !== '/federation') return undefined;
  const signin = endpointForHost(parsed.hostname);
  return signin && { partition: signin.partition, region: signin.region, host: signin.host, url: `https://${signin.host}/federation` };
}

/**
 * The manifest's `host_permissions`, derived from the catalog at build time: every sign-in host (the
 * SAML and federation endpoints, any path) and each STS host one by one.
 */
export function extensionHostPermissions(): string[] {
  return [...signinMatchPatterns().map((p) => p.replace('/saml*', '/*')), ...stsMatchPatterns()];
}
