import { hostOf } from '../base/url-host';
import type { RepostFailure } from '../signin/sts-continuation';
import { stsPermission, type StsRules } from '../signin/sts-permission';
import { diagnoseEndpointFailure, diagnoseRejection, type Diagnosis, type DiagnosisStep, type SigninAttempt } from './signin-refusal';

/** The refused or failed re-post as the first step of a continuation through STS. */
export function repostStep(failure: RepostFailure, attempt: SigninAttempt): DiagnosisStep {
  return {
    method: 'repost',
    host: hostOf(attempt.targetUrl) ?? attempt.targetUrl.slice(0, 256),
    said: failure.kind === 'rejected' ? failure.awsMessage : failure.detail,
  };
}

/**
 * Why a re-post did not get in, for the diagnosis page. A re-post to another region than the
 * assertion's own adds, when STS may not be used (re-post only, by the user's setting or the
 * organisation's policy), that the way in without an admin change is closed too.
 */
export function repostDiagnosis(failure: RepostFailure, attempt: SigninAttempt, now: number, rules: StsRules): Diagnosis {
  const diagnosis = failure.kind === 'rejected' ? diagnoseRejection(failure.awsMessage, attempt, now) : diagnoseEndpointFailure(failure.detail, attempt);
  if (attempt.region === attempt.recipientRegion) return diagnosis;
  const permission = stsPermission(rules, 'signin');
  return permission.ok ? diagnosis : { ...diagnosis, explanation: [...diagnosis.explanation, permission.refusal] };
}
