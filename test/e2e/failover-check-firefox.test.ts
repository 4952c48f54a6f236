import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type LaunchedFirefox } from '../support/firefox';
import { startMockServer, type MockServer } from '../support/mock-server';
import { tileUrl } from './helpers';
import { extensionStorage, openPickerFromTile, reachesConsole, selectByLabel, signInAsDeploy, waitInPage } from './firefox-flows';

// The failover check in Firefox ESR (dist/firefox), as failover-check.test.ts does it in Chromium: a
// normal day, a default Okta assertion that the regional /saml endpoints refuse, Admin's trust policy
// refusing it at STS.
const ADMIN = 'arn:aws:iam::111122223333:role/Admin';

let server: MockServer;
let firefox: LaunchedFirefox;

beforeAll(async () => {
  server = await startMockServer();
  firefox = await launchFirefoxWithExtension({ server });
  server.denyRoles([ADMIN]);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Firefox: failover check', () => {
  it('shows two roles ready through STS and Admin refused by its trust policy, keeps no secret, never navigates, then signs in', async () => {
    const page = await firefox.browser.newPage();
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1ffcheck'));
    const assertion = server.issued.at(-1)!.samlResponse;
    const pickerUrl = page.url();
    await selectByLabel(page, 'Region', 'eu-west-1');
    server.clearReceived();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

    // It takes a pointer click only once armed (as Sign in does).
    const enabled = () => page.$eval('::-p-text(Check failover)', (b) => !(b as HTMLButtonElement).disabled && b.getAttribute('aria-disabled') !== 'true');
    await expect.poll(enabled, { timeout: 5_000 }).toBe(true);
    await page.click('button::-p-text(Check failover)');
    await waitInPage(page, () => /^Failover check/i.test(document.querySelector('table caption')?.textContent ?? ''), 'the failover table did not show', 60_000);
    const rows = await page.evaluate(() => [...document.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const columns = await page.evaluate(() => [...document.querySelectorAll('table thead th')].map((th) => th.textContent ?? ''));
    const eu = columns.indexOf('eu-west-1');
    expect(eu).toBeGreaterThan(0);
    expect(columns).not.toContain('us-east-1');
    const cell = (role: string) => rows.find((r) => r[0]!.includes(role))?.[eu] ?? '';
    expect(rows).toHaveLength(3);
    expect(cell('ReadOnly')).toMatch(/gets in through STS/);
    expect(cell('Deploy')).toMatch(/gets in through STS/);
    expect(cell('Admin')).toMatch(/trust policy/);
    expect(server.received.filter((p) => p.host === 'eu-west-1.signin.aws.amazon.com').map((p) => [p.fields.roleIndex, p.headers.cookie])).toEqual([[undefined, undefined]]);
    expect(server.consoleSessions).toEqual([]);
    expect(navigations).toEqual([]);
    expect(page.url()).toBe(pickerUrl);

    const secrets = [...server.issuedCredentials.flatMap((c) => [c.secretAccessKey, c.sessionToken]), ...server.issuedSigninTokens];
    expect(secrets.length).toBeGreaterThan(0);
    const html = await page.content();
    const stored = await extensionStorage(firefox.browser, await page.evaluate(() => location.origin));
    for (const secret of secrets) {
      expect(html.includes(secret), 'page').toBe(false);
      expect(stored.includes(secret), 'storage').toBe(false);
    }
    expect(html.includes(assertion)).toBe(false);

    // Back in the picker's tab: clicks count once it has been in front a moment (click-jacking guard).
    await page.bringToFront();
    await waitInPage(page, () => document.hasFocus() && !document.querySelector('button[type=submit].arming'), 'the picker did not arm again');
    await signInAsDeploy(page, 'eu-west-1');
    await reachesConsole(page, 'eu-west-1', 30_000);
  });
});
