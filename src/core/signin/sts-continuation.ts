import type { SigninAttempt } from '../diagnosis/signin-refusal';
import { isUserMessage, type UserMessage } from '../words/user-message';

/**
 * Why a re-post to another region did not get in: AWS refused it with its page (its words), or the
 * endpoint failed before AWS could use the assertion (what failed).
 */
export type RepostFailure = { readonly kind: 'rejected'; readonly awsMessage: string } | { readonly kind: 'endpoint'; readonly detail: UserMessage };

/**
 * A re-post in "auto" mode that did not get in, handed by the worker to the picker in the same tab,
 * which continues it through STS + federation for the same role and region (the calls run in the
 * page: the worker only listens). Kept in session storage, never in a URL; no assertion in it.
 */
export interface StsContinuation {
  readonly attempt: SigninAttempt & { readonly roleArn: string };
  readonly failure: RepostFailure;
  readonly at: number;
}

/** The picker takes a continuation only this soon after the worker wrote it. */
export const CONTINUATION_MAX_AGE_MS = 120_000;

const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const optionalText = (value: unknown, max: number) => value === undefined || text(value, max);

/** A stored continuation the picker may act on: well-formed and fresh, else undefined. */
export function checkContinuation(raw: unknown, now: number): StsContinuation | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { attempt, failure, at } = raw as Partial<Record<keyof StsContinuation, unknown>>;
  if (typeof at !== 'number' || now < at || now - at > CONTINUATION_MAX_AGE_MS) return undefined;
  if (typeof failure !== 'object' || failure === null) return undefined;
  const f = failure as { kind?: unknown; awsMessage?: unknown; detail?: unknown };
  const failureOk = f.kind === 'rejected' ? text(f.awsMessage, 2000) : f.kind === 'endpoint' && isUserMessage(f.detail);
  if (!failureOk || typeof attempt !== 'object' || attempt === null) return undefined;
  const a = attempt as Partial<Record<keyof SigninAttempt, unknown>>;
  const attemptOk =
    typeof a.tabId === 'number' &&
    typeof a.at === 'number' &&
    a.method === 'repost-then-sts' &&
    [a.partition, a.region, a.recipientRegion].every((v) => text(v, 64)) &&
    [a.targetUrl, a.recipientUrl].every((v) => text(v, 2048)) &&
    text(a.roleArn, 2048) &&
    optionalText(a.notOnOrAfter, 64) &&
    optionalText(a.issuer, 2048) &&
    (a.durationCap === undefined || (typeof a.durationCap === 'number' && Number.isInteger(a.durationCap)));
  return attemptOk ? (raw as StsContinuation) : undefined;
}
