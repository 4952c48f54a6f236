import { message, type UserMessage } from '../core/words/user-message';

/**
 * One request from the service worker to an AWS endpoint the core gates allowed (STS, federation):
 * no cookies, no cache, no referrer, a hard timeout. The body is read up to `maxBytes`.
 */
export type AwsAnswer =
  | { readonly kind: 'answered'; readonly status: number; readonly text: string }
  | { readonly kind: 'network'; readonly problem: UserMessage }
  | { readonly kind: 'timeout'; readonly problem: UserMessage };

export async function requestAws(
  url: string,
  init: { readonly method: 'GET' | 'POST'; readonly headers?: Readonly<Record<string, string>>; readonly body?: string },
  timeoutMs: number,
  maxBytes = 256 * 1024,
): Promise<AwsAnswer> {
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
    const text = (await response.text()).slice(0, maxBytes);
    return { kind: 'answered', status: response.type === 'opaqueredirect' ? 302 : response.status, text };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout', problem: message('noAnswerWithin', { seconds: Math.round(timeoutMs / 1000) }) };
    return {
      kind: 'network',
      problem: error instanceof Error ? message('connectionFailedWith', { error: error.message }) : message('connectionFailed'),
    };
  } finally {
    clearTimeout(timer);
  }
}
