import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPagesCsp } from '../../src/core/aws/pages-csp';
import { REPO_ROOT } from '../support/chromium';
import { launchFirefoxWithExtension, openPickerFromTile as openFirefoxPicker, waitInPage, type LaunchedFirefox } from '../support/firefox';
import { startMockServer, type MockServer } from '../support/mock-server';
import { extensionSuite, openPickerFromTile, tileUrl } from './helpers';

// The extension pages' CSP (manifest `content_security_policy.extension_pages`, derived from the
// endpoint catalog: src/core/aws/pages-csp.ts) holds the pages and the worker to AWS's sign-in, console
// and STS hosts, in the browser itself. `acme.okta.com` is served by the mock like any host the
// tests use, so without the policy these requests would go out.
const OUTSIDE = 'https://acme.okta.com/';
/** An AWS host outside the catalog: the STS hosts are listed one by one, no `*.amazonaws.com`. */
const OTHER_AWS_SERVICE = 'https://ec2.us-east-1.amazonaws.com/';
const ALLOWED = ['https://eu-west-1.signin.aws.amazon.com/static/saml-metadata.xml', 'https://sts.eu-west-1.amazonaws.com/'];

type Outcome = { readonly answered: boolean; readonly violations: readonly string[] };

/** Fetches `url` from the page or worker it runs in; what the fetch did and which CSP violations it raised. */
async function tryFetch(url: string): Promise<Outcome> {
  const violations: string[] = [];
  const scope = typeof document === 'undefined' ? self : document;
  const listener = (event: Event) => violations.push((event as SecurityPolicyViolationEvent).effectiveDirective);
  scope.addEventListener('securitypolicyviolation', listener);
  const answered = await fetch(url, { credentials: 'omit', cache: 'no-store' }).then(
    () => true,
    () => false,
  );
  // The violation event is queued as a task: let it arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  scope.removeEventListener('securitypolicyviolation', listener);
  return { answered, violations };
}

/**
 * Posts a form to `url` from the page; resolves with the CSP directive that refused it, or 'none'
 * when no violation came within 2 s. (Firefox's submit() also throws the CSP's refusal.)
 */
function tryFormPost(url: string): Promise<string> {
  return new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
    setTimeout(() => resolve('none'), 2_000);
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = url;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'probe';
    input.value = 'csp';
    form.append(input);
    document.body.append(form);
    try {
      form.submit();
    } catch {
      // The violation event says which directive refused it.
    }
  });
}

it('is in both builds exactly as the catalog derives it', () => {
  for (const build of ['dist/chrome', 'dist/firefox']) {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, build, 'manifest.json'), 'utf8')) as { content_security_policy?: { extension_pages?: string } };
    expect(manifest.content_security_policy, build).toEqual({ extension_pages: extensionPagesCsp() });
  }
});

describe('the extension pages\' CSP: Chromium', () => {
  const suite = extensionSuite();
  const pickerPage = async (): Promise<Page> => {
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${suite.browser.extensionId}/src/pages/picker/index.html`);
    return page;
  };

  it('lets the picker reach the sign-in and STS hosts, and refuses any other host', async () => {
    const page = await pickerPage();
    for (const url of ALLOWED) expect(await page.evaluate(tryFetch, url), url).toEqual({ answered: true, violations: [] });
    for (const url of [OUTSIDE, OTHER_AWS_SERVICE]) expect(await page.evaluate(tryFetch, url), url).toEqual({ answered: false, violations: ['connect-src'] });
    await page.close();
  });

  it('holds the service worker to the same hosts', async () => {
    for (const url of ALLOWED) expect(await suite.worker.evaluate(tryFetch, url), url).toEqual({ answered: true, violations: [] });
    expect(await suite.worker.evaluate(tryFetch, OUTSIDE)).toEqual({ answered: false, violations: ['connect-src'] });
  });

  it('refuses a form post to a host outside the catalog, and the page stays', async () => {
    const page = await pickerPage();
    expect(await page.evaluate(tryFormPost, OUTSIDE)).toBe('form-action');
    expect(page.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/src\/pages\/picker\/index\.html$/);
    await page.close();
  });

  it('follows AWS\'s redirect after an accepted re-post into the console (Chromium checks form-action on redirects)', async () => {
    suite.server.redirectSignins(true);
    try {
      const page = await suite.browser.context.newPage();
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1cspredirect'));
      await page.getByRole('button', { name: /^Sign in/ }).click();
      await page.waitForURL(/^https:\/\/us-east-1\.console\.aws\.amazon\.com\/console\/home\?region=us-east-1$/, { timeout: 20_000 });
      await page.close();
    } finally {
      suite.server.redirectSignins(false);
    }
  });
});

describe('the extension pages\' CSP: Firefox', () => {
  let server: MockServer;
  let firefox: LaunchedFirefox;
  beforeAll(async () => {
    server = await startMockServer();
    firefox = await launchFirefoxWithExtension({ server });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('refuses fetches and form posts to hosts outside the catalog, and signs in through AWS\'s redirect', { timeout: 60_000 }, async () => {
    server.redirectSignins(true);
    const page = await firefox.browser.newPage();
    await openFirefoxPicker(page, tileUrl({ submit: 'script' }, 'acme.okta.com', 'exk1cspfirefox'));
    for (const url of ALLOWED) expect(await page.evaluate(tryFetch, url), url).toEqual({ answered: true, violations: [] });
    for (const url of [OUTSIDE, OTHER_AWS_SERVICE]) expect(await page.evaluate(tryFetch, url), url).toEqual({ answered: false, violations: ['connect-src'] });
    expect(await page.evaluate(tryFormPost, OUTSIDE)).toBe('form-action');
    expect(await page.evaluate(() => location.protocol)).toBe('moz-extension:');

    await page.click('button[type=submit]');
    await waitInPage(page, () => location.href.startsWith('https://us-east-1.console.aws.amazon.com/'), 'the tab did not reach the console', 20_000);
    server.redirectSignins(false);
    await page.close();
  });
});
