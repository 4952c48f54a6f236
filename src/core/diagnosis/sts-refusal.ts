import { roleOf, type Diagnosis, type DiagnosisStep, type SigninAttempt } from './signin-refusal';
import { explainStsError, type StsError } from '../signin/sts';
import { message, type UserMessage } from '../words/user-message';

const STEP_LINE = { repost: 'adminStepRepost', sts: 'adminStepSts', federation: 'adminStepFederation' } as const;

/**
 * The STS + federation sign-in failed (docs/sts-federation.md): explain every attempt (the re-post AWS
 * refused, if any, then what STS or the federation endpoint said) and what to ask the admin.
 */
export function diagnoseStsFailure(input: {
  readonly attempt: SigninAttempt;
  readonly steps: readonly DiagnosisStep[];
  /** The STS error that ended it; undefined when the federation endpoint failed. */
  readonly stsError?: StsError | undefined;
}): Diagnosis {
  const { attempt, steps, stsError } = input;
  const role = roleOf(attempt);
  const awsMessage = steps.at(-1)?.said ?? '';
  const repost = steps.find((s) => s.method === 'repost');
  const before: UserMessage[] = repost
    ? [message('diagRepostRefusedFirst', { host: repost.host, said: repost.said, recipient: attempt.recipientUrl })]
    : [];
  // "Then" only after the re-post's own sentence (several roles at once and the STS setting post none).
  const then = (afterRepost: UserMessage, alone: UserMessage) => (repost ? afterRepost : alone);
  const history = steps.map((s) => message(STEP_LINE[s.method], { host: s.host, said: s.said }));
  if (!stsError) {
    return {
      cause: 'federation-failed',
      title: message('diagFederationTitle', { region: attempt.region }),
      explanation: [...before, message('diagFederation', { role })],
      adminRequest: [message('adminFederationFailed'), ...history],
      awsMessage,
      steps,
    };
  }
  const words = explainStsError(stsError);
  const ask = words.askAdmin ? [words.askAdmin] : [];
  if (stsError.code === 'network' || stsError.code === 'timeout' || stsError.code === 'http' || stsError.code === 'RegionDisabledException') {
    return {
      cause: 'sts-unreachable',
      title: message('diagStsUnreachableTitle'),
      explanation: [...before, then(message('diagThenNoSts'), message('diagNoSts')), words.explanation, message('diagAssertionUnused')],
      adminRequest: [message('adminStsFailedEverywhere'), ...history, ...ask],
      awsMessage,
      steps,
    };
  }
  const trust =
    stsError.code === 'AccessDenied' ? [message('adminCheckTrust', { role, recipient: attempt.recipientUrl }), message('adminNoScpDeny')] : ask;
  const said = stsError.problem ?? stsError.message;
  return {
    cause: 'sts-refused',
    title: message(stsError.code === 'AccessDenied' ? 'diagTrustRefusedTitle' : 'diagStsRefusedTitle'),
    explanation: [...before, then(message('diagThenStsSaid', { said }), message('diagStsSaid', { said })), words.explanation],
    adminRequest: [message('adminStsFailed', { role }), ...history, ...trust],
    awsMessage,
    steps,
  };
}
