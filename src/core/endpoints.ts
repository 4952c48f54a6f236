import type { Partition } from './arn';

/**
 * Catalog of AWS partitions, regions and SAML sign-in endpoints.
 *
 * Source: AWS sign-in endpoint list in the IAM User Guide ("SAML 2.0 federation", regional
 * sign-in endpoints), the AWS Security blog "How to use regional SAML endpoints for failover"
 * (2022) and the regions table of the AWS General Reference. Checked 2026-11-01.
 * `signin.aws.amazon.com` is the us-east-1 endpoint: every other region's endpoint carries its
 * code in the host name, us-east-1's does not (REFERENCE §3).
 */
export const CATALOG_DATE = '2026-11-01';

export interface RegionInfo {
  readonly code: string;
  readonly name: string;
  /** Opt-in regions work only when the account enabled them. */
  readonly optIn: boolean;
  /** IANA time zones whose users are closest to this region (for the default preference). */
  readonly timeZones?: readonly string[];
}

export interface PartitionInfo {
  readonly id: Partition;
  readonly name: string;
  /** Host of the endpoint without a region code; it lives in `globalRegion`. */
  readonly signinHost: string;
  readonly globalRegion: string;
  /** Regions that have a `<region>.<signinHost>` endpoint. */
  readonly regions: readonly RegionInfo[];
  /** Console host for a region; `{region}` is replaced. */
  readonly consoleHost: string;
  /** Parent domain of every console host of the partition (deep links are recognised by it). */
  readonly consoleDomain: string;
  /** Regional STS host; `{region}` is replaced (REFERENCE §8). */
  readonly stsHost: string;
  /** STS host without a region code, when the partition has one (it lives in `globalRegion`). */
  readonly globalStsHost?: string;
}

const r = (code: string, name: string, optIn = false, timeZones?: readonly string[]): RegionInfo =>
  timeZones ? { code, name, optIn, timeZones } : { code, name, optIn };

