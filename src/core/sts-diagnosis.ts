import type { Diagnosis, DiagnosisStep, SigninAttempt } from './diagnosis';
import { explainStsError, type StsError } from './sts';

/**
 * The STS + federation sign-in failed (REFERENCE §8): explain every attempt (the re-post AWS
 * refused, if any, then what STS or the federation endpoint said) and what to ask the admin.
 */
export function diagnoseStsFailure(input: {
  readonly attempt: SigninAttempt;
  readonly steps: readonly DiagnosisStep[];
  /** The STS error that ended it; undefined when the federation endpoint failed. */
  readonly stsError?: StsError | undefined;
}): Diagnosis {
  const { attempt, steps, stsError } = input;
  const role = attempt.roleArn ?? 'the role you chose';
  const last = steps.at(-1);
  const awsMessage = last?.said ?? '';
  const repost = steps.find((s) => s.method === 'repost');
  const before = repost
    ? `First, ${repost.host} refused the assertion ("${repost.said}"): it is addressed to ${attempt.recipientUrl}. `
    : '';
  // "Then" only after the re-post's own sentence (several roles at once and the STS setting post none).
  const then = (afterRepost: string, alone: string) => (before ? afterRepost : alone);
  const history = steps.map((s) => `  ${s.method === 'repost' ? 'SAML sign-in' : s.method === 'sts' ? 'STS' : 'Federation'} at ${s.host}: ${s.said}`);
  if (!stsError) {
    return {
      cause: 'federation-failed',
      title: `AWS's federation endpoint for ${attempt.region} did not sign you in`,
      explanation: `${before}STS issued credentials for ${role}, but the federation endpoint did not turn them into a console session. Try again in a moment or another region.`,
      adminRequest: ['Hello, signing in to the AWS console through STS and the federation endpoint failed for me:', ...history].join('\n'),
      awsMessage,
      steps,
    };
  }
  const words = explainStsError(stsError);
  if (stsError.code === 'network' || stsError.code === 'timeout' || stsError.code === 'http' || stsError.code === 'RegionDisabledException') {
    return {
      cause: 'sts-unreachable',
      title: 'No AWS STS endpoint could sign you in',
      explanation: `${before}${then('Then no STS endpoint of the partition issued credentials.', 'No STS endpoint of the partition issued credentials.')} ${words.explanation} The assertion was not used, so you can try another region while it is valid.`,
      adminRequest: ['Hello, signing in to AWS through STS (AssumeRoleWithSAML) failed everywhere I tried:', ...history, words.askAdmin].filter(Boolean).join('\n'),
      awsMessage,
      steps,
    };
  }
  const trust =
    stsError.code === 'AccessDenied'
      ? [
          `Could you check the trust policy of ${role}? Its SAML:aud condition must list "${attempt.recipientUrl}" (the assertion's Recipient),`,
          'and no SCP or RCP may deny sts:AssumeRoleWithSAML.',
        ]
      : [words.askAdmin];
  return {
    cause: 'sts-refused',
    title: stsError.code === 'AccessDenied' ? "The role's trust policy refused the sign-in through STS" : 'AWS STS refused the sign-in',
    explanation: `${before}${then(`Then AWS STS said: "${stsError.message}".`, `AWS STS said: "${stsError.message}".`)} ${words.explanation}`,
    adminRequest: [`Hello, signing in to AWS as ${role} through STS (AssumeRoleWithSAML) failed:`, ...history, ...trust].filter(Boolean).join('\n'),
    awsMessage,
    steps,
  };
}
