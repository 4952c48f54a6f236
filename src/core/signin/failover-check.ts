// The failover check (README "Failover check"): on a normal day, which roles of the assertion would get
// into which regions while the partition's global region is down, and how: the re-post to the
// region's own `/saml`, or regional STS and the federation endpoint. Pure: which roles and regions
// to check, how to read each answer, and what the results and the admin's report say. The worker
// makes the requests (src/aws-calls/failover-check.ts, in the picker page); nothing here is secret.
import { partitionInfo } from '../aws/catalog';
import { parseRoleArn } from '../aws/arn';
import type { StsErrorCode } from './sts';
import { message, type UserMessage } from '../words/user-message';

/** Up to this many roles are all checked; above it, the ones the user shows interest in. */
export const MAX_CHECKED_ROLES = 20;
/** Regions checked at most: the chosen one and the preferred ones. */
export const MAX_CHECKED_REGIONS = 4;
/** Requests in flight at once. */
export const CHECK_CONCURRENCY = 4;
/** Results older than this are shown as stale. */
export const STALE_AFTER_MS = 30 * 24 * 60 * 60_000;

export type FailoverMethod = 're-post' | 'sts';
export type FailoverOutcome = 'ready' | 'refused' | 'unchecked';

/** Why a check came out as it did: a code, worded by the page. */
export type FailoverReason =
  | 'repost-accepted'
  | 'repost-refused'
  | 'sts-ready'
  | 'trust-policy'
  | 'region-disabled'
  | 'sts-refused'
  | 'federation-failed'
  | 'no-answer'
  | 'sts-not-allowed'
  | 'out-of-time';

export const FAILOVER_REASONS = [
  'repost-accepted', 'repost-refused', 'sts-ready', 'trust-policy', 'region-disabled',
  'sts-refused', 'federation-failed', 'no-answer', 'sts-not-allowed', 'out-of-time',
] as const satisfies readonly FailoverReason[];

/**
 * One check of one role (or, for the re-post, of the assertion: `roleArn` is then empty) in one
 * region. No assertion, credential or token: what may be kept and shown.
 */
export interface FailoverResult {
  readonly roleArn: string;
  readonly region: string;
  readonly method: FailoverMethod;
  readonly outcome: FailoverOutcome;
  readonly reason: FailoverReason;
  /** ms since epoch. */
  readonly at: number;
}

/**
 * The roles to check: all up to MAX_CHECKED_ROLES; above that, the selected, the ticked, the
 * pinned and the recent ones, in that order, up to the cap. `leftOut`: the others, to be named.
 */
export function rolesToCheck(
  roleArns: readonly string[],
  interest: { readonly selected?: string | undefined; readonly ticked: readonly string[]; readonly pinned: readonly string[]; readonly recent: readonly string[] },
): { readonly checked: string[]; readonly leftOut: string[] } {
  const all = [...new Set(roleArns)];
  if (all.length <= MAX_CHECKED_ROLES) return { checked: all, leftOut: [] };
  const wanted = [interest.selected, ...interest.ticked, ...interest.pinned, ...interest.recent].filter((a): a is string => !!a && all.includes(a));
  const checked = [...new Set(wanted)].slice(0, MAX_CHECKED_ROLES);
  return { checked, leftOut: all.filter((a) => !checked.includes(a)) };
}

/**
 * The regions to check: the chosen one, then the user's preferred ones, each once, never the
 * partition's global region (where the outage is) unless the user chose it.
 */
export function regionsToCheck(partition: string, chosen: string, preferred: readonly string[]): string[] {
  const p = partitionInfo(partition);
  if (!p) return [];
  const known = (r: string) => p.regions.some((x) => x.code === r);
  const others = preferred.filter((r) => r !== p.globalRegion);
  return [...new Set([chosen, ...others])].filter(known).slice(0, MAX_CHECKED_REGIONS);
}

/** AWS's page for an assertion it refuses (docs/saml-signin.md#the-recipient-check). */
const INVALID_SAML_PAGE = /invalid SAML response/i;

/**
 * The re-post's answer: AWS's role page or a redirect (a console sign-in) means the endpoint took
 * the assertion; its "invalid SAML response" page means it refused it; a 5xx or no answer says nothing.
 */
export function classifyRepost(answer: { readonly status: number; readonly text: string } | undefined): FailoverReason {
  if (!answer || answer.status >= 500) return 'no-answer';
  if (INVALID_SAML_PAGE.test(answer.text)) return 'repost-refused';
  return answer.status >= 200 && answer.status < 400 ? 'repost-accepted' : 'repost-refused';
}

/** The STS step: undefined error and a token = ready; else why not, in the diagnosis page's terms. */
export function classifySts(error: { readonly code: StsErrorCode } | undefined, tokenIssued: boolean): FailoverReason {
  if (!error) return tokenIssued ? 'sts-ready' : 'federation-failed';
  switch (error.code) {
    case 'AccessDenied':
      return 'trust-policy';
    case 'RegionDisabledException':
      return 'region-disabled';
    case 'network':
    case 'timeout':
    case 'http':
    case 'Throttling':
      return 'no-answer';
    default:
      return 'sts-refused';
  }
}