export const PARTITIONS: readonly PartitionInfo[] = [
  {
    id: 'aws',
    name: 'AWS',
    signinHost: 'signin.aws.amazon.com',
    globalRegion: 'us-east-1',
    consoleHost: '{region}.console.aws.amazon.com',
    consoleDomain: 'console.aws.amazon.com',
    stsHost: 'sts.{region}.amazonaws.com',
    globalStsHost: 'sts.amazonaws.com',
    regions: [
      r('us-east-1', 'US East (N. Virginia)', false, ['America/New_York', 'America/Toronto', 'America/Detroit']),
      r('us-east-2', 'US East (Ohio)', false, ['America/Chicago', 'America/Indiana/Indianapolis']),
      r('us-west-1', 'US West (N. California)', false, ['America/Los_Angeles']),
      r('us-west-2', 'US West (Oregon)', false, ['America/Denver', 'America/Phoenix', 'America/Boise']),
      r('af-south-1', 'Africa (Cape Town)', true, ['Africa/Johannesburg', 'Africa/Lagos', 'Africa/Nairobi']),
      r('ap-east-1', 'Asia Pacific (Hong Kong)', true, ['Asia/Hong_Kong']),
      r('ap-east-2', 'Asia Pacific (Taipei)', true, ['Asia/Taipei']),
      r('ap-south-1', 'Asia Pacific (Mumbai)', false, ['Asia/Kolkata', 'Asia/Calcutta']),
      r('ap-south-2', 'Asia Pacific (Hyderabad)', true),
      r('ap-southeast-1', 'Asia Pacific (Singapore)', false, ['Asia/Singapore', 'Asia/Kuala_Lumpur', 'Asia/Manila']),
      r('ap-southeast-2', 'Asia Pacific (Sydney)', false, ['Australia/Sydney', 'Australia/Brisbane', 'Pacific/Auckland']),
      r('ap-southeast-3', 'Asia Pacific (Jakarta)', true, ['Asia/Jakarta']),
      r('ap-southeast-4', 'Asia Pacific (Melbourne)', true, ['Australia/Melbourne']),
      r('ap-southeast-5', 'Asia Pacific (Malaysia)', true),
      r('ap-southeast-6', 'Asia Pacific (New Zealand)', true),
      r('ap-southeast-7', 'Asia Pacific (Thailand)', true, ['Asia/Bangkok']),
      r('ap-northeast-1', 'Asia Pacific (Tokyo)', false, ['Asia/Tokyo']),
      r('ap-northeast-2', 'Asia Pacific (Seoul)', false, ['Asia/Seoul']),
      r('ap-northeast-3', 'Asia Pacific (Osaka)', false),
      r('ca-central-1', 'Canada (Central)', false, ['America/Montreal', 'America/Halifax']),
      r('ca-west-1', 'Canada West (Calgary)', true, ['America/Edmonton', 'America/Vancouver']),
      r('eu-central-1', 'Europe (Frankfurt)', false, ['Europe/Berlin', 'Europe/Vienna', 'Europe/Prague', 'Europe/Warsaw', 'Europe/Budapest']),
      r('eu-central-2', 'Europe (Zurich)', true, ['Europe/Zurich']),
      r('eu-west-1', 'Europe (Ireland)', false, ['Europe/Dublin', 'Europe/Lisbon', 'Atlantic/Reykjavik']),
      r('eu-west-2', 'Europe (London)', false, ['Europe/London']),
      r('eu-west-3', 'Europe (Paris)', false, ['Europe/Paris', 'Europe/Brussels', 'Europe/Amsterdam', 'Europe/Luxembourg']),
      r('eu-south-1', 'Europe (Milan)', true, ['Europe/Rome']),
      r('eu-south-2', 'Europe (Spain)', true, ['Europe/Madrid']),
      r('eu-north-1', 'Europe (Stockholm)', false, ['Europe/Stockholm', 'Europe/Oslo', 'Europe/Helsinki', 'Europe/Copenhagen']),
      r('il-central-1', 'Israel (Tel Aviv)', true, ['Asia/Jerusalem', 'Asia/Tel_Aviv']),
      r('me-south-1', 'Middle East (Bahrain)', true, ['Asia/Bahrain', 'Asia/Riyadh']),
      r('me-central-1', 'Middle East (UAE)', true, ['Asia/Dubai']),
      r('mx-central-1', 'Mexico (Central)', true, ['America/Mexico_City']),
      r('sa-east-1', 'South America (São Paulo)', false, ['America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'America/Santiago']),
    ],
  },
  {
    id: 'aws-us-gov',
    name: 'AWS GovCloud (US)',
    signinHost: 'signin.amazonaws-us-gov.com',
    globalRegion: 'us-gov-west-1',
    consoleHost: 'console.amazonaws-us-gov.com',
    consoleDomain: 'console.amazonaws-us-gov.com',
    stsHost: 'sts.{region}.amazonaws.com',
    regions: [r('us-gov-west-1', 'AWS GovCloud (US-West)'), r('us-gov-east-1', 'AWS GovCloud (US-East)')],
  },
  {
    id: 'aws-cn',
    name: 'AWS China',
    signinHost: 'signin.amazonaws.cn',
    globalRegion: 'cn-north-1',
    consoleHost: 'console.amazonaws.cn',
    consoleDomain: 'console.amazonaws.cn',
    stsHost: 'sts.{region}.amazonaws.com.cn',
    regions: [r('cn-north-1', 'China (Beijing)'), r('cn-northwest-1', 'China (Ningxia)')],
  },
];

export function partitionInfo(partition: string): PartitionInfo | undefined {
  return PARTITIONS.find((p) => p.id === partition);
}

/** Every region of every partition, in catalog order. */
export const ALL_REGIONS: readonly RegionInfo[] = PARTITIONS.flatMap((p) => p.regions);
const REGION_CODES = new Set(ALL_REGIONS.map((r) => r.code));

/** A region of any partition of the catalog. */
export function isCatalogRegion(code: string): boolean {
  return REGION_CODES.has(code);
}

export function regionInfo(partition: string, region: string): RegionInfo | undefined {
  return partitionInfo(partition)?.regions.find((r) => r.code === region);
}

/** Where a SAML response can be posted for one region. */
export interface SigninEndpoint {
  readonly partition: Partition;
  readonly region: string;
  readonly host: string;
  readonly url: string;
  /** True for the endpoint without a region code (us-east-1, us-gov-west-1, cn-north-1). */
  readonly isGlobal: boolean;
}

function endpointOf(p: PartitionInfo, region: string): SigninEndpoint {
  const isGlobal = region === p.globalRegion;
  const host = isGlobal ? p.signinHost : `${region}.${p.signinHost}`;
  return { partition: p.id, region, host, url: `https://${host}/saml`, isGlobal };
}

/** Sign-in endpoint of a region, or undefined when the catalog has none for it. */
export function signinEndpoint(partition: string, region: string): SigninEndpoint | undefined {
  const p = partitionInfo(partition);
  if (!p || !p.regions.some((r) => r.code === region)) return undefined;
  return endpointOf(p, region);
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
 * encrypted assertions, REFERENCE §4).
 */
export function endpointForUrl(url: string): (SigninEndpoint & { path: string }) | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username || parsed.password) return undefined;
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

/** Console home of a region (REFERENCE §3). */
export function consoleHomeUrl(partition: string, region: string): string | undefined {
  const host = consoleHost(partition, region);
  return host ? `https://${host}/console/home?region=${region}` : undefined;
}

/**
 * WebExtension match patterns for every SAML sign-in endpoint (global and regional, every
 * partition): the requests the worker watches. The manifest lists the same hosts; a unit test
 * keeps them equal.
 */
export function signinMatchPatterns(): string[] {
  return PARTITIONS.flatMap((p) => [`https://${p.signinHost}/saml*`, `https://*.${p.signinHost}/saml*`]);
}

// ---- STS and federation (REFERENCE §8) -------------------------------------------------------------
// Source: AWS STS endpoints in the IAM User Guide ("Manage AWS STS in an AWS Region") and "Enable
// custom identity broker access to the AWS console" for the federation endpoint. Checked 2026-12-01.
// Every region's STS endpoint carries its code; `sts.amazonaws.com` is us-east-1's too.

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
  const p = partitionInfo(partition);
  if (!p || !p.regions.some((r) => r.code === region)) return undefined;
  return stsEndpointOf(p, region);
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
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username || parsed.password || parsed.pathname !== '/federation') return undefined;
  const signin = endpointForHost(parsed.hostname);
  return signin && { partition: signin.partition, region: signin.region, host: signin.host, url: `https://${signin.host}/federation` };
}

