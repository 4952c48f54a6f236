import { idpHomeUrl, type CapturedSignin } from '../../core/captured-signin';
import type { SigninAttempt } from '../../core/diagnosis';
import { buildSigninPost, SigninTargetError, type SigninPostRequest } from '../../core/signin-post';
import { saveAttempt } from '../../platform/attempt-store';
import type { AccountColour } from '../../core/account-colours';
import type { ConsolesOutcome } from '../../messages/protocol';
import { sendToWorker } from '../../platform/worker-client';
import { markSigningIn } from './leave-guard';
import { submitSigninPost } from './post-form';
import { t, tMessage } from '../../platform/i18n';

/**
 * Sends the untouched assertion to an allowlisted endpoint. The worker follows that request and
 * deletes the capture as soon as AWS answers it (src/background/diagnosis.ts); only when the
 * endpoint failed before using it is it kept, so the user can retry in another region.
 * Returns a sentence to show when the target was refused.
 */
export async function signIn(
  capture: CapturedSignin,
  request: Omit<SigninPostRequest, 'samlResponse'>,
  /** What to remember to explain a rejection or continue through STS (no assertion in it). */
  context?: Pick<SigninAttempt, 'recipientUrl' | 'recipientRegion' | 'notOnOrAfter' | 'method' | 'issuer' | 'durationCap'>,
): Promise<string | undefined> {
  let post;
  try {
    post = buildSigninPost({ ...request, samlResponse: capture.samlResponse });
  } catch (error) {
    return error instanceof SigninTargetError ? tMessage(error.userMessage) : t('signinNotPrepared');
  }
  if (context) {
    await saveAttempt({
      ...context,
      tabId: capture.tabId,
      partition: request.partition,
      region: post.endpoint.region,
      targetUrl: post.url,
      roleArn: request.roleArn,
      at: Date.now(),
    }).catch(() => undefined);
  }
  markSigningIn();
  submitSigninPost(post);
  return undefined;
}

/**
 * Asks the worker to sign this tab in through STS + federation (REFERENCE §8). On success the
 * worker moves the tab to AWS's login URL; otherwise returns the sentence to show (or the worker
 * has opened the diagnosis page).
 */
export async function signInWithSts(request: { roleArn: string; region: string; durationCap: number }): Promise<string | undefined> {
  markSigningIn();
  const reply = await sendToWorker({ type: 'signin/sts', ...request });
  if (!reply.ok) markSigningIn(false);
  return reply.ok ? undefined : tMessage(reply.error);
}

/** Where to get a fresh assertion: the IdP page that posted this one (its origin only). */
export function identityProviderHome(capture: CapturedSignin | undefined): string | undefined {
  return idpHomeUrl(capture?.initiator);
}

/**
 * Several roles at once: one console tab each (this tab the first when all open), through STS +
 * federation. Returns the sentence to show when nothing was tried, or which opened and which did
 * not when some failed (the picker then stays, and its capture is forgotten when it is left).
 */
export async function signInManyWithSts(request: {
  roleArns: string[];
  region: string;
  durationCap: number;
  accountNames: Record<string, string>;
  accountColours: Record<string, AccountColour>;
  retry?: boolean;
}): Promise<{ refused: string } | { consoles: ConsolesOutcome } | undefined> {
  markSigningIn();
  const reply = await sendToWorker({ type: 'signin/sts-many', ...request });
  if (!reply.ok || reply.consoles) markSigningIn(false);
  if (!reply.ok) return { refused: tMessage(reply.error) };
  return reply.consoles ? { consoles: reply.consoles } : undefined;
}
