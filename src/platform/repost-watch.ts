import { browser } from './browser-api';
import { REPOST_TIMEOUT_MS, outcomeOfError, outcomeOfStatus, timeoutOutcome, type RepostOutcome } from '../core/signin/repost-outcome';
import { signinMatchPatterns } from '../core/aws/endpoints';
import { requestOrigin } from '../core/base/own-origin';
import { ownOrigin } from './extension';

const SIGNIN_URLS = signinMatchPatterns();

interface RequestDetails {
  readonly requestId: string;
  readonly tabId: number;
  readonly initiator?: string | undefined;
  readonly originUrl?: string | undefined;
}

/**
 * Follows the picker's own re-posts (top-level POSTs our pages started) and reports, per tab,
 * whether AWS processed the assertion or the endpoint failed (5xx, connection error, no answer).
 * Registered at the worker's top level so the browser wakes it for these events.
 */
export function watchReposts(onOutcome: (tabId: number, outcome: RepostOutcome, postedAt: number) => void): void {
  const origin = ownOrigin();
  const ours = (d: RequestDetails) => d.tabId >= 0 && requestOrigin(d) === origin;
  const pending = new Map<string, { readonly timer: ReturnType<typeof setTimeout>; readonly postedAt: number }>();
  const settle = (d: RequestDetails, outcome: RepostOutcome | undefined) => {
    const post = pending.get(d.requestId);
    if (post === undefined) return;
    clearTimeout(post.timer);
    pending.delete(d.requestId);
    if (outcome) onOutcome(d.tabId, outcome, post.postedAt);
  };
  const filter = { urls: SIGNIN_URLS, types: ['main_frame' as const] };

  browser.webRequest.onBeforeRequest.addListener(
    (d) => {
      if (d.method !== 'POST' || !ours(d as RequestDetails)) return;
      const timer = setTimeout(() => settle(d as RequestDetails, timeoutOutcome()), REPOST_TIMEOUT_MS);
      pending.set(d.requestId, { timer, postedAt: Date.now() });
    },
    filter,
  );
  browser.webRequest.onHeadersReceived.addListener((d) => {
    // A redirect to the console also ends here: AWS processed the assertion.
    settle(d as RequestDetails, outcomeOfStatus(d.statusCode));
  }, filter);
  browser.webRequest.onErrorOccurred.addListener((d) => {
    const outcome = outcomeOfError(d.error);
    // An abandoned load says nothing about AWS: stop following it without a verdict.
    settle(d as RequestDetails, outcome);
  }, filter);
}
