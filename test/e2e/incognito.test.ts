// A sign-in from an incognito window, for real: the extension allowed there as a user would allow it
// (chrome://extensions), Chrome's own incognito window, the picker in it, a worker of its own
// ("incognito": "split"). What the normal windows' storage holds afterwards is what outlives it.
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedExtension } from '../support/chromium';
import { startMockServer, type MockServer } from '../support/mock-server';
import { tileUrl } from './helpers';

const APP = 'exk1incognito';
const ISSUER = `http://www.okta.com/${APP}`;
const ADMIN = 'arn:aws:iam::111122223333:role/Admin';

let server: MockServer;
let browser: LaunchedExtension;

beforeAll(async () => {
  server = await startMockServer();
  browser = await launchWithExtension({ server, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Allows the extension in incognito as the user's toggle does; Chrome restarts it for that. */
async function allowInIncognito(): Promise<Worker> {
  const before = browser.serviceWorker;
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(async (extensionId) => {
    const api = (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> } } }).chrome;
    await api.developerPrivate.updateExtensionConfiguration({ extensionId, incognitoAccess: true });
  }, browser.extensionId);
  await page.close();
  await expect.poll(() => browser.context.serviceWorkers().some((w) => w !== before), { timeout: 10_000 }).toBe(true);
  return browser.context.serviceWorkers().find((w) => w !== before)!;
}

it('signs in from an incognito window without recording the sign-in as a recent one', async () => {
  const worker = await allowInIncognito();
  // Signed in before from a normal window, and set to skip the picker: the incognito picker signs
  // in by itself (no page of that window is reachable from here to click in).
  await worker.evaluate(
    ({ app, role }) =>
      chrome.storage.sync.set({ settings: { version: 1, recent: { [app]: [{ roleArn: role, region: 'us-east-1', at: 1 }] }, autoSignIn: { [app]: { roleArn: role, region: 'us-east-1' } } } }),
    { app: ISSUER, role: ADMIN },
  );
  // The incognito window's worker starts with the window: its first sign-in may come before its
  // listener (README, performance notes), so the tile is opened again until one gets through.
  let posted = false;
  for (let attempt = 0; attempt < 4 && !posted; attempt++) {
    await worker.evaluate((url) => chrome.windows.create({ incognito: true, url }), tileUrl({}, 'acme.okta.com', APP));
    posted = await server.waitForPost((p) => p.host === 'signin.aws.amazon.com', 10_000).then(() => true, () => false);
  }
  expect(posted).toBe(true);
  const stored = await worker.evaluate(() => chrome.storage.sync.get(null));
  const recent = JSON.stringify(stored).match(/"at":(\d+)/g);
  expect(recent).toEqual(['"at":1']);
});
