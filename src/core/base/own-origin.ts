// "Came from one of our own pages", the one rule for requests and message senders alike.
import { hostOf } from './url-host';

/** The origin a request came from: Chrome names it (`initiator`), Firefox gives the page's URL (`originUrl`). */
export function requestOrigin(request: { readonly initiator?: string | undefined; readonly originUrl?: string | undefined }): string | undefined {
  if (request.initiator !== undefined) return request.initiator;
  if (request.originUrl === undefined || !hostOf(request.originUrl)) return undefined;
  return new URL(request.originUrl).origin;
}

/** Whether a URL is a page of ours (`ownOrigin` is `chrome-extension://<id>` or `moz-extension://<uuid>`). */
export function isOwnPageUrl(url: string | undefined, ownOrigin: string): boolean {
  return url !== undefined && url.startsWith(`${ownOrigin}/`);
}
