import { endpointForUrl, signinEndpoint } from './endpoints';
import type { SigninMethod } from './signin-method';

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
  /** AWS's words, or what failed on the way. */
  readonly said: string;
}

export interface Diagnosis {
  readonly cause: RejectionCause;
  readonly title: string;
  /** Plain words: what most likely happened. */
  readonly explanation: string;
  /** Text to copy to the admin, with exact values. */
  readonly adminRequest: string;
  /** AWS's own words, as shown on its page. */
  readonly awsMessage: string;
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
 * Explains AWS's refusal of a re-posted assertion in plain words (REFERENCE §4). AWS's messages
 * are terse ("invalid SAML response"), so the attempt itself says the most: an assertion sent to
 * another region than its Recipient is most likely refused for the SAML:aud condition.
 */
export function diagnoseRejection(awsMessage: string, attempt: SigninAttempt, now: number): Diagnosis {
  const message = awsMessage.toLowerCase();
  const otherRegion = attempt.region !== attempt.recipientRegion;
  const target = signinEndpoint(attempt.partition, attempt.region)?.url ?? attempt.targetUrl;
  const audValues = [...new Set([attempt.recipientUrl, target])];
  const role = attempt.roleArn ?? 'the role you chose';
  const expired = (attempt.notOnOrAfter && Date.parse(attempt.notOnOrAfter) <= now) || /expired|notonorafter/.test(message);
  const targetPartition = endpointForUrl(attempt.targetUrl)?.partition;
  const roleArnPartition = attempt.roleArn?.split(':')[1];

  const ask = (lines: string[]) => lines.join('\n');
  const audRequest = ask([
    `Hello, signing in to AWS through our identity provider failed at ${target}.`,
    `Could you add these values to the SAML:aud condition of the trust policy of ${role}:`,
    ...audValues.map((v) => `  "${v}"`),
    `and, if our IdP app should send assertions to ${attempt.region}, add ${target} as an ACS URL (or a per-region app)?`,
    `AWS said: ${awsMessage}`,
  ]);

  if (expired) {
    return {
      cause: 'expired',
      title: 'The sign-in had expired',
      explanation: 'AWS refused the assertion because it was no longer valid. Get a fresh one from your identity provider and sign in again right away.',
      adminRequest: ask([`Hello, AWS refused our SAML assertion as expired at ${target}.`, 'Could you check the clock and the assertion lifetime of our identity provider?', `AWS said: ${awsMessage}`]),
      awsMessage,
    };
  }
  if (targetPartition && roleArnPartition && targetPartition !== roleArnPartition) {
    return {
      cause: 'wrong-partition',
      title: 'Wrong AWS partition',
      explanation: `The role is in the ${roleArnPartition} partition but the sign-in went to ${targetPartition}. Choose a region of the role's own partition.`,
      adminRequest: ask([`Hello, ${role} is in ${roleArnPartition}, but our IdP sends it to ${attempt.recipientUrl}.`, `AWS said: ${awsMessage}`]),
      awsMessage,
    };
  }
  if (/rolesessionname/.test(message)) {
    return {
      cause: 'session-name',
      title: 'The identity provider sent no valid session name',
      explanation: 'AWS needs a RoleSessionName attribute (2 to 64 characters) in the assertion. Only your admin can fix this in the IdP app.',
      adminRequest: ask(['Hello, AWS refuses our SAML assertion: the RoleSessionName attribute is missing or invalid.', `AWS said: ${awsMessage}`]),
      awsMessage,
    };
  }
  if (/signature/.test(message)) {
    return {
      cause: 'signature',
      title: "AWS could not verify the identity provider's signature",
      explanation: "The SAML provider in IAM may hold outdated metadata (for example after a certificate rotation). Only your admin can fix this.",
      adminRequest: ask([`Hello, AWS rejects our SAML assertion's signature for ${role}.`, 'Could you update the metadata of the SAML provider in IAM?', `AWS said: ${awsMessage}`]),
      awsMessage,
    };
  }
  if (otherRegion) {
    return {
      cause: 'audience',
      title: `${attempt.region} did not accept this assertion`,
      explanation:
        `The assertion is addressed to ${attempt.recipientRegion} (${attempt.recipientUrl}), and it was sent to ${attempt.region}. ` +
        `AWS accepts it there only if the role's trust policy lists ${target} in SAML:aud and the assertion's Recipient matches. ` +
        `Try ${attempt.recipientRegion} if it is up, or get an assertion from an IdP app set up for ${attempt.region}.`,
      adminRequest: audRequest,
      awsMessage,
    };
  }
  if (/not authorized|accessdenied|access denied/.test(message)) {
    return {
      cause: 'role-trust',
      title: 'The role does not trust this sign-in',
      explanation: `AWS refused to let you assume ${role}: its trust policy does not allow this SAML provider or this endpoint in SAML:aud.`,
      adminRequest: audRequest,
      awsMessage,
    };
  }
  return {
    cause: 'unknown',
    title: 'AWS refused the sign-in',
    explanation: `AWS did not accept the assertion at ${target}. Going back to your identity provider for a fresh sign-in is the safest next step.`,
    adminRequest: audRequest,
    awsMessage,
  };
}

/** The endpoint never processed the assertion: say so, and that another region can be tried with it. */
export function diagnoseEndpointFailure(detail: string, attempt: SigninAttempt): Diagnosis {
  return {
    cause: 'endpoint-failed',
    title: `${attempt.region}'s sign-in endpoint did not answer`,
    explanation:
      `AWS's sign-in endpoint for ${attempt.region} failed: ${detail}. Your assertion was not used, so you can try ` +
      'another region with it while it is still valid, or get a fresh one from your identity provider.',
    adminRequest: [
      `Hello, AWS's SAML sign-in endpoint ${attempt.targetUrl} failed for me: ${detail}.`,
      'If it keeps failing, could you check that our IdP app and the trust policies also allow another region?',
    ].join('\n'),
    awsMessage: detail,
  };
}