/**
 * The static DNR rules that turn an IdP's sign-in POST into the picker (public/rules/intercept.json),
 * generated from the catalog so they redirect exactly the sign-ins the capture accepts: every catalog
 * endpoint (global and regional, each partition), path `/saml` or `/saml/acs/<id>`, any query. Chrome
 * compiles `regexFilter` with RE2 under a 2 KB memory limit (`isRegexSupported`): one expression for
 * every region exceeds it, and so does a counted repetition like `{1,128}`, hence one rule per few
 * regions and an unbounded `/acs/` id (isSigninPath accepts the same). vite.config.ts writes the file
 * at build time; a unit test checks the shipped file equals this.
 */
export const DNR_REGIONS_PER_RULE = 8;
const ACS_PATH = '/saml(?:/acs/[A-Za-z0-9_-]+)?(?:[?#].*)?$';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function signinRegexFilters(): string[] {
  return PARTITIONS.flatMap((p) => {
    const host = escapeRegex(p.signinHost);
    // The global region answers on both host forms: `signin…` and `<global>.signin…`.
    const codes = p.regions.map((r) => escapeRegex(r.code));
    const chunks: string[] = [`^https://${host}${ACS_PATH}`];
    for (let i = 0; i < codes.length; i += DNR_REGIONS_PER_RULE) {
      chunks.push(`^https://(?:${codes.slice(i, i + DNR_REGIONS_PER_RULE).join('|')})\\.${host}${ACS_PATH}`);
    }
    return chunks;
  });
}

/** The rule resource itself, for the extension whose own re-post (by id) must not be caught again. */
export function signinDnrRules(ownExtensionId: string, passThroughDomains: readonly string[], pickerPath: string): unknown[] {
  return signinRegexFilters().map((regexFilter, i) => ({
    id: i + 1,
    priority: 1,
    action: { type: 'redirect', redirect: { extensionPath: pickerPath } },
    condition: {
      regexFilter,
      isUrlFilterCaseSensitive: true,
      requestMethods: ['post'],
      resourceTypes: ['main_frame'],
      excludedInitiatorDomains: [ownExtensionId, ...passThroughDomains],
    },
  }));
}
