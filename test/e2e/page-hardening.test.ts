// The picker against pages that try to misuse it: a window.open()er keeping a handle on it, a
// click-jacking page timing a click onto "Sign in" as the window appears, and CLI credentials
// left on the clipboard after the picker is gone.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionSuite, openPickerFromTile, tileUrl } from './helpers';

const suite = extensionSuite();
const CLEAR_ALARM = 'clear-copied-credentials';

afterEach(async () => {
  for (const page of suite.browser.context.pages()) await page.close();
  await suite.worker.evaluate(() => chrome.storage.sync.remove('settings'));
  suite.server.clearReceived();
});

async function clipboardText(): Promise<string> {
  const page = await suite.browser.context.newPage();
  await page.goto('https://acme.okta.com/');
  try {
    return await page.evaluate(() => navigator.clipboard.readText());
  } finally {
    await page.close();
  }
}

async function copyCredentials(page: Page, app: string): Promise<void> {
  await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', app));
  await page.getByLabel(/^Region/).selectOption('eu-west-1');
  await page.getByRole('radio', { name: /Deploy.*444455556666/ }).check();
  await page.getByRole('button', { name: 'Copy CLI credentials' }).click();
  await page.getByText('Copied to the clipboard.').waitFor({ timeout: 20_000 });
}

describe('the picker against a hostile page', () => {
  it('drops the opener of a window a page opened onto the IdP tile', async () => {
    const opener = await suite.browser.context.newPage();
    await opener.goto('https://acme.okta.com/');
    const [picker] = await Promise.all([
      suite.browser.context.waitForEvent('page'),
      opener.evaluate((url) => void window.open(url, '_blank', 'popup'), tileUrl({}, 'acme.okta.com', 'exk1opener')),
    ]);
    await picker.waitForURL(/^chrome-extension:\/\/[a-p]{32}\/src\/pages\/picker\/index\.html/, { timeout: 15_000 });
    await picker.getByRole('button', { name: /^Sign in/ }).waitFor({ timeout: 15_000 });
    await expect(picker.evaluate(() => window.opener === null)).resolves.toBe(true);
  });

  it('ignores a pointer click on Sign in as the picker appears, says so, and signs in on a click once armed', async () => {
    const page = await suite.browser.context.newPage();
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1armed'));
    const signIn = page.getByRole('button', { name: /^Sign in/ });
    // A click-jacking page times a real mouse click onto the button the moment it shows.
    await signIn.click({ force: true });
    await page.getByText('The page has just appeared: click again to confirm.').waitFor({ timeout: 5_000 });
    expect(page.url()).toMatch(/^chrome-extension:/);
    expect(suite.server.received).toEqual([]);
    // Playwright waits until the button is no longer arming, as a person's second click would.
    await signIn.click();
    await suite.server.waitForPost((p) => p.host === 'signin.aws.amazon.com', 15_000);
  });

  it('signs in on Enter at once: the keyboard never waits for the arming', async () => {
    const page = await suite.browser.context.newPage();
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1enter'));
    await page.keyboard.press('Enter');
    await suite.server.waitForPost((p) => p.host === 'signin.aws.amazon.com', 15_000);
  });
});

describe('clearing copied CLI credentials', () => {
  it('clears the clipboard a minute after the copy when set so, even once the picker is closed', async () => {
    await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await suite.worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, clearCopiedCredentials: true } }));
    const page = await suite.browser.context.newPage();
    const copiedAt = Date.now();
    await copyCredentials(page, 'exk1clear');
    const credentials = suite.server.issuedCredentials.at(-1)!;
    expect(await clipboardText()).toContain(credentials.secretAccessKey);
    const alarm = await suite.worker.evaluate((name) => chrome.alarms.get(name), CLEAR_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(copiedAt + 60_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 60_000);
    await page.close();
    // The minute passes without the test waiting it out: the same alarm, due now.
    await suite.worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), CLEAR_ALARM);
    // The worker may have to start the extension's process again for the offscreen document (the picker,
    // its last page, is closed): on a busy machine that alone has taken seconds.
    await expect.poll(clipboardText, { timeout: 30_000 }).toBe('');
    await expect(suite.worker.evaluate((name) => chrome.alarms.get(name), CLEAR_ALARM)).resolves.toBeUndefined();
  });

  it('leaves the clipboard alone by default', async () => {
    await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await suite.browser.context.newPage();
    await copyCredentials(page, 'exk1keep');
    await expect(suite.worker.evaluate((name) => chrome.alarms.get(name), CLEAR_ALARM)).resolves.toBeUndefined();
  });
});

describe('the picker in an incognito window', () => {
  it('asks Chrome for a process of its own there (split), so the picker can load in the incognito tab', async () => {
    const manifest = await suite.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.incognito).toBe('split');
  });
});
