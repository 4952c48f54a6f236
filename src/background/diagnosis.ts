import { ATTEMPT_TTL_MS, diagnoseEndpointFailure, diagnoseRejection, type Diagnosis, type SigninAttempt } from '../core/diagnosis/signin-refusal';
import type { RepostOutcome } from '../core/signin/repost-outcome';
import { refusalKey } from '../core/signin/method';
import { stsPermission } from '../core/signin/sts-permission';
import { hostOf } from '../core/base/url-host';
import { removeCapture } from '../platform/session-store';
import { peekAttempt, showDiagnosis, takeAttempt } from '../platform/attempt-store';
import { recordRefusal } from '../platform/refusal-store';
import { readStsRules } from '../platform/stored-settings';
import { mayKeep } from '../core/base/private-window';
import { tabInPrivateWindow } from '../platform/private-window';
import { signInThroughSts } from './sts-signin';

/** A re-post to another region that may continue through STS once AWS refuses it. */
function continuesThroughSts(attempt: SigninAttempt | undefined, now: number): attempt is SigninAttempt & { roleArn: string } {
  return attempt?.method === 'repost-then-sts' && attempt.roleArn !== undefined && now - attempt.at <= ATTEMPT_TTL_MS;
}

/**
 * A re-post to another region than the assertion's own that did not get in: when STS may not be
 * used (re-post only, by the user's setting or the organisation's policy), the page says so too,
 * since the way in without an admin change is closed.
 */
async function withStsRefusal(diagnosis: Diagnosis, attempt: SigninAttempt): Promise<Diagnosis> {
  if (attempt.region === attempt.recipientRegion) return diagnosis;
  const permission = stsPermission(await readStsRules(), 'signin');
  return permission.ok ? diagnosis : { ...diagnosis, explanation: [...diagnosis.explanation, permission.refusal] };
}

/**
 * AWS refused a sign-in in this tab. A re-post to another region in "auto" mode continues at once
 * with STS + federation in the same region for the same role, and the IdP app is remembered as one
 * whose assertions are refused elsewhere. Otherwise, if the picker sent it, explain why on our page.
 */
export async function explainRejection(tabId: number, awsMessage: string): Promise<void> {
  const attempt = await takeAttempt(tabId);
  const now = Date.now();
  if (!attempt || now - attempt.at > ATTEMPT_TTL_MS) return;
  if (continuesThroughSts(attempt, now)) {
    if (attempt.issuer && mayKeep('learned-refusal', await tabInPrivateWindow(tabId))) await recordRefusal(refusalKey(attempt.issuer, attempt.partition), now).catch(() => undefined);
    const host = hostOf(attempt.targetUrl) ?? attempt.targetUrl.slice(0, 256);
    const result = await signInThroughSts(
      tabId,
      { roleArn: attempt.roleArn, region: attempt.region, durationCap: attempt.durationCap },
      { attempt, step: { method: 'repost', host, said: awsMessage } },
    );
    if (result.ok || result.code === 'refused') return;
  }
  await showDiagnosis(tabId, { diagnosis: await withStsRefusal(diagnoseRejection(awsMessage, attempt, now), attempt), attempt });
}

/**
 * AWS showed a page that is not an error (a sign-in, its role page): the assertion is spent. What
 * was captured and tried before that page began (`pageSince`) goes; a newer sign-in in the tab stays.
 */
export async function forgetLandedSignin(tabId: number, pageSince: number): Promise<void> {
  await takeAttempt(tabId, pageSince);
  await removeCapture(tabId, pageSince);
}

/**
 * The picker's re-post ended. Processed by AWS: the assertion is spent, forget it — unless it was
 * a re-post to another region that AWS may refuse with its page (not a redirect into the console),
 * which then continues through STS; the content script tells which. Failed before AWS could use
 * it: keep it (still only in session storage, until it expires or the tab closes) and explain, so
 * the user can retry in another region; in "auto" mode, continue through STS right away.
 * `postedAt`: when the re-post left; only what was captured before it is its assertion.
 */
export async function followRepost(tabId: number, outcome: RepostOutcome, postedAt: number): Promise<void> {
  const now = Date.now();
  if (outcome.kind === 'processed') {
    const redirected = outcome.status >= 300 && outcome.status < 400;
    if (!redirected && continuesThroughSts(await peekAttempt(tabId), now)) return;
    await removeCapture(tabId, postedAt);
    return;
  }
  const attempt = await takeAttempt(tabId, postedAt);
  if (!attempt || now - attempt.at > ATTEMPT_TTL_MS) {
    await removeCapture(tabId, postedAt);
    return;
  }
  if (continuesThroughSts(attempt, now)) {
    const result = await signInThroughSts(
      tabId,
      { roleArn: attempt.roleArn, region: attempt.region, durationCap: attempt.durationCap },
      { attempt, step: { method: 'repost', host: hostOf(attempt.targetUrl) ?? attempt.targetUrl.slice(0, 256), said: outcome.detail } },
    );
    if (result.ok || result.code === 'refused') return;
  }
  await showDiagnosis(tabId, { diagnosis: await withStsRefusal(diagnoseEndpointFailure(outcome.detail, attempt), attempt), attempt });
}
