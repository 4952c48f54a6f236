import { repostDiagnosis, repostStep } from '../core/diagnosis/repost-refusal';
import type { StsContinuation } from '../core/signin/sts-continuation';
import { showDiagnosis } from '../platform/attempt-store';
import { readStsRules } from '../platform/stored-settings';
import { signInThroughSts } from './sts-signin';

/**
 * The picker continues a re-post that did not get in (handed back by the worker): STS +
 * federation for the same role and region, the refused re-post as the first step of any
 * diagnosis. When STS could not even be tried (not allowed, no host access, the assertion gone),
 * the diagnosis page explains the re-post's failure instead.
 */
export async function continueThroughSts(tabId: number, continuation: StsContinuation): Promise<void> {
  const { attempt, failure } = continuation;
  const result = await signInThroughSts(
    tabId,
    { roleArn: attempt.roleArn, region: attempt.region, durationCap: attempt.durationCap },
    { attempt, step: repostStep(failure, attempt) },
  );
  if (result.ok || result.code === 'refused') return;
  await showDiagnosis(tabId, { diagnosis: repostDiagnosis(failure, attempt, Date.now(), await readStsRules()), attempt });
}
