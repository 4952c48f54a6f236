import type { CapturedSignin } from '../core/signin/capture';
import { checkCapturedSignin } from '../core/signin/capture-check';
import { parseSamlResponse, SamlResponseError, type SamlAssertionInfo } from '../core/saml/parse';
import { message, type UserMessage } from '../core/words/user-message';
import { readCapture } from '../platform/session-store';

/**
 * The tab's captured sign-in, read from session storage, validated and decoded here (never trusted
 * from a page). Every worker action on the assertion starts here, once per request.
 */
export type TabAssertion =
  | { readonly ok: true; readonly capture: CapturedSignin; readonly info: SamlAssertionInfo }
  | { readonly ok: false; readonly problem: 'gone' }
  | { readonly ok: false; readonly problem: 'unreadable'; readonly refusal: UserMessage };

export async function readTabAssertion(tabId: number): Promise<TabAssertion> {
  const capture = checkCapturedSignin(await readCapture(tabId));
  if (!capture) return { ok: false, problem: 'gone' };
  try {
    return { ok: true, capture, info: parseSamlResponse(capture.samlResponse) };
  } catch (error) {
    return { ok: false, problem: 'unreadable', refusal: error instanceof SamlResponseError ? error.userMessage : message('decodeUnreadable') };
  }
}
