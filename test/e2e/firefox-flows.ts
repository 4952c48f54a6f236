// The user's flows through the picker in Firefox ESR (puppeteer-core over WebDriver BiDi), shared by
// the tests of dist/firefox and of the addons.mozilla.org package (release-firefox.test.ts).
import type { Browser, Page } from 'puppeteer-core';
import { openPickerFromTile, waitInPage } from '../support/firefox';

export { openPickerFromTile, waitInPage };

export const PICKER_PATH = '/src/pages/picker/index.html';
export const DEPLOY_ARN = 'arn:aws:iam::444455556666:role/team/Deploy';

/** Runs `fn` in an extension page opened in a fresh tab (the picker is web-accessible), then closes it. */
export async function inExtensionPage<A, R>(browser: Browser, pickerOrigin: string, fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
  const page = await browser.newPage();
  try {
    await page.goto('https://acme.okta.com/');
    await page.evaluate((href) => location.assign(href), `${pickerOrigin}${PICKER_PATH}`);
    await waitInPage(page, () => location.protocol === 'moz-extension:', 'the extension page did not open');
    return (await page.evaluate(fn as (arg: unknown) => Promise<unknown>, arg)) as R;
  } finally {
    await page.close();
  }
}

/** Every storage area of the extension, read from one of its pages. */
export const extensionStorage = (browser: Browser, pickerOrigin: string): Promise<string> =>
  inExtensionPage(
    browser,
    pickerOrigin,
    async () => JSON.stringify(await Promise.all([chrome.storage.session.get(null), chrome.storage.local.get(null), chrome.storage.sync.get(null)])),
    undefined,
  );

/** The <select> a <label> starting with `label` names, chosen as a user would. */
export async function selectByLabel(page: Page, label: string, value: string): Promise<void> {
  const id = await page.evaluate((text) => {
    const found = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(text));
    return found?.control?.id;
  }, label);
  if (!id) throw new Error(`no control labelled "${label}…"`);
  await page.select(`#${id}`, value);
}

/** In the picker: chooses `region` and the Deploy role of 444455556666, and clicks Sign in. */
export async function signInAsDeploy(page: Page, region: string): Promise<void> {
  await selectByLabel(page, 'Region', region);
  await page.click(`input[type=radio][value="${DEPLOY_ARN}"]`);
  await page.click(`button[type=submit]::-p-text(Sign in as Deploy in ${region})`);
}

/** Waits until the tab is in `region`'s console. */
export function reachesConsole(page: Page, region: string, timeoutMs = 20_000): Promise<void> {
  const url = `https://${region}.console.aws.amazon.com/console/home?region=${region}`;
  return waitInPage(page, `location.href === ${JSON.stringify(url)}`, `the tab did not reach the ${region} console`, timeoutMs);
}
