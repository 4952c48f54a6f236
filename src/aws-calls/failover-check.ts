import { assertionAddress } from '../core/regions/choice';
import { signinEndpoint } from '../core/aws/endpoints';
import { runBounded } from '../core/base/bounded-run';
import type { DiagnosisStep } from '../core/diagnosis/signin-refusal';
import { CHECK_CONCURRENCY, classifyRepost, classifySts, result, type FailoverReason, type FailoverResult } from '../core/signin/failover-check';
import { buildSigninPost, toFormPost } from '../core/signin/repost';
import { STS_ASSERTION_WINDOW_MS } from '../core/signin/sts';
import { message, type UserMessage } from '../core/words/user-message';
import { requestAws } from '../platform/aws-request';
import { readStsRules } from '../platform/stored-settings';
import { recordRefusal } from '../platform/refusal-store';
import { mayKeep } from '../core/base/private-window';
import { tabInPrivateWindow } from '../platform/private-window';
import { refusalKey } from '../core/signin/method';
import { assumeRole, prepare, signinTokenAnywhere, type Prepared } from './sts-calls';
import { readTabAssertion } from './tab-assertion';

/** What the failover check found, and what the admin report needs (the Recipient is no secret). */
export interface FailoverCheckReply {
  readonly results: readonly FailoverResult[];
  readonly recipient: string;
  readonly partition: string;
}

/** Each re-post gets this long; AWS's role page is small, its error page smaller. */
const REPOST_TIMEOUT_MS = 10_000;
/** The last call starts this long before the assertion's 5 minutes end, so that it can finish. */
const LAST_START_MARGIN_MS = 15_000;

/**
 * The failover check (core/signin/failover-check.ts), on the user's click, from the picker's tab,
 * without navigating it. Per region: the tab's assertion, untouched and without a role, posted
 * once to that region's `/saml` with no cookies. Per role and region where that did not take it:
 * `AssumeRoleWithSAML` at the region's STS (the sign-in's gates and fallbacks), then
 * `getSigninToken`. The credentials and the token live in one function's variables for the
 * seconds it runs and are dropped there: they prove each step, nothing signs in with them.
 * The assertion stays for the sign-in.
 */
export async function checkFailover(
  tabId: number,
  request: { readonly roleArns: readonly string[]; readonly regions: readonly string[] },
): Promise<{ ok: true; failover: FailoverCheckReply } | { ok: false; error: UserMessage }> {
  const first = await prepare(tabId, { roleArn: request.roleArns[0]!, region: request.regions[0]! });
  if (!first.ok && first.code !== 'not-allowed') return { ok: false, error: first.error };
  const rules = await readStsRules();
  const stsAllowed = first.ok;
  const base = first.ok ? first : await prepareWithoutSts(tabId);
  if (!base) return { ok: false, error: message('replyCaptureGone') };
  const roles = request.roleArns.map((arn) => base.info.roles.find((r) => r.roleArn === arn));
  if (roles.some((r) => !r)) return { ok: false, error: message('replyRoleNotInAssertion') };
  // Only regions of the assertion's partition: elsewhere the STS fallbacks would answer for another region.
  const regions = request.regions.filter((region) => signinEndpoint(base.partition, region));
  const address = assertionAddress(base.info.recipient, base.capture.url);
  const recipient = base.info.recipient ?? base.capture.url;
  const deadline = base.capture.capturedAt + STS_ASSERTION_WINDOW_MS - LAST_START_MARGIN_MS;
  const bounded = <T>(jobs: (() => Promise<T>)[], late: (index: number) => T) =>
    runBounded(jobs, { limit: CHECK_CONCURRENCY, deadline, now: Date.now, late });

  // The re-post, one per region (it does not depend on the role); none when the sign-in never uses it.
  const repostRegions = rules.signinMethod === 'sts' ? [] : regions;
  const reposts = await bounded(
    repostRegions.map((region) => async () => result('', region, 're-post', await repostCheck(base, region), Date.now())),
    (i) => result('', repostRegions[i]!, 're-post', 'out-of-time', Date.now()),
  );
  // A region that refuses the re-post: the next sign-in there goes straight to STS (core/signin/method.ts).
  const refusedElsewhere = reposts.some((r) => r.reason === 'repost-refused' && r.region !== address?.endpoint.region);
  if (base.info.issuer && refusedElsewhere && mayKeep('learned-refusal', await tabInPrivateWindow(tabId))) {
    await recordRefusal(refusalKey(base.info.issuer, base.partition), Date.now()).catch(() => undefined);
  }
  const accepted = new Set(reposts.filter((r) => r.outcome === 'ready').map((r) => r.region));
  const pairs = roles.flatMap((role) => regions.filter((region) => !accepted.has(region)).map((region) => ({ role: role!, region })));
  const sts = stsAllowed
    ? await bounded(
        pairs.map(({ role, region }) => async () => result(role.roleArn, region, 'sts', await stsCheck({ ...base, role, partition: role.partition }, region), Date.now())),
        (i) => result(pairs[i]!.role.roleArn, pairs[i]!.region, 'sts', 'out-of-time', Date.now()),
      )
    : pairs.map(({ role, region }) => result(role.roleArn, region, 'sts', 'sts-not-allowed', Date.now()));
  const results: FailoverResult[] = [...reposts, ...sts];
  return { ok: true, failover: { results, recipient, partition: address?.partition ?? base.partition } };
}

/** Without STS (the setting or the policy allows only the re-post): the capture and its roles only. */
async function prepareWithoutSts(tabId: number): Promise<Prepared | undefined> {
  const read = await readTabAssertion(tabId);
  if (!read.ok) return undefined;
  const role = read.info.roles[0];
  return role ? { ok: true, capture: read.capture, info: read.info, role, partition: role.partition } : undefined;
}

/** The untouched assertion, without a role, to `region`'s own `/saml`, no cookies, no redirect followed. */
async function repostCheck(prepared: Prepared, region: string): Promise<FailoverReason> {
  const endpoint = signinEndpoint(prepared.partition, region);
  if (!endpoint) return 'no-answer';
  const built = buildSigninPost({ samlResponse: prepared.capture.samlResponse, partition: prepared.partition, targetUrl: endpoint.url, relayState: '' });
  if (!built.ok) return 'no-answer';
  const post = toFormPost(built.post);
  const answer = await requestAws(post.url, post, REPOST_TIMEOUT_MS);
  return classifyRepost(answer.kind === 'answered' ? answer : undefined);
}

/** STS, then the federation endpoint, as the sign-in does them; the credentials and the token are dropped here. */
async function stsCheck(prepared: Prepared, region: string): Promise<FailoverReason> {
  const steps: DiagnosisStep[] = [];
  const assumed = await assumeRole(prepared, { region }, steps);
  if (!assumed.ok) return classifySts(assumed.error, false);
  const issued = await signinTokenAnywhere(prepared.partition, region, assumed.credentials, prepared.info.sessionDuration, steps);
  return classifySts(undefined, issued !== undefined);
}
