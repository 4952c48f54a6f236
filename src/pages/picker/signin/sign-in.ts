import { idpHomeUrl, type CapturedSignin } from '../../../core/signin/capture';
import type { SigninAttempt } from '../../../core/diagnosis/signin-refusal';
import { buildSigninPost, type SigninPostRequest } from '../../../core/signin/repost';
import { saveAttempt } from '../../../platform/attempt-store';
import type { AccountColour } from '../../../core/accounts/colours';
import type { ConsolesOutcome } from '../../../aws-calls/sts-signin';
import { inThisTab } from '../../../aws-calls/this-tab';
import type { StsContinuation } from '../../../core/signin/sts-continuation';
import { markSigningIn } from './leave-guard';
import { submitSigninPost } from '../../../platform/post-form';
import { t, tMessage } from '../../../platform/i18n';
import { targetUrlForRegion } from '../../../core/regions/choice';
import { relayStateForRegion } from '../../../core/aws/relay-state';
import type { SigninMethod } from '../../../core/signin/method';
import { own } from '../../../core/base/own';
import type { Assertion } from '../views/picker-state';
import type { SamlRole } from '../../../core/saml/decode';

/**
 * The choice (recent pair, "skip the picker") is saved before the page leaves: the sign-in
 * navigates away and would cut the write short. But storage that is slow or stuck must never
 * hold the sign-in up, and losing the memory of a choice costs little: wait this long at most.
 */
export const REMEMBER_WAIT_MS = 500;

/** Waits for `save` (its failure ignored), or REMEMBER_WAIT_MS, whichever comes first. */
export async function rememberBeforeLeaving(save: () => Promise<unknown>): Promise<void> {
  await Promise.race([save().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, REMEMBER_WAIT_MS))]);
}

/**
 * Signs in as one role of the assertion in a region, the way `how` says: the re-post of the
 * untouched assertion, or STS + federation. Returns the sentence to show when it was refused.
 */
export async function signInAsRole(
  assertion: Assertion,
  choice: { roleArn: string; region: string; targetUrl: string; how: SigninMethod; durationCap: number },
): Promise<string | undefined> {
  const { capture, info, address } = assertion;
  const { roleArn, region, targetUrl, how, durationCap } = choice;
  if (how === 'sts') return signInWithSts({ roleArn, region, durationCap });
  return signIn(
    capture,
    { partition: address.partition, roleArn, targetUrl, relayState: relayStateForRegion(address.partition, region, capture.relayState) },
    {
      recipientUrl: info.recipient ?? address.endpoint.url,
      recipientRegion: address.endpoint.region,
      notOnOrAfter: info.notOnOrAfter,
      method: how,
      issuer: info.issuer,
      durationCap,
    },
  );
}

/** The URL a re-post into `region` goes to, or the sentence saying there is none. */
export function repostTarget(assertion: Assertion, region: string): { url: string } | { refused: string } {
  const url = targetUrlForRegion(assertion.address, region);
  return url ? { url } : { refused: t('noEndpointForRegion', region) };
}

/** The entries of `map` (names, colours by account ID) for the accounts of these roles only. */
export function forAccountsOf<T>(roles: readonly SamlRole[], roleArns: readonly string[], map: Readonly<Record<string, T>>): Record<string, T> {
  const accounts = new Set(roles.filter((r) => roleArns.includes(r.roleArn)).map((r) => r.accountId));
  return Object.fromEntries([...accounts].flatMap((id) => {
    const value = own(map, id);
    return value === undefined ? [] : [[id, value]];
  })) as Record<string, T>;
}

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
  const built = buildSigninPost({ ...request, samlResponse: capture.samlResponse });
  if (!built.ok) return tMessage(built.refusal);
  if (context) {
    await saveAttempt({
      ...context,
      tabId: capture.tabId,
      partition: request.partition,
      region: built.post.endpoint.region,
      targetUrl: built.post.url,
      roleArn: request.roleArn,
      at: Date.now(),
    }).catch(() => undefined);
  }
  markSigningIn();
  submitSigninPost(built.post);
  return undefined;
}

/** The calls to STS and federation, loaded on the first click that needs them (never before the first paint). */
const stsSignin = () => import('../../../aws-calls/sts-signin');

/**
 * Signs this tab in through STS + federation (docs/sts-federation.md). On success the tab moves to
 * AWS's login URL; otherwise returns the sentence to show (or the tab shows the diagnosis page).
 */
export async function signInWithSts(request: { roleArn: string; region: string; durationCap: number }): Promise<string | undefined> {
  markSigningIn();
  const { signInThroughSts } = await stsSignin();
  const reply = await inThisTab('replyPickerTabSignin', (tabId) => signInThroughSts(tabId, request));
  if (!reply.ok) markSigningIn(false);
  return reply.ok ? undefined : tMessage(reply.error);
}

/**
 * Continues, in this tab, a re-post that did not get in (the worker handed it back): through STS +
 * federation. The tab then leaves for the console or the diagnosis page; false when it could not.
 */
export async function continueWithSts(continuation: StsContinuation): Promise<boolean> {
  markSigningIn();
  try {
    const { continueThroughSts } = await import('../../../aws-calls/continue-through-sts');
    const done = await inThisTab('replyPickerTabSignin', async (tabId) => (await continueThroughSts(tabId, continuation), { ok: true as const }));
    if (done.ok) return true;
  } catch {
    // The picker stays, for the user to choose again.
  }
  markSigningIn(false);
  return false;
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
  const { signInManyThroughSts } = await stsSignin();
  const reply = await inThisTab('replyPickerTabSignin', (tabId) => signInManyThroughSts(tabId, request));
  const consoles = reply.ok && 'consoles' in reply ? reply.consoles : undefined;
  if (!reply.ok || consoles) markSigningIn(false);
  if (!reply.ok) return { refused: tMessage(reply.error) };
  return consoles ? { consoles } : undefined;
}
