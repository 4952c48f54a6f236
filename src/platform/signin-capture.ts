import { browser } from './browser-api';
import { isInterceptableSignin, readSigninForm, type CapturedSignin, type SigninRequestBody } from '../core/signin/capture';
import { ownRequestDnrRules, sameDnrRules } from '../core/aws/dnr-rules';
import { signinMatchPatterns } from '../core/aws/endpoints';
import { requestOrigin } from '../core/base/own-origin';
import { CAPTURES_WITH_STATIC_RULE } from './browser-target';
import { PICKER_PATH, extensionUrl, ownOrigin } from './extension';

const SIGNIN_URL_PATTERNS = signinMatchPatterns();

/** Firefox holds the IdP's POST while the capture is written; never longer than this. */
const CAPTURE_WRITE_WAIT_MS = 2_000;

/** What both browsers tell a listener about a request (Firefox has `originUrl`, Chrome `initiator`). */
interface SigninRequestDetails {
  url: string;
  method: string;
  type: string;
  tabId: number;
  timeStamp: number;
  initiator?: string | undefined;
  originUrl?: string | undefined;
  requestBody?: SigninRequestBody | null | undefined;
}

const RULESET_ID = 'intercept-saml-post';
// Until the stored switch is read, a Firefox listener waits for it (a blocking listener may).
let interceptionEnabled: Promise<boolean> = Promise.resolve(true);

/**
 * Turns interception on or off (settings, or an enterprise policy). In Chrome the static rule
 * itself is switched, and stays switched across worker restarts.
 */
export async function setInterceptionEnabled(value: Promise<boolean>): Promise<void> {
  interceptionEnabled = value;
  const on = await value;
  if (CAPTURES_WITH_STATIC_RULE) {
    await browser.declarativeNetRequest.updateEnabledRulesets(on ? { enableRulesetIds: [RULESET_ID] } : { disableRulesetIds: [RULESET_ID] });
  }
}

/**
 * Chrome: writes the dynamic rules that let our own pages' POSTs to a sign-in endpoint through (the
 * re-post, "continue to AWS's own page"), for the id this install really runs under, and rewrites
 * them only when they differ. Dynamic rules outlive worker restarts, browser restarts and updates;
 * the worker still checks them at every start, so an install is never without them. Firefox needs
 * none: its listener tells our own requests by their origin.
 */
export async function letOwnPostsThrough(): Promise<void> {
  if (!CAPTURES_WITH_STATIC_RULE) return;
  const dnr = browser.declarativeNetRequest;
  const wanted = ownRequestDnrRules(browser.runtime.id);
  const present = await dnr.getDynamicRules();
  if (sameDnrRules(present, wanted)) return;
  await dnr.updateDynamicRules({
    removeRuleIds: present.map((rule) => rule.id),
    addRules: wanted as unknown as Parameters<typeof dnr.updateDynamicRules>[0]['addRules'],
  });
}

/**
 * Watches top-level POSTs to AWS SAML sign-in endpoints and hands each IdP sign-in to `onCapture`.
 * Must be registered synchronously at the background's top level so the browser wakes it for the
 * event. If `onCapture` returns a promise, Firefox waits for it (up to 2 s) before opening the picker.
 *
 * - Chrome: the static DNR rule turns the POST into a navigation to the picker before any byte
 *   reaches AWS; this non-blocking listener only copies the form fields. The two race, so the
 *   picker waits for the capture (docs/interception.md#catching-the-idps-post).
 * - Firefox: no DNR rule (its extension origin is a random per-install UUID, so the rule could not
 *   exclude our own re-post). A blocking listener stores the capture, then redirects to the picker
 *   itself; a POST whose form cannot be read goes on to AWS untouched.
 */
export function listenForSigninPosts(onCapture: (capture: CapturedSignin) => void | Promise<unknown>): void {
  if (!CAPTURES_WITH_STATIC_RULE) redirectSigninPosts(onCapture);
  else copySigninPosts(onCapture);
}

function copySigninPosts(onCapture: (capture: CapturedSignin) => unknown): void {
  const origin = ownOrigin();
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      // Chrome names the initiator, which the polyfill's types leave out.
      const capture = captureOf(details as typeof details & SigninRequestDetails, origin);
      if (capture) void interceptionEnabled.then((on) => on && onCapture(capture));
      return undefined;
    },
    { urls: SIGNIN_URL_PATTERNS, types: ['main_frame'] },
    ['requestBody'],
  );
}

function redirectSigninPosts(onCapture: (capture: CapturedSignin) => unknown): void {
  const origin = ownOrigin();
  const pickerUrl = extensionUrl(PICKER_PATH);
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      // The polyfill's types give formData as Record<string, string>; Firefox sends string arrays.
      const capture = captureOf({ ...details, requestBody: details.requestBody as SigninRequestBody | undefined }, origin);
      if (!capture) return undefined;
      return interceptionEnabled.then((on) => {
        if (!on) return {};
        let timer: ReturnType<typeof setTimeout> | undefined;
        const written = Promise.resolve(onCapture(capture)).catch(() => undefined);
        const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, CAPTURE_WRITE_WAIT_MS)));
        return Promise.race([written, waited]).then(() => {
          clearTimeout(timer);
          return { redirectUrl: pickerUrl };
        });
      });
    },
    { urls: SIGNIN_URL_PATTERNS, types: ['main_frame'] },
    ['blocking', 'requestBody'],
  );
}

function captureOf(details: SigninRequestDetails, ownOrigin: string): CapturedSignin | undefined {
  const initiator = requestOrigin(details);
  const request = {
    url: details.url,
    method: details.method,
    type: details.type,
    initiator,
    tabId: details.tabId,
    timeStamp: details.timeStamp,
  };
  if (!isInterceptableSignin(request, ownOrigin)) return undefined;
  const form = readSigninForm(details.requestBody ?? undefined);
  if (!form) return undefined;
  return {
    ...form,
    url: details.url,
    tabId: details.tabId,
    capturedAt: Date.now(),
    ...(initiator ? { initiator } : {}),
  };
}
