/**
 * What became of the picker's re-post, from the browser's view of that one request. AWS either
 * processed the assertion (any answer below 500: the console redirect, its role page, its error
 * page) or never did (a 5xx, a failed connection, no answer): then the assertion is unused and
 * still good until it expires, so the user may retry in another region.
 */
export type RepostOutcome =
  | { readonly kind: 'processed'; readonly status: number }
  | { readonly kind: 'failed'; readonly reason: 'http' | 'network' | 'timeout'; readonly detail: string };

/** No answer within this long: the endpoint is treated as hanging and the user is told. */
export const REPOST_TIMEOUT_MS = 15_000;

export function outcomeOfStatus(status: number): RepostOutcome {
  return status >= 500
    ? { kind: 'failed', reason: 'http', detail: `answered with HTTP ${status}` }
    : { kind: 'processed', status };
}

/**
 * A failed load, or undefined when it is not a failure of the endpoint: a load the user (or we)
 * abandoned by navigating elsewhere says nothing about AWS.
 */
export function outcomeOfError(error: string): RepostOutcome | undefined {
  if (/ERR_ABORTED|NS_BINDING_ABORTED|ERR_BLOCKED_BY_CLIENT/i.test(error)) return undefined;
  const words: Record<string, string> = {
    ERR_CONNECTION_RESET: 'the connection was reset',
    ERR_CONNECTION_CLOSED: 'the connection was closed',
    ERR_CONNECTION_REFUSED: 'the connection was refused',
    ERR_TIMED_OUT: 'the connection timed out',
    ERR_CONNECTION_TIMED_OUT: 'the connection timed out',
    ERR_NAME_NOT_RESOLVED: 'the host name could not be resolved',
    ERR_EMPTY_RESPONSE: 'it sent an empty response',
  };
  const code = /ERR_[A-Z_]+|NS_ERROR_[A-Z_]+/.exec(error)?.[0];
  return { kind: 'failed', reason: 'network', detail: (code && words[code]) ?? `the connection failed (${error})` };
}

export function timeoutOutcome(): RepostOutcome {
  return { kind: 'failed', reason: 'timeout', detail: `no answer within ${REPOST_TIMEOUT_MS / 1000} s` };
}