export function outcomeOf(reason: FailoverReason): FailoverOutcome {
  if (reason === 'repost-accepted' || reason === 'sts-ready') return 'ready';
  if (reason === 'out-of-time' || reason === 'no-answer' || reason === 'sts-not-allowed') return 'unchecked';
  return 'refused';
}

export function result(roleArn: string, region: string, method: FailoverMethod, reason: FailoverReason, at: number): FailoverResult {
  return { roleArn, region, method, outcome: outcomeOf(reason), reason, at };
}

/** How one role gets into one region: the re-post when the region takes it, else STS, else why not. */
export interface RegionVerdict {
  readonly region: string;
  readonly outcome: FailoverOutcome;
  readonly method: FailoverMethod;
  readonly reason: FailoverReason;
  readonly at: number;
}

export function verdict(results: readonly FailoverResult[], roleArn: string, region: string): RegionVerdict | undefined {
  const repost = results.find((r) => r.method === 're-post' && r.region === region && (r.roleArn === '' || r.roleArn === roleArn));
  const sts = results.find((r) => r.method === 'sts' && r.region === region && r.roleArn === roleArn);
  const pick = repost?.outcome === 'ready' ? repost : sts?.outcome === 'ready' ? sts : (sts && sts.reason !== 'sts-not-allowed' ? sts : undefined) ?? repost ?? sts;
  return pick && { region, outcome: pick.outcome, method: pick.method, reason: pick.reason, at: pick.at };
}

/** The words for a verdict in a table cell or beside a role. */
export function verdictWords(v: RegionVerdict): UserMessage {
  switch (v.reason) {
    case 'repost-accepted':
      return message('failoverViaRepost');
    case 'sts-ready':
      return message('failoverViaSts');
    case 'trust-policy':
      return message('failoverTrustPolicy');
    case 'region-disabled':
      return message('failoverRegionDisabled');
    case 'repost-refused':
      return message('failoverRepostRefused');
    case 'sts-refused':
      return message('failoverStsRefused');
    case 'federation-failed':
      return message('failoverFederationFailed');
    case 'no-answer':
      return message('failoverNoAnswer');
    case 'sts-not-allowed':
      return message('failoverStsNotAllowed');
    case 'out-of-time':
      return message('failoverOutOfTime');
  }
}

/**
 * The report for the admin: for each role that would not get in, where and the exact change
 * (the trust policy's `SAML:aud` must list the assertion's Recipient, no SCP may deny
 * `sts:AssumeRoleWithSAML`); for a region that refuses the re-post, the ACS URL to add. No secret:
 * role ARNs, regions and the Recipient only.
 */
export function adminReport(input: {
  readonly results: readonly FailoverResult[];
  readonly roleArns: readonly string[];
  readonly regions: readonly string[];
  readonly recipient: string;
  readonly partition: string;
}): UserMessage[] {
  const { results, roleArns, regions, recipient } = input;
  const lines: UserMessage[] = [message('failoverReportHello', { count: roleArns.length, regions: regions.join(', ') })];
  const failing = roleArns.filter((arn) => regions.some((region) => verdict(results, arn, region)?.outcome === 'refused'));
  for (const arn of failing) {
    const refused = regions.filter((region) => verdict(results, arn, region)?.outcome === 'refused');
    const reasons = new Set(refused.map((region) => verdict(results, arn, region)!.reason));
    lines.push(message('failoverReportRole', { role: arn, regions: refused.join(', ') }));
    if (reasons.has('trust-policy')) {
      lines.push(message('adminAudAdd', { role: arn }), message('adminAudValue', { value: recipient }), message('adminNoScpDeny'));
    }
    if (reasons.has('region-disabled')) lines.push(message('stsRegionDisabledAsk'));
    if (reasons.has('sts-refused') || reasons.has('federation-failed')) lines.push(message('adminStsFailed', { role: arn }));
  }
  const noRepost = regions.filter((region) => results.some((r) => r.method === 're-post' && r.region === region && r.reason === 'repost-refused'));
  const stsOnly = noRepost.filter((region) => roleArns.every((arn) => verdict(results, arn, region)?.outcome === 'ready'));
  for (const region of noRepost) {
    if (stsOnly.includes(region)) continue;
    const target = `https://${region}.${partitionInfo(input.partition)?.signinHost ?? ''}/saml`;
    lines.push(message('failoverReportAcs', { region, target }));
  }
  if (!failing.length && stsOnly.length === noRepost.length) lines.push(message('failoverReportAllReady'));
  return lines;
}

/** The role's name for the table (last path part of its ARN). */
export function roleNameOf(roleArn: string): string {
  return parseRoleArn(roleArn)?.roleName ?? roleArn;
}

export function isStale(at: number, now: number): boolean {
  return now - at > STALE_AFTER_MS;
}
