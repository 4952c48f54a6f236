import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../support/chromium';
import { launchFirefoxWithExtension } from '../support/firefox';
import { startMockServer, type MockServer } from '../support/mock-server';
import { assertionForms, decompressMozLz4, findTraces, type TraceForms } from '../support/profile-search';
import { describeSnss, navigations, readSessionFiles, type SessionFiles, type SnssCommand } from '../support/snss';
import { openPickerFromTile, tileUrl, warmUpCapture } from './helpers';

// The assertion and the STS credentials are bearer credentials: after a full sign-in, and after
// the browser is closed with a picker open, no file of the profile may hold them in any form.
// (Chromium keeps POST bodies in the tab's session history and writes them to its session files:
// the picker's own entry (loaded by the IdP's POST) is replaced by its first script, and the re-post
// is marked as holding a password, which Chromium never writes to disk; SECURITY.md, section 5.)
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

/**
 * Chromium's session files, read command by command (test/support/snss.ts), and every other file of
 * the profile. Nothing may hold the secret, with one exception Chromium leaves no way to close (SECURITY.md,
 * section 5): the record of the picker's own commit, written with the IdP's POST body when the session
 * service saves between that commit and the picker's first script, which rewrites the entry at once.
 * Such a record must be the picker's, and superseded by a later record of the same entry without the body.
 */
async function expectNoTrace(profile: string, forms: TraceForms, pickerUrl: string): Promise<SessionFiles> {
  expect(await findTraces(profile, forms, (path) => path.startsWith(join('Default', 'Sessions')))).toEqual([]);
  const session = await readSessionFiles(profile, forms);
  const listing = Object.entries(session.files).map(([name, file]) => `${name}\n${describeSnss(file)}`).join('\n');
  const pickerRace = session.held.filter((h) => h.command.url?.startsWith(pickerUrl) && h.command.hasPostData && h.superseded);
  expect(session.held.filter((h) => !pickerRace.includes(h)), listing).toEqual([]);
  if (pickerRace.length) console.warn(`The picker's commit record was saved before its first script ran (${pickerRace.length}): see SECURITY.md, section 5.`);
  return session;
}

/** A history-entry record that proves the re-post was recorded as a POST (and, by expectNoTrace, without its body). */
function repostRecords(session: SessionFiles, url: string): SnssCommand[] {
  return navigations(session).filter((c) => c.url === url && c.hasPostData);
}

describe('no trace on disk: Chromium', () => {
  async function signInAndClose(profile: string, appId: string, run: (page: Page) => Promise<void>): Promise<{ forms: TraceForms; pickerUrl: string }> {
    const browser = await launchWithExtension({ server, headless: true, userDataDir: profile });
    try {
      await warmUpCapture(browser.context);
      const page = await browser.context.newPage();
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', appId));
      const forms = assertionForms(server.issued.at(-1)!.samlResponse);
      await run(page);
      // Give Chromium's session service its usual moment to write the tab's history.
      await page.waitForTimeout(1_500);
      return { forms, pickerUrl: `chrome-extension://${browser.extensionId}/src/pages/picker/index.html` };
    } finally {
      await browser.close();
      for (const host of US_EAST_1) server.setHostMode(host, 'up');
      server.redirectSignins(false);
    }
  }

  /** The re-post AWS received carries the IdP's fields and the chosen role, nothing else. */
  function expectUntouchedRepost(samlResponse: string): void {
    const post = server.received.at(-1)!;
    expect(Object.keys(post.fields).sort()).toEqual(['RelayState', 'SAMLResponse', 'roleIndex']);
    expect(post.fields.SAMLResponse).toBe(samlResponse);
  }

  it('after a sign-in that AWS redirects into the console', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      server.redirectSignins(true);
      const { forms, pickerUrl } = await signInAndClose(profile, 'exk1notraceredirect', async (page) => {
        await page.getByRole('button', { name: /^Sign in/ }).click();
        await page.waitForURL(/^https:\/\/us-east-1\.console\.aws\.amazon\.com\//, { timeout: 20_000 });
      });
      expectUntouchedRepost(server.issued.at(-1)!.samlResponse);
      const session = await expectNoTrace(profile, forms, pickerUrl);
      expect(navigations(session).some((c) => c.url?.startsWith('https://us-east-1.console.aws.amazon.com/'))).toBe(true);
    }));

  it('after a sign-in that AWS answers with a page (its role page, or a sign-in it shows)', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      const { forms, pickerUrl } = await signInAndClose(profile, 'exk1notracepage', async (page) => {
        await page.getByRole('button', { name: /^Sign in/ }).click();
        await page.waitForURL('https://signin.aws.amazon.com/saml', { timeout: 20_000 });
        await page.getByRole('heading', { name: /Signed in \(mock\)/ }).waitFor();
      });
      expectUntouchedRepost(server.issued.at(-1)!.samlResponse);
      const session = await expectNoTrace(profile, forms, pickerUrl);
      // Chromium did record the re-post as a POST: only without its body.
      expect(repostRecords(session, 'https://signin.aws.amazon.com/saml').length).toBeGreaterThan(0);
    }));

  it('after a full sign-in through STS into eu-west-1 (AWS refused the re-post with its page)', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      for (const host of US_EAST_1) server.setHostMode(host, 'down');
      const { forms, pickerUrl } = await signInAndClose(profile, 'exk1notrace', async (page) => {
        await page.getByLabel(/^Region/).selectOption('eu-west-1');
        await page.getByRole('button', { name: /^Sign in/ }).click();
        await page.waitForURL(EU_CONSOLE, { timeout: 20_000 });
      });
      expectUntouchedRepost(server.issued.at(-1)!.samlResponse);
      expect(server.issuedCredentials.length).toBeGreaterThan(0);
      const secrets = secretsOfLastSignin();
      expect(Object.keys(secrets).filter((form) => /secret|session token/.test(form))).toHaveLength(4);
      const session = await expectNoTrace(profile, { ...forms, ...secrets }, pickerUrl);
      expect(repostRecords(session, 'https://eu-west-1.signin.aws.amazon.com/saml').length).toBeGreaterThan(0);
      expect(navigations(session).some((c) => c.url === EU_CONSOLE)).toBe(true);
    }));

  it('after closing the browser with a picker open', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      const { forms, pickerUrl } = await signInAndClose(profile, 'exk1notraceopen', async () => undefined);
      const session = await expectNoTrace(profile, forms, pickerUrl);
      expect(navigations(session).some((c) => c.url?.startsWith(pickerUrl))).toBe(true);
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
