import type { CapturedSignin } from '../core/signin/capture';
import { checkCapturedSignin } from '../core/signin/capture-check';
import { decodeSamlResponse, SamlResponseError, type SamlAssertionInfo } from '../core/saml/decode';
import { message, type UserMessage } from '../core/words/user-message';
import { readCapture } from '../platform/session-store';
import { parseXml } from '../platform/xml';

/**
 * The tab's captured sign-in, read from session storage (where only our worker writes it), checked
 * and decoded with the page's own parser. Every call to AWS a click starts begins here, once per click.
 */
export type TabAssertion =
  | { readonly ok: true; readonly capture: CapturedSignin; readonly info: SamlAssertionInfo }
  | { readonly ok: false; readonly problem: 'gone' }
  | { readonly ok: false; readonly problem: 'unreadable'; readonly refusal: UserMessage };

export async function readTabAssertion(tabId: number): Promise<TabAssertion> {
  const capture = checkCapturedSignin(await readCapture(tabId));
  if (!capture) return { ok: false, problem: 'gone' };
  try {
    return { ok: true, capture, info: decodeSamlResponse(capture.samlResponse, parseXml) };
  } catch (error) {
    return { ok: false, problem: 'unreadable', refusal: error instanceof SamlResponseError ? error.userMessage : message('decodeUnreadable') };
  }
}
