import { own } from '../base/own';
import { message, type UserMessage } from '../words/user-message';

/**
 * What became of the picker's re-post, from the browser's view of that one request. AWS either
 * processed the assertion (any answer below 500: the console redirect, its role page, its error
 * page) or never did (a 5xx, a failed connection, no answer): then the assertion is unused and
 * still good until it expires, so the user may retry in another region.
 */
export type RepostOutcome =
  | { readonly kind: 'processed'; readonly status: number }
  /** `detail`: what failed, as part of a sentence ("the connection was reset"). */
  | { readonly kind: 'failed'; readonly reason: 'http' | 'network' | 'timeout'; readonly detail: UserMessage };

/** No answer within this long: the endpoint is treated as hanging and the user is told. */
export const REPOST_TIMEOUT_MS = 15_000;

export function outcomeOfStatus(status: number): RepostOutcome {
  return status >= 500
    ? { kind: 'failed', reason: 'http', detail: message('answeredHttp', { status }) }
    : { kind: 'processed', status };
}

/**
 * A failed load, or undefined when it is not a failure of the endpoint: a load the user (or we)
 * abandoned by navigating elsewhere says nothing about AWS.
 */
export function outcomeOfError(error: string): RepostOutcome | undefined {
  if (/ERR_ABORTED|NS_BINDING_ABORTED|ERR_BLOCKED_BY_CLIENT/i.test(error)) return undefined;
  const words: Record<string, UserMessage> = {
    ERR_CONNECTION_RESET: message('connectionReset'),
    ERR_CONNECTION_CLOSED: message('connectionClosed'),
    ERR_CONNECTION_REFUSED: message('connectionRefused'),
    ERR_TIMED_OUT: message('connectionTimedOut'),
    ERR_CONNECTION_TIMED_OUT: message('connectionTimedOut'),
    ERR_NAME_NOT_RESOLVED: message('hostNotResolved'),
    ERR_EMPTY_RESPONSE: message('emptyResponse'),
  };
  const code = /ERR_[A-Z_]+|NS_ERROR_[A-Z_]+/.exec(error)?.[0];
  return { kind: 'failed', reason: 'network', detail: (code && own(words, code)) || message('connectionFailedWith', { error }) };
}

export function timeoutOutcome(): RepostOutcome {
  return { kind: 'failed', reason: 'timeout', detail: message('noAnswerWithin', { seconds: REPOST_TIMEOUT_MS / 1000 }) };
}
