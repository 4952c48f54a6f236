import { FRESH_CAPTURE_MS, isFreshCapture, type CapturedSignin } from '../../../core/signin/capture';
import { checkCapturedSignin } from '../../../core/signin/capture-check';
import type { StsContinuation } from '../../../core/signin/sts-continuation';
import { takeContinuation, takeRetry } from '../../../platform/attempt-store';
import { currentTabId } from '../../../platform/extension';
import { readCapture, removeCapture, takeLostCapture, watchCapture, watchLostCapture } from '../../../platform/session-store';
import { t } from '../../../platform/i18n';

/**
 * The DNR redirect and the webRequest capture race (docs/interception.md#catching-the-idps-post): the picker may open before
 * the worker has stored the form fields. Wait for them, but not forever: right after install
 * the worker may not have run yet and the capture is simply lost.
 */
export const CAPTURE_WAIT_MS = 4_000;

export type SigninLoad =
  /** `continuation`: a re-post that did not get in, to continue through STS at once (the worker handed it back). */
  | { kind: 'found'; capture: CapturedSignin; reused: boolean; continuation?: StsContinuation | undefined }
  | { kind: 'none'; reason: 'not-captured' | 'not-in-tab' | 'not-kept' }
  | { kind: 'invalid'; message: string };

/**
 * The tab's capture, when it is fresh (caught for this picker), or when the diagnosis page granted
 * one retry with the tab's unused capture, or the worker handed back a re-post to continue through
 * STS (one-time grants in session storage, never a URL flag: any later page in the tab could open
 * the picker with one).
 */
export async function loadCapturedSignin(pageOpenedAt: number): Promise<SigninLoad> {
  const tabId = await currentTabId();
  if (tabId === undefined) return { kind: 'none', reason: 'not-in-tab' };
  const [retry, continuation] = await Promise.all([takeRetry(tabId).catch(() => false), takeContinuation(tabId).catch(() => undefined)]);
  const reuseCapture = retry || continuation !== undefined;

  return new Promise<SigninLoad>((resolve) => {
    let settled = false;
    const settle = (load: SigninLoad) => {
      settled = true;
      stop();
      stopLost();
      clearTimeout(timer);
      resolve(load);
    };
    const accept = (stored: unknown): boolean => {
      if (settled || stored === undefined) return settled;
      const capture = checkCapturedSignin(stored);
      if (capture && !isFreshCapture(capture, pageOpenedAt, reuseCapture)) return false;
      // Nothing can use a damaged capture: it goes, so it no longer takes up session storage (a
      // newer one written meanwhile stays).
      if (!capture) void removeCapture(tabId, capturedAtOf(stored)).catch(() => undefined);
      settle(capture ? { kind: 'found', capture, reused: reuseCapture, continuation } : { kind: 'invalid', message: t('captureDamaged') });
      return true;
    };
    // The worker could not store this sign-in (session storage full): say so at once.
    const checkLost = () =>
      void takeLostCapture(tabId, pageOpenedAt - FRESH_CAPTURE_MS).then(
        (lost) => lost && !settled && settle({ kind: 'none', reason: 'not-kept' }),
        () => undefined,
      );
    const stop = watchCapture(tabId, accept);
    const stopLost = watchLostCapture(tabId, checkLost);
    const timer = setTimeout(() => {
      if (!settled) settle({ kind: 'none', reason: 'not-captured' });
    }, CAPTURE_WAIT_MS);
    readCapture(tabId).then((stored) => accept(stored) || checkLost(), () => undefined);
  });
}

/** When a stored value says it was captured; a value that does not say is older than any capture. */
function capturedAtOf(stored: unknown): number {
  const at = (stored as { capturedAt?: unknown } | null | undefined)?.capturedAt;
  return typeof at === 'number' ? at : Number.NEGATIVE_INFINITY;
}
