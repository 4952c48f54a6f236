import { endpointForUrl, signinEndpoint } from '../aws/endpoints';
import type { SigninMethod } from '../signin/method';
import { message, type MessageValue, type UserMessage } from '../words/user-message';

/** What the picker posted, remembered (without the assertion) to explain AWS's answer. */
export interface SigninAttempt {
  readonly tabId: number;
  readonly partition: string;
  /** Region and URL the assertion was posted to. */
  readonly region: string;
  readonly targetUrl: string;
  /** The endpoint the assertion is addressed to (its Recipient). */
  readonly recipientUrl: string;
  readonly recipientRegion: string;
  readonly roleArn?: string | undefined;
  readonly notOnOrAfter?: string | undefined;
  readonly at: number;
  /** How the picker meant to sign in (signin-method.ts); absent means the plain re-post. */
  readonly method?: SigninMethod | undefined;
  /** The assertion's Issuer (the IdP app), to remember that its assertions are refused elsewhere. */
  readonly issuer?: string | undefined;
  /** The user's cap on the STS session, for a continuation through STS. */
  readonly durationCap?: number | undefined;
}

export const REJECTION_CAUSES = [
  'audience',
  'expired',
  'role-trust',
  'wrong-partition',
  'session-name',
  'signature',
  'endpoint-failed',
  'sts-refused',
  'sts-unreachable',
  'federation-failed',
  'unknown',
] as const;
export type RejectionCause = (typeof REJECTION_CAUSES)[number];

/** The ways a sign-in step can go: the SAML re-post, STS, the federation endpoint. */
export const STEP_METHODS = ['repost', 'sts', 'federation'] as const;

/** One thing tried on the way, with what AWS said: the diagnosis page lists them in order. */
export interface DiagnosisStep {
  readonly method: (typeof STEP_METHODS)[number];
  /** The host that was asked. */
  readonly host: string;
  /** AWS's words (text), or what failed on the way (a message). */
  readonly said: MessageValue;
}

/** What the diagnosis page says, as messages the page words (user-message.ts). */
export interface Diagnosis {
  readonly cause: RejectionCause;
  readonly title: UserMessage;
  /** What most likely happened: sentences of one paragraph. */
  readonly explanation: readonly UserMessage[];
  /** The lines to copy to the admin, with exact values. */
  readonly adminRequest: readonly UserMessage[];
  /** AWS's own words, as shown on its page (or what failed on the way). */
  readonly awsMessage: MessageValue;
  /** Every attempt of this sign-in, when there was more than one way tried. */
  readonly steps?: readonly DiagnosisStep[] | undefined;
}

/** An attempt older than this is not what the page in the tab answers. */
export const ATTEMPT_TTL_MS = 120_000;

const ERROR_LINE = /Error:?\s*([^\n]{3,400})/i;

/** AWS's error sentence from its sign-in page text, or undefined when the page is not an error. */
export function readAwsSigninError(pageText: string): string | undefined {
  const text = pageText.slice(0, 20_000);
  const match = ERROR_LINE.exec(text);
  if (match?.[1]) return match[1].trim();
  if (/invalid SAML response|AssumeRoleWithSAML|SAML response/i.test(text)) return text.trim().slice(0, 400);
  return undefined;
}

/**
 * Explains AWS's refusal of a re-posted assertion in plain words (docs/saml-signin.md#the-recipient-check). AWS's messages
 * are terse ("invalid SAML response"), so the attempt itself says the most: an assertion sent to
 * another region than its Recipient is most likely refused for the SAML:aud condition.
 */
export function diagnoseRejection(awsMessage: string, attempt: SigninAttempt, now: number): Diagnosis {
  const said = awsMessage.toLowerCase();
  const otherRegion = attempt.region !== attempt.recipientRegion;
  const target = signinEndpoint(attempt.partition, attempt.region)?.url ?? attempt.targetUrl;
  const audValues = [...new Set([attempt.recipientUrl, target])];
  const role = roleOf(attempt);
  const expired = (attempt.notOnOrAfter && Date.parse(attempt.notOnOrAfter) <= now) || /expired|notonorafter/.test(said);
  const targetPartition = endpointForUrl(attempt.targetUrl)?.partition;
  const roleArnPartition = attempt.roleArn?.split(':')[1];
  const awsSaid = message('adminAwsSaid', { said: awsMessage });
  const diagnosis = (cause: RejectionCause, title: UserMessage, explanation: UserMessage, adminRequest: UserMessage[]): Diagnosis => ({
    cause,
    title,
    explanation: [explanation],
    adminRequest,
    awsMessage,
  });
  const audRequest = [
    message('adminAudHello', { target }),
    message('adminAudAdd', { role }),
    ...audValues.map((value) => message('adminAudValue', { value })),
    message('adminAudAcs', { region: attempt.region, target }),
    awsSaid,
  ];

  if (expired) {
    return diagnosis('expired', message('diagExpiredTitle'), message('diagExpired'), [message('adminExpired', { target }), message('adminCheckClock'), awsSaid]);
  }
  if (targetPartition && roleArnPartition && targetPartition !== roleArnPartition) {
    return diagnosis(
      'wrong-partition',
      message('diagWrongPartitionTitle'),
      message('diagWrongPartition', { rolePartition: roleArnPartition, targetPartition }),
      [message('adminWrongPartition', { role, rolePartition: roleArnPartition, recipient: attempt.recipientUrl }), awsSaid],
    );
  }
  if (/rolesessionname/.test(said)) {
    return diagnosis('session-name', message('diagSessionNameTitle'), message('diagSessionName'), [message('adminSessionName'), awsSaid]);
  }
  if (/signature/.test(said)) {
    return diagnosis('signature', message('diagSignatureTitle'), message('diagSignature'), [
      message('adminSignature', { role }),
      message('adminUpdateMetadata'),
      awsSaid,
    ]);
  }
  if (otherRegion) {
    return diagnosis(
      'audience',
      message('diagAudienceTitle', { region: attempt.region }),
      message('diagAudience', { recipientRegion: attempt.recipientRegion, recipientUrl: attempt.recipientUrl, region: attempt.region, target }),
      audRequest,
    );
  }
  if (/not authorized|accessdenied|access denied/.test(said)) {
    return diagnosis('role-trust', message('diagRoleTrustTitle'), message('diagRoleTrust', { role }), audRequest);
  }
  return diagnosis('unknown', message('diagUnknownTitle'), message('diagUnknown', { target }), audRequest);
}

/** The role ARN of the attempt, or words for it when there is none. */
export function roleOf(attempt: SigninAttempt): MessageValue {
  return attempt.roleArn ?? message('theRoleYouChose');
}

/** The endpoint never processed the assertion: say so, and that another region can be tried with it. */
export function diagnoseEndpointFailure(detail: UserMessage, attempt: SigninAttempt): Diagnosis {
  return {
    cause: 'endpoint-failed',
    title: message('diagEndpointTitle', { region: attempt.region }),
    explanation: [message('diagEndpoint', { region: attempt.region, detail })],
    adminRequest: [message('adminEndpointFailed', { target: attempt.targetUrl, detail }), message('adminEndpointOtherRegion')],
    awsMessage: detail,
  };
}
