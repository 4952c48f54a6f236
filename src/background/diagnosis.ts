import { ATTEMPT_TTL_MS, diagnoseEndpointFailure, diagnoseRejection } from '../core/diagnosis';
import type { RepostOutcome } from '../core/repost-outcome';
import { removeCapture } from '../platform/session-store';
import { openInTab, saveDiagnosis, takeAttempt } from '../platform/attempt-store';
import { DIAGNOSIS_PATH, extensionUrl } from '../platform/extension';

/** AWS refused a sign-in in this tab: if the picker sent it, explain why on our own page. */
export async function explainRejection(tabId: number, awsMessage: string): Promise<void> {
  const attempt = await takeAttempt(tabId);
  const now = Date.now();
  if (!attempt || now - attempt.at > ATTEMPT_TTL_MS) return;
  await saveDiagnosis(tabId, { diagnosis: diagnoseRejection(awsMessage, attempt, now), attempt });
  await openInTab(tabId, extensionUrl(DIAGNOSIS_PATH));
}

/**
 * The picker's re-post ended. Processed by AWS: the assertion is spent, forget it. Failed before
 * AWS could use it: keep it (still only in session storage, until it expires or the tab closes)
 * and explain, so the user can retry in another region.
 */
export async function followRepost(tabId: number, outcome: RepostOutcome): Promise<void> {
  if (outcome.kind === 'processed') {
    await removeCapture(tabId);
    return;
  }
  const attempt = await takeAttempt(tabId);
  if (!attempt || Date.now() - attempt.at > ATTEMPT_TTL_MS) {
    await removeCapture(tabId);
    return;
  }
  await saveDiagnosis(tabId, { diagnosis: diagnoseEndpointFailure(outcome.detail, attempt), attempt });
  await openInTab(tabId, extensionUrl(DIAGNOSIS_PATH));
}
