import type { Page, Worker } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedExtension } from '../support/chromium';
import type { MockServer } from '../support/mock-server';
import { consoleUrl, landsInConsole } from './flows';
import { axeFindings, extensionSuite, openPickerFromTile, saveArtifact, storageContents, tileUrl } from './helpers';
import { SETTINGS_VERSION } from '../../src/core/settings/fields';

// A normal day (every endpoint up), a default Okta setup: the assertion's Recipient is
// https://signin.aws.amazon.com/saml (us-east-1), which the regional /saml endpoints refuse, as AWS
// documents; the roles' trust policy lists that Recipient in SAML:aud, except Admin's, whose trust
// policy refuses every assertion (AccessDenied at STS).
const ADMIN = 'arn:aws:iam::111122223333:role/Admin';

const suite = extensionSuite();
let server: MockServer;
let browser: LaunchedExtension;
let worker: Worker;
let page: Page;

beforeAll(async () => {
  ({ server, browser, worker } = suite);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  server.denyRoles([ADMIN]);
  page = await browser.context.newPage();
});

describe('failover check: on a normal day, how each role would get in while us-east-1 is down', () => {
  it('checks from the picker without navigating it, shows a table per role and region, keeps no secret, and the user then signs in', async () => {
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1check'));
    const assertion = server.issued.at(-1)!.samlResponse;
    const pickerUrl = page.url();
    await page.getByLabel(/^Region/).selectOption('eu-west-1');
    server.clearReceived();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

    const button = page.getByRole('button', { name: /^Check failover/ });
    await expect(button.getAttribute('class')).resolves.not.toMatch(/\bprimary\b/);
    // It takes a pointer click only once armed (as Sign in does).
    await expect.poll(() => button.isEnabled(), { timeout: 5_000 }).toBe(true);
    await button.click();
    const table = page.getByRole('table', { name: /failover check/i });
    await table.waitFor({ timeout: 60_000 });

    // One row per role, naming it; eu-west-1 is a column, us-east-1 (where the outage would be) is not.
    const columns = await table.getByRole('columnheader').allTextContents();
    expect(columns).toContain('eu-west-1');
    expect(columns).not.toContain('us-east-1');
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    const euColumn = columns.indexOf('eu-west-1');
    const cell = async (role: string) => (await table.getByRole('row', { name: new RegExp(role) }).locator('th, td').nth(euColumn).textContent()) ?? '';
    await expect(cell('ReadOnly')).resolves.toMatch(/gets in through STS/);
    await expect(cell('Deploy')).resolves.toMatch(/gets in through STS/);
    await expect(cell('Admin')).resolves.toMatch(/trust policy/);

    // What AWS received: the assertion, untouched and without a role, once per region, with no
    // cookie; AssumeRoleWithSAML per role at eu-west-1's STS; never anything at us-east-1.
    const reposts = server.received.filter((p) => p.host === 'eu-west-1.signin.aws.amazon.com');
    expect(reposts).toHaveLength(1);
    expect(reposts[0]!.fields.SAMLResponse).toBe(assertion);
    expect(reposts[0]!.fields.roleIndex).toBeUndefined();
    expect(reposts[0]!.headers.cookie).toBeUndefined();
    expect(new Set(server.received.map((p) => p.host)).size).toBe(server.received.length);
    const euSts = server.stsRequests.filter((r) => r.host === 'sts.eu-west-1.amazonaws.com' && r.fields.SAMLAssertion === assertion);
    expect(euSts.map((r) => r.fields.RoleArn).sort()).toEqual([ADMIN, 'arn:aws:iam::111122223333:role/ReadOnly', 'arn:aws:iam::444455556666:role/team/Deploy']);
    expect(server.stsRequests.map((r) => r.host)).not.toContain('sts.amazonaws.com');
    expect(server.received.map((p) => p.host)).not.toContain('signin.aws.amazon.com');
    // Each ready role got a sign-in token (proving the console step), and no console session was opened.
    expect(server.issuedSigninTokens.length).toBeGreaterThanOrEqual(2);
    expect(server.consoleSessions).toEqual([]);

    // The tab never navigated.
    expect(navigations).toEqual([]);
    expect(page.url()).toBe(pickerUrl);

    // The report for the admin names the refused role and the exact trust-policy change.
    await page.getByRole('button', { name: 'Copy report for your admin' }).click();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain(`${ADMIN} would not get in to eu-west-1`);
    expect(report).toContain('SAML:aud condition of the trust policy of arn:aws:iam::111122223333:role/Admin');
    expect(report).toContain('"https://signin.aws.amazon.com/saml"');
    expect(report).not.toMatch(/ReadOnly|Deploy/);

    // No credential or sign-in token anywhere: page, report, storage, URL.
    const secrets = [
      assertion,
      ...server.issuedCredentials.flatMap((c) => [c.accessKeyId, c.secretAccessKey, c.sessionToken]),
      ...server.issuedSigninTokens,
    ];
    const html = await page.content();
    const stored = await Promise.all((['local', 'sync'] as const).map(async (area) => JSON.stringify(await storageContents(worker, area))));
    const session = JSON.stringify(await storageContents(worker, 'session'));
    for (const secret of secrets.slice(1)) {
      for (const [where, text] of [['page', html], ['report', report], ['url', page.url()], ['local', stored[0]!], ['sync', stored[1]!], ['session', session]] as const) {
        expect(text.includes(secret), `${where} holds a secret`).toBe(false);
      }
    }
    for (const [where, text] of [['page', html], ['report', report], ['local', stored[0]!], ['sync', stored[1]!]] as const) {
      expect(text.includes(assertion), `${where} holds the assertion`).toBe(false);
    }

    // Remembered for this IdP app, shown beside each role.
    await expect.poll(() => page.locator('.role', { hasText: 'Deploy' }).locator('.failover-status').textContent()).toMatch(/fails over to eu-west-1 through STS · checked today/);
    await expect(page.locator('.role', { hasText: 'Admin' }).locator('.failover-status').textContent()).resolves.toMatch(/would not get in to eu-west-1/);

    await saveArtifact(page, 'failover-check.png');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeFindings(page), scheme).toEqual([]);
    }

    // The toolbar popup sums it up: two of the three roles get into eu-west-1.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/pages/popup/index.html`);
    await popup.getByText('Failover ready: 2 of 3 roles in eu-west-1, checked today').waitFor();
    expect(await axeFindings(popup)).toEqual([]);
    await saveArtifact(popup, 'failover-popup.png');
    await popup.close();

    // The picker stays usable: the user signs in with the same assertion, straight through STS now
    // that eu-west-1 is known to refuse the re-post.
    await page.getByText(/SAML endpoints refused this IdP app's assertions before/).waitFor();
    server.clearReceived();
    await page.getByRole('radio', { name: /Deploy.*444455556666/ }).check();
    await page.getByRole('button', { name: /^Sign in/ }).click();
    await landsInConsole(page, 'eu-west-1', 'Deploy', 30_000);
    expect(page.url()).toBe(consoleUrl('eu-west-1'));
    expect(server.received).toEqual([]);
  });

  it('makes no STS call when the sign-in method allows the re-post only, and says so in the table', async () => {
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, signinMethod: 'repost' } }));
    const other = await browser.context.newPage();
    try {
      await openPickerFromTile(other, tileUrl({}, 'acme.okta.com', 'exk1checkrepost'));
      await other.getByLabel(/^Region/).selectOption('eu-west-1');
      server.clearReceived();
      const button = other.getByRole('button', { name: /^Check failover/ });
      await expect.poll(() => button.isEnabled(), { timeout: 5_000 }).toBe(true);
      await button.click();
      const table = other.getByRole('table', { name: /failover check/i });
      await table.waitFor({ timeout: 60_000 });
      await expect(table.getByRole('row', { name: /Deploy/ }).textContent()).resolves.toMatch(/refuses this sign-in/);
      await other.getByText(/STS not checked: the sign-in method .* allows only the re-post/).waitFor();
      expect(server.stsRequests).toEqual([]);
      expect(server.received.filter((p) => p.host === 'eu-west-1.signin.aws.amazon.com')).toHaveLength(1);
    } finally {
      await other.close();
      await worker.evaluate(() => chrome.storage.sync.remove('settings'));
    }
  });

  it('checks by itself, once a week, the roles the user uses, after a normal sign-in, when the setting is on', async () => {
    const DEPLOY = 'arn:aws:iam::444455556666:role/team/Deploy';
    await worker.evaluate((version) => chrome.storage.sync.set({ settings: { version, automaticFailoverCheck: true, preferredRegions: ['eu-west-1'] } }), SETTINGS_VERSION);
    const other = await browser.context.newPage();
    try {
      const app = tileUrl({}, 'acme.okta.com', 'exk1checkauto');
      // First sign-in from this IdP app: no role is "used" yet, so nothing is checked.
      server.clearReceived();
      await openPickerFromTile(other, app);
      await other.getByRole('radio', { name: /Deploy.*444455556666/ }).check();
      await expect.poll(() => other.getByRole('button', { name: /^Sign in/ }).isEnabled()).toBe(true);
      expect(server.stsRequests).toEqual([]);
      await other.getByRole('button', { name: /^Sign in/ }).click();
      // A normal sign-in: the re-post to the endpoint the assertion is addressed to (the mock's landing page).
      const post = await server.waitForPost((p) => p.host === 'signin.aws.amazon.com', 15_000);
      expect(post.fields.roleIndex).toBe(DEPLOY);
      await other.waitForURL('https://signin.aws.amazon.com/saml');

      // The next time: Deploy (signed in as before) is checked in the background at eu-west-1, the
      // picker stays as it was, and says so.
      server.clearReceived();
      await openPickerFromTile(other, app);
      const pickerUrl = other.url();
      await other.getByText(/^Checked just now whether the roles you use \(1\) would get in/).waitFor({ timeout: 30_000 });
      expect(server.stsRequests.map((r) => `${r.host} ${r.fields.RoleArn}`)).toEqual([`sts.eu-west-1.amazonaws.com ${DEPLOY}`]);
      expect(other.url()).toBe(pickerUrl);
      await expect.poll(() => other.locator('.role', { hasText: 'Deploy' }).locator('.failover-status').textContent()).toMatch(/fails over to eu-west-1 through STS · checked today/);
      await saveArtifact(other, 'failover-automatic.png');
      expect(await axeFindings(other)).toEqual([]);
      const stored = JSON.stringify(await storageContents(worker, 'local'));
      for (const secret of server.issuedCredentials.flatMap((c) => [c.secretAccessKey, c.sessionToken])) expect(stored.includes(secret)).toBe(false);

      // Within the week: not again.
      server.clearReceived();
      await openPickerFromTile(other, app);
      await expect.poll(() => other.getByRole('button', { name: /^Sign in/ }).isEnabled()).toBe(true);
      await other.waitForTimeout(1_000);
      expect(server.stsRequests).toEqual([]);
      await expect(other.getByText(/roles you use/).count()).resolves.toBe(0);
    } finally {
      await other.close();
      await worker.evaluate(() => chrome.storage.sync.remove('settings'));
    }
  });

  it('ignores a pointer click on Check failover… as the picker appears, says so, and checks on a click once armed', async () => {
    const other = await browser.context.newPage();
    try {
      const opened = new Date();
      await openPickerFromTile(other, tileUrl({}, 'acme.okta.com', 'exk1checkarmed'));
      server.clearReceived();
      const assumeRole = () => server.stsRequests.filter((r) => r.method === 'POST' && r.at >= opened);
      const button = other.getByRole('button', { name: /^Check failover/ });
      // A click-jacking page times a real mouse click onto the button the moment it shows.
      await button.click({ force: true });
      await other.locator('#failover-results').getByText('The page has just appeared: click again to confirm.').waitFor({ timeout: 5_000 });
      await expect(button.textContent()).resolves.toBe('Check failover…');
      expect(server.received).toEqual([]);
      expect(assumeRole()).toEqual([]);
      // Armed: the same click checks.
      await expect.poll(() => button.isEnabled(), { timeout: 5_000 }).toBe(true);
      await button.click();
      await other.getByText('The page has just appeared: click again to confirm.').waitFor({ state: 'detached' });
      await expect.poll(() => server.received.length + assumeRole().length, { timeout: 30_000 }).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});
