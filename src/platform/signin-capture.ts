import { isInterceptableSignin, readSigninForm, type CapturedSignin } from '../core/captured-signin';
import { ownOrigin } from './extension';

const SIGNIN_URL_PATTERNS = [
  'https://signin.aws.amazon.com/saml*',
  'https://*.signin.aws.amazon.com/saml*',
  'https://signin.amazonaws-us-gov.com/saml*',
  'https://*.signin.amazonaws-us-gov.com/saml*',
  'https://signin.amazonaws.cn/saml*',
  'https://*.signin.amazonaws.cn/saml*',
];

/**
 * Chrome: the static DNR rule (public/rules/intercept.json) turns the IdP's POST into a
 * navigation to the picker before any byte reaches AWS; this non-blocking listener copies the
 * form fields so the picker can read them. The two race, so the picker waits for the capture
 * (REFERENCE §5). Must be registered synchronously at the worker's top level so Chrome wakes
 * the worker for the event.
 */
export function listenForSigninPosts(onCapture: (capture: CapturedSignin) => void): void {
  const origin = ownOrigin();
  chrome.webRequest.onBeforeRequest.addListener(
    (details) => {
      const request = {
        url: details.url,
        method: details.method,
        type: details.type,
        initiator: details.initiator,
        tabId: details.tabId,
        timeStamp: details.timeStamp,
      };
      if (!isInterceptableSignin(request, origin)) return undefined;
      const form = readSigninForm(details.requestBody ?? undefined);
      if (!form) return undefined;
      onCapture({
        ...form,
        url: details.url,
        tabId: details.tabId,
        capturedAt: Date.now(),
        ...(details.initiator ? { initiator: details.initiator } : {}),
      });
      return undefined;
    },
    { urls: SIGNIN_URL_PATTERNS, types: ['main_frame'] },
    ['requestBody'],
  );
}
