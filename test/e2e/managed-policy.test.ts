// An administrator's policy, installed as Chromium reads it from disk, for a copy of the extension
// with an id of its own (test/support/managed-policy.ts): "re-post only" stops every use of STS,
// and allowCliCredentials: false stops CLI credentials only. What the mock AWS received is the proof;
// the options page shows the policy's values locked.
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedExtension } from '../support/chromium';
import { extensionWithOwnPolicy, type PolicyExtension } from '../support/managed-policy';
import { startMockServer, type MockServer } from '../support/mock-server';
import { openPickerFromTile, tileUrl, warmUpCapture } from './helpers';

const EU_WEST_1 = 'eu-west-1.signin.aws.amazon.com';
const ADMIN = 'arn:aws:iam::111122223333:role/Admin';
const DEPLOY = 'arn:aws:iam::444455556666:role/team/Deploy';

let server: MockServer;
let extension: PolicyExtension;

beforeAll(async () => {
  server = await startMockServer();
  extension = await extensionWithOwnPolicy();
});

afterAll(async () => {
  await extension?.remove();
  await server?.close();
});

/** STS calls that carried an assertion (health probes only GET the root). */
const assertionCalls = () => server.stsRequests.filter((r) => r.fields.SAMLAssertion !== undefined || r.query.SAMLAssertion !== undefined);

/** A browser started with `policy` installed for this extension's copy; the worker has read it. */
function withPolicy(policy: Record<string, unknown>): { browser: () => LaunchedExtension; worker: () => Worker } {
  let browser: LaunchedExtension | undefined;
  beforeAll(async () => {
    await extension.setPolicy(policy);
    browser = await launchWithExtension({ server, headless: true, extensionDir: extension.dir });
    expect(browser.extensionId).toBe(extension.extensionId);
    // What an admin deploys is what the worker reads (Chromium may take seconds to answer).
    await expect(browser.serviceWorker!.evaluate(() => chrome.storage.managed.get(null))).resolves.toEqual(policy);
    await warmUpCapture(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { browser: () => browser!, worker: () => browser!.serviceWorker! };
}

/**
 * Sends a message from the picker page itself (the sender the worker trusts) and returns the reply,
 * or 'no answer' when no listener answers it.
 */
function sendFromPicker(page: Page, message: Record<string, unknown>): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m).then((reply: unknown) => reply ?? 'no answer', () => 'no answer'), message);
}

describe('policy {"signinMethod": "repost"}', () => {
  const suite = withPolicy({ signinMethod: 'repost' });

  it('signs in by re-post only: after AWS refuses it, the diagnosis page explains, nothing reaches STS', async () => {
    server.clearReceived();
    server.setHostMode(EU_WEST_1, 'reject');
    const page = await suite.browser().context.newPage();
    try {
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1policyrepost'));
      await page.getByLabel(/^Region/).selectOption('eu-west-1');
      await expect.poll(() => page.locator('#signin-method').textContent()).toContain("(your organisation's policy)");
      await page.getByRole('radio', { name: /Admin.*111122223333/ }).check();
      await page.getByRole('button', { name: /^Sign in/ }).click();
      await server.waitForPost((p) => p.host === EU_WEST_1, 15_000);
      await page.getByRole('heading', { name: 'eu-west-1 did not accept this assertion' }).waitFor({ timeout: 15_000 });
      await expect(page.locator('main').innerText()).resolves.toContain("Your organisation's policy allows signing in only by re-post");
      // Long enough for a continuation through STS to have started (it starts at once).
      await page.waitForTimeout(1_000);
      expect(assertionCalls()).toEqual([]);
    } finally {
      server.setHostMode(EU_WEST_1, 'up');
      await page.close();
    }
  });

  it('offers neither CLI credentials nor several consoles, and no message makes the worker call STS', async () => {
    server.clearReceived();
    const page = await suite.browser().context.newPage();
    try {
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1policyhidden'));
      await page.getByRole('radio', { name: /Admin.*111122223333/ }).check();
      await expect(page.getByRole('button', { name: 'Copy CLI credentials' }).count()).resolves.toBe(0);
      await expect(page.getByRole('checkbox', { name: /^Open .* too, in a tab of its own/ }).count()).resolves.toBe(0);
      // Shift+Enter (several consoles from the keyboard) adds nothing either.
      await page.getByRole('radio', { name: /Admin.*111122223333/ }).press('Shift+Enter');
      await expect(page.getByRole('button', { name: /^Open \d consoles/ }).count()).resolves.toBe(0);

      // The page's own sender, with this tab's capture: the worker has no message that calls STS
      // (the page makes those calls itself, after the same policy check).
      await expect(sendFromPicker(page, { type: 'credentials/sts', roleArn: ADMIN, region: 'eu-west-1' })).resolves.toBe('no answer');
      await expect(sendFromPicker(page, { type: 'signin/sts-many', roleArns: [ADMIN, DEPLOY], region: 'eu-west-1' })).resolves.toBe('no answer');
      await expect(sendFromPicker(page, { type: 'signin/sts', roleArn: ADMIN, region: 'eu-west-1' })).resolves.toBe('no answer');
      expect(assertionCalls()).toEqual([]);
      expect(page.url()).toMatch(/\/src\/pages\/picker\/index\.html/);
    } finally {
      await page.close();
    }
  });
});

describe('policy {"allowCliCredentials": false, "automaticFailoverCheck": true}', () => {
  const suite = withPolicy({ allowCliCredentials: false, automaticFailoverCheck: true });

  it('hides and refuses CLI credentials only', async () => {
    server.clearReceived();
    const page = await suite.browser().context.newPage();
    try {
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1policynocli'));
      await page.getByLabel(/^Region/).selectOption('eu-west-1');
      await expect.poll(() => page.locator('#signin-method').textContent()).toContain("continues at once through eu-west-1's STS");
      await page.getByRole('radio', { name: /Admin.*111122223333/ }).check();
      await expect(page.getByRole('checkbox', { name: /^Open .* too, in a tab of its own/ }).count()).resolves.toBeGreaterThan(1);
      await expect(page.getByRole('button', { name: 'Copy CLI credentials' }).count()).resolves.toBe(0);
      await expect(sendFromPicker(page, { type: 'credentials/sts', roleArn: ADMIN, region: 'eu-west-1' })).resolves.toBe('no answer');
      expect(assertionCalls()).toEqual([]);

      // The options page shows the switch as set by the organisation.
      const options = await suite.browser().context.newPage();
      await options.goto(`chrome-extension://${extension.extensionId}/src/pages/options/index.html`);
      const box = options.getByRole('checkbox', { name: /^Offer "Copy CLI credentials/ });
      await expect.poll(() => box.isDisabled()).toBe(true);
      await expect(box.isChecked()).resolves.toBe(false);
      // The automatic failover check as the policy sets it, locked, and saying so.
      const auto = options.getByRole('checkbox', { name: 'Check failover automatically once a week' });
      await expect(auto.isDisabled()).resolves.toBe(true);
      await expect(auto.isChecked()).resolves.toBe(true);
      await expect(auto.getAttribute('aria-describedby')).resolves.toBe('failover-auto-hint failover-auto-locked');
      await expect(options.locator('#failover-auto-locked').textContent()).resolves.toBe('Set by your organisation.');
      await options.close();
    } finally {
      await page.close();
    }
  });
});
