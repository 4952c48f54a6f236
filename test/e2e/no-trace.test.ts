import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension } from '../support/firefox';
import { startMockServer, type MockServer } from '../support/mock-server';
import { assertionForms, decompressMozLz4, findTraces, type TraceForms } from '../support/profile-search';
import { PICKER_REDIRECT_PADDING } from '../../src/core/signin/picker-redirect';
import { DEFAULT_EXTENSION_DIR, launchWithExtension } from '../support/chromium';
import { describeSnss, navigations, readSessionFiles, type SessionFiles, type SnssCommand } from '../support/snss';
import { openPickerFromTile, tileUrl, warmUpCapture } from './helpers';

// The assertion and the STS credentials are bearer credentials: after a full sign-in, and after
// the browser is closed with a picker open, no file of the profile may hold them in any form.
// (Chromium keeps POST bodies in the tab's session history and writes them to its session files:
// the picker's own entry (loaded by the IdP's POST) has a URL too long for its records to keep the
// body until its first script replaces it, and the re-post is marked as holding a password, which
// Chromium never writes to disk; SECURITY.md, section 5.)
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
 * the profile: nothing may hold the secret, not even a record the session service wrote of the
 * picker's entry before the picker's first script replaced it (SECURITY.md, section 5).
 */
async function expectNoTrace(profile: string, forms: TraceForms): Promise<SessionFiles> {
  expect(await findTraces(profile, forms, (path) => path.startsWith(join('Default', 'Sessions')))).toEqual([]);
  const session = await readSessionFiles(profile, forms);
  const listing = Object.entries(session.files).map(([name, file]) => `${name}\n${describeSnss(file)}`).join('\n');
  expect(session.held, listing).toEqual([]);
  return session;
}

