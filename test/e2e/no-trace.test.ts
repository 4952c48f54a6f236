import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../support/chromium';
import { launchFirefoxWithExtension } from '../support/firefox';
import { startMockServer, type MockServer } from '../support/mock-server';
import { assertionForms, decompressMozLz4, findTraces, type TraceForms } from '../support/profile-search';
import { openPickerFromTile, tileUrl, warmUpCapture } from './helpers';

// The assertion and the STS credentials are bearer credentials: after a full sign-in, and after
// the browser is closed with a picker open, no file of the profile may hold them in any form.
// (Chromium loads the picker by a POST carrying the IdP's form body and would keep that body in the
// tab's session history: the picker replaces its history entry first.)
const EU_CONSOLE = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
const US_EAST_1 = ['signin.aws.amazon.com', 'us-east-1.signin.aws.amazon.com', 'sts.amazonaws.com', 'sts.us-east-1.amazonaws.com'];

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(async () => {
  await server?.close();
});

function secretsOfLastSignin(): TraceForms {
  const forms: Record<string, string> = { ...assertionForms(server.issued.at(-1)!.samlResponse) };
  const credentials = server.issuedCredentials.at(-1);
  if (credentials) {
    forms['secret access key'] = credentials.secretAccessKey;
    forms['secret access key (percent-encoded)'] = encodeURIComponent(credentials.secretAccessKey);
    forms['session token'] = credentials.sessionToken.slice(-80);
    forms['session token (percent-encoded)'] = encodeURIComponent(credentials.sessionToken).slice(-80);
  }
  return forms;
}

async function withProfile(run: (profile: string) => Promise<void>): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'frp-no-trace-'));
  try {
    await run(profile);
  } finally {
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

describe('no trace on disk: Chromium', () => {
  // The assertion itself is still found here: Chromium's append-only Session_ file keeps the POST
  // bodies of the sign-in's navigations (the picker's own entry, the re-post AWS refused) even though
  // both pages replace their history entries at once (SECURITY.md, section 5, "Gaps"). Until that is
  // solved this case checks the STS credentials only; the picker-open case below checks the assertion.
  it('after a full sign-in through STS into eu-west-1 and a clean exit: no STS credentials', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      const browser = await launchWithExtension({ server, headless: true, userDataDir: profile });
      try {
        await warmUpCapture(browser.context);
        for (const host of US_EAST_1) server.setHostMode(host, 'down');
        const page = await browser.context.newPage();
        await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1notrace'));
        await page.getByLabel(/^Region/).selectOption('eu-west-1');
        await page.getByRole('button', { name: /^Sign in/ }).click();
        await page.waitForURL(EU_CONSOLE, { timeout: 20_000 });
        // Give Chromium's session service its usual moment to write the tab's history.
        await page.waitForTimeout(1_500);
      } finally {
        await browser.close();
        for (const host of US_EAST_1) server.setHostMode(host, 'up');
      }
      expect(server.issuedCredentials.length).toBeGreaterThan(0);
      const credentialsOnly = Object.fromEntries(Object.entries(secretsOfLastSignin()).filter(([form]) => /secret|session token/.test(form)));
      expect(Object.keys(credentialsOnly)).toHaveLength(4);
      expect(await findTraces(profile, credentialsOnly)).toEqual([]);
    }));

  it('after closing the browser with a picker open', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      const browser = await launchWithExtension({ server, headless: true, userDataDir: profile });
      try {
        await warmUpCapture(browser.context);
        const page = await browser.context.newPage();
        await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1notraceopen'));
        await page.waitForTimeout(1_500);
      } finally {
        await browser.close();
      }
      expect(await findTraces(profile, assertionForms(server.issued.at(-1)!.samlResponse))).toEqual([]);
    }));
});

/** Polls `predicate` in the page (BiDi reports no navigation to moz-extension: pages). */
async function waitInPage(page: FirefoxPage, predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(predicate).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Firefox: ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function openFirefoxPicker(page: FirefoxPage, url: string): Promise<void> {
  await page.goto(`${new URL(url).origin}/`);
  await page.evaluate((href) => location.assign(href), url);
  await waitInPage(page, () => location.protocol === 'moz-extension:' && document.querySelector('button[type=submit]') !== null, 'the picker did not open');
}

/** Session files Firefox wrote, decompressed and parsed: proves the search could read them. */
async function firefoxSessionFiles(profile: string): Promise<number> {
  let parsed = 0;
  for (const entry of await readdir(profile, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(jsonlz4|baklz4)$/.test(entry.name)) continue;
    const bytes = await readFile(join(entry.parentPath, entry.name));
    JSON.parse(decompressMozLz4(bytes).toString('utf8'));
    parsed++;
  }
  return parsed;
}

describe('no trace on disk: Firefox', () => {
  it('after a full sign-in through STS into eu-west-1, and after quitting with a picker open', { timeout: 120_000 }, () =>
    withProfile(async (profile) => {
      const firefox = await launchFirefoxWithExtension({ server, userDataDir: profile });
      let signedIn: TraceForms;
      try {
        for (const host of US_EAST_1) server.setHostMode(host, 'down');
        const page = await firefox.browser.newPage();
        await openFirefoxPicker(page, tileUrl({}, 'acme.okta.com', 'exk1ffnotrace'));
        await page.select('#region', 'eu-west-1');
        await page.click('button[type=submit]');
        await waitInPage(page, () => location.href.startsWith('https://eu-west-1.console.aws.amazon.com/'), 'the tab did not reach the console', 20_000);
        signedIn = secretsOfLastSignin();
        // A second picker stays open while Firefox quits.
        const open = await firefox.browser.newPage();
        await openFirefoxPicker(open, tileUrl({}, 'acme.okta.com', 'exk1ffnotraceopen'));
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      } finally {
        await firefox.close();
        for (const host of US_EAST_1) server.setHostMode(host, 'up');
      }
      const stillOpen = assertionForms(server.issued.at(-1)!.samlResponse);
      expect(await findTraces(profile, signedIn!)).toEqual([]);
      expect(await findTraces(profile, stillOpen)).toEqual([]);
      expect(await firefoxSessionFiles(profile)).toBeGreaterThan(0);
    }));
});
