import { ATTEMPT_TTL_MS, type SigninAttempt } from '../core/diagnosis/signin-refusal';
import { repostDiagnosis } from '../core/diagnosis/repost-refusal';
import type { RepostFailure } from '../core/signin/sts-continuation';
import type { RepostOutcome } from '../core/signin/repost-outcome';
import { refusalKey } from '../core/signin/method';
import { removeCapture } from '../platform/session-store';
import { continueInPicker, peekAttempt, showDiagnosis, takeAttempt } from '../platform/attempt-store';
import { recordRefusal } from '../platform/refusal-store';
import { readStsRules } from '../platform/stored-settings';
import { mayKeep } from '../core/base/private-window';
import { tabInPrivateWindow } from '../platform/private-window';

/** A re-post to another region that may continue through STS once AWS refuses it. */
function continuesThroughSts(attempt: SigninAttempt | undefined, now: number): attempt is SigninAttempt & { roleArn: string } {
  return attempt?.method === 'repost-then-sts' && attempt.roleArn !== undefined && now - attempt.at <= ATTEMPT_TTL_MS;
}

/**
 * A re-post that did not get in: in "auto" mode (to another region), the tab goes back to the
 * picker, which continues through STS + federation for the same role and region with the tab's
 * assertion (the worker makes no call to AWS); otherwise the diagnosis page explains it.
 */
async function afterFailedRepost(tabId: number, attempt: SigninAttempt, failure: RepostFailure, now: number): Promise<void> {
  if (continuesThroughSts(attempt, now)) return continueInPicker(tabId, { attempt, failure, at: now });
  await showDiagnosis(tabId, { diagnosis: repostDiagnosis(failure, attempt, now, await readStsRules()), attempt });
}

/**
 * AWS refused a sign-in in this tab. A re-post to another region in "auto" mode continues through
 * STS, and the IdP app is remembered as one whose assertions are refused elsewhere. Otherwise, if
 * the picker sent it, explain why on our page.
 */
export async function explainRejection(tabId: number, awsMessage: string): Promise<void> {
  const attempt = await takeAttempt(tabId);
  const now = Date.now();
  if (!attempt || now - attempt.at > ATTEMPT_TTL_MS) return;
  if (continuesThroughSts(attempt, now) && attempt.issuer && mayKeep('learned-refusal', await tabInPrivateWindow(tabId))) {
    await recordRefusal(refusalKey(attempt.issuer, attempt.partition), now).catch(() => undefined);
  }
  await afterFailedRepost(tabId, attempt, { kind: 'rejected', awsMessage }, now);
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
  await afterFailedRepost(tabId, attempt, { kind: 'endpoint', detail: outcome.detail }, now);
}