/** Records of the picker's entry as the IdP's POST committed it: its redirect URL, fragment and all. */
function paddedPickerRecords(session: SessionFiles, pickerUrl: string): SnssCommand[] {
  return navigations(session).filter((c) => c.url?.startsWith(`${pickerUrl}#`) && c.url.length > PICKER_REDIRECT_PADDING);
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
      const { forms } = await signInAndClose(profile, 'exk1notraceredirect', async (page) => {
        await page.getByRole('button', { name: /^Sign in/ }).click();
        await page.waitForURL(/^https:\/\/us-east-1\.console\.aws\.amazon\.com\//, { timeout: 20_000 });
      });
      expectUntouchedRepost(server.issued.at(-1)!.samlResponse);
      const session = await expectNoTrace(profile, forms);
      expect(navigations(session).some((c) => c.url?.startsWith('https://us-east-1.console.aws.amazon.com/'))).toBe(true);
    }));

  it('after a sign-in that AWS answers with a page (its role page, or a sign-in it shows)', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      const { forms } = await signInAndClose(profile, 'exk1notracepage', async (page) => {
        await page.getByRole('button', { name: /^Sign in/ }).click();
        await page.waitForURL('https://signin.aws.amazon.com/saml', { timeout: 20_000 });
        await page.getByRole('heading', { name: /Signed in \(mock\)/ }).waitFor();
      });
      expectUntouchedRepost(server.issued.at(-1)!.samlResponse);
      const session = await expectNoTrace(profile, forms);
      // Chromium did record the re-post as a POST: only without its body.
      expect(repostRecords(session, 'https://signin.aws.amazon.com/saml').length).toBeGreaterThan(0);
    }));

  it('after a full sign-in through STS into eu-west-1 (AWS refused the re-post with its page)', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      for (const host of US_EAST_1) server.setHostMode(host, 'down');
      const { forms } = await signInAndClose(profile, 'exk1notrace', async (page) => {
        await page.getByLabel(/^Region/).selectOption('eu-west-1');
        await page.getByRole('button', { name: /^Sign in/ }).click();
        await page.waitForURL(EU_CONSOLE, { timeout: 20_000 });
      });
      expectUntouchedRepost(server.issued.at(-1)!.samlResponse);
      expect(server.issuedCredentials.length).toBeGreaterThan(0);
      const secrets = secretsOfLastSignin();
      expect(Object.keys(secrets).filter((form) => /secret|session token/.test(form))).toHaveLength(4);
      const session = await expectNoTrace(profile, { ...forms, ...secrets });
      expect(repostRecords(session, 'https://eu-west-1.signin.aws.amazon.com/saml').length).toBeGreaterThan(0);
      expect(navigations(session).some((c) => c.url === EU_CONSOLE)).toBe(true);
      // expectNoTrace searched every file, History and Sessions/Session_* included: neither the
      // secret key nor the session token (raw or percent-encoded), nor the assertion, is anywhere.
      // Nor the sign-in token: the picker posts the login (Action=login, SigninToken) as a form from
      // its own tab, so no URL holds it, neither in the history nor in the session files, whose
      // console entry keeps only URLs (SECURITY.md, section 9).
      const token = { 'sign-in token': server.issuedSigninTokens.at(-1)!.slice(200, 296) };
      expect(await findTraces(profile, token)).toEqual([]);
      expect((await readSessionFiles(profile, token)).held).toEqual([]);
    }));

  it('after closing the browser with a picker open', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      const { forms, pickerUrl } = await signInAndClose(profile, 'exk1notraceopen', async () => undefined);
      const session = await expectNoTrace(profile, forms);
      expect(navigations(session).some((c) => c.url?.startsWith(pickerUrl))).toBe(true);
    }));

  /**
   * A copy of the build whose picker never replaces its history entry (public/forget-post.js emptied):
   * every record Chromium writes of the picker is then one of the entry the IdP's POST committed, body
   * and all, as when a save falls before that script runs. `plainRedirect` also takes the fragment off
   * the DNR redirect, as the rules were before.
   */
  async function buildWithoutForgetPost(plainRedirect: boolean): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'frp-no-forget-post-'));
    await cp(DEFAULT_EXTENSION_DIR, dir, { recursive: true, filter: (source) => !source.includes('_metadata') });
    await writeFile(join(dir, 'forget-post.js'), '');
    if (plainRedirect) {
      const path = join(dir, 'rules', 'intercept.json');
      const rules = JSON.parse(await readFile(path, 'utf8')) as Array<{ action: { redirect: { extensionPath: string } } }>;
      for (const rule of rules) rule.action.redirect.extensionPath = rule.action.redirect.extensionPath.split('#')[0]!;
      await writeFile(path, JSON.stringify(rules));
    }
    return dir;
  }

  /** Opens a picker from the tile with that copy and closes the browser with it open (which saves its records). */
  async function pickerWithoutForgetPost(profile: string, plainRedirect: boolean, appId: string): Promise<{ session: SessionFiles; pickerUrl: string }> {
    const extensionDir = await buildWithoutForgetPost(plainRedirect);
    try {
      const browser = await launchWithExtension({ server, headless: true, userDataDir: profile, extensionDir });
      let forms: TraceForms;
      try {
        await warmUpCapture(browser.context);
        const page = await browser.context.newPage();
        await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', appId));
        forms = assertionForms(server.issued.at(-1)!.samlResponse);
      } finally {
        await browser.close();
      }
      return { session: await readSessionFiles(profile, forms), pickerUrl: `chrome-extension://${browser.extensionId}/src/pages/picker/index.html` };
    } finally {
      await rm(extensionDir, { recursive: true, force: true });
    }
  }

  it('the records of the entry the IdP\'s POST commits hold no body, even if the picker never replaced it', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      const { session, pickerUrl } = await pickerWithoutForgetPost(profile, false, 'exk1notracepadded');
      const listing = Object.entries(session.files).map(([name, file]) => `${name}\n${describeSnss(file)}`).join('\n');
      expect(session.held, listing).toEqual([]);
      // Those records were written, and they are of the POST.
      expect(paddedPickerRecords(session, pickerUrl).filter((c) => c.hasPostData).length, listing).toBeGreaterThan(0);
    }));

  it('(without the fragment those records hold the body: what the test above would see)', { timeout: 90_000 }, () =>
    withProfile(async (profile) => {
      const { session, pickerUrl } = await pickerWithoutForgetPost(profile, true, 'exk1notraceplain');
      expect(paddedPickerRecords(session, pickerUrl)).toEqual([]);
      expect(session.held.filter((h) => h.command.url === pickerUrl && h.command.hasPostData).length).toBeGreaterThan(0);
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
