import type { Partition } from './arn';

/**
 * Which AWS partitions and regions exist, and the host names of their SAML sign-in, console and STS
 * endpoints: the one catalog every URL, match pattern and DNR rule is derived from (endpoints.ts, dnr-rules.ts).
 *
 * Source: AWS sign-in endpoint list in the IAM User Guide ("SAML 2.0 federation", regional
 * sign-in endpoints), the AWS Security blog "How to use regional SAML endpoints for failover"
 * (2022) and the regions table of the AWS General Reference. Checked 2026-11-01.
 * `signin.aws.amazon.com` is the us-east-1 endpoint: every other region's endpoint carries its
 * code in the host name, us-east-1's does not (docs/saml-signin.md#sign-in-endpoints-and-relaystate).
 * STS hosts (docs/sts-federation.md): AWS STS endpoints in the IAM User Guide ("Manage AWS STS in an AWS
 * Region"). Checked 2026-12-01. Every region's STS endpoint carries its code; `sts.amazonaws.com`
 * is us-east-1's too.
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
  /** Regional STS host; `{region}` is replaced (docs/sts-federation.md). */
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
