import { message, type UserMessage } from '../core/words/user-message';

/**
 * A request from the extension to an AWS endpoint: no cookies, no cache, no referrer, redirects
 * not followed (an opaque redirect reads as 302), and a hard timeout that also covers reading the
 * answer, so a black-holed endpoint costs at most `timeoutMs`.
 */
export type BareAnswer<T> =
  | { readonly kind: 'answered'; readonly status: number; readonly value: T }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly error: unknown };

export interface BareRequest {
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export async function fetchBare<T>(url: string, init: BareRequest, timeoutMs: number, read: (response: Response) => Promise<T> | T): Promise<BareAnswer<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      method: init.method,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.body !== undefined ? { body: init.body } : {}),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    const status = response.type === 'opaqueredirect' ? 302 : response.status;
    return { kind: 'answered', status, value: await read(response) };
  } catch (error) {
    return controller.signal.aborted ? { kind: 'timeout' } : { kind: 'network', error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One request from the service worker to an AWS endpoint the core gates allowed (STS, federation),
 * as fetchBare makes it. The body is read up to `maxBytes`.
 */
export type AwsAnswer =
  | { readonly kind: 'answered'; readonly status: number; readonly text: string }
  | { readonly kind: 'network'; readonly problem: UserMessage }
  | { readonly kind: 'timeout'; readonly problem: UserMessage };

export async function requestAws(url: string, init: BareRequest, timeoutMs: number, maxBytes = 256 * 1024): Promise<AwsAnswer> {
  const answer = await fetchBare(url, init, timeoutMs, async (response) => (await response.text()).slice(0, maxBytes));
  switch (answer.kind) {
    case 'answered':
      return { kind: 'answered', status: answer.status, text: answer.value };
    case 'timeout':
      return { kind: 'timeout', problem: message('noAnswerWithin', { seconds: Math.round(timeoutMs / 1000) }) };
    case 'network':
      return {
        kind: 'network',
        problem: answer.error instanceof Error ? message('connectionFailedWith', { error: answer.error.message }) : message('connectionFailed'),
      };
  }
}
