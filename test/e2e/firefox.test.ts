import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/chromium';
import { DEFAULT_FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type LaunchedFirefox } from '../support/firefox';
import { startMockServer, type MockServer } from '../support/mock-server';
import { tileUrl } from './helpers';
import { DEPLOY_ARN, extensionStorage, inExtensionPage, openPickerFromTile, reachesConsole, selectByLabel, signInAsDeploy, waitInPage } from './firefox-flows';

// Firefox ESR with dist/firefox as a temporary add-on: a blocking webRequest listener stores the
// capture and redirects to the picker (no DNR rule there), docs/interception.md#catching-the-idps-post and docs/testing.md.
const EU_WEST_1 = 'eu-west-1.signin.aws.amazon.com';
const GLOBAL = 'signin.aws.amazon.com';
const US_EAST_1 = [GLOBAL, 'us-east-1.signin.aws.amazon.com', 'sts.amazonaws.com', 'sts.us-east-1.amazonaws.com'];

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

beforeEach(() => {
  server.clearReceived();
  server.setHostMode(GLOBAL, 'up');
});

describe('Firefox: Okta tile → picker → regional sign-in (built extension)', () => {
  for (const globalMode of ['up', 'down'] as const) {
    it(`gets a default Okta assertion into the eu-west-1 console, us-east-1 ${globalMode}`, async () => {
      // Down: us-east-1's sign-in endpoint and both its STS hosts.
      for (const host of US_EAST_1) server.setHostMode(host, globalMode);
      const page = await firefox.browser.newPage();
      // One IdP app per case: after a refusal the extension goes straight to STS for that app.
      await openPickerFromTile(page, tileUrl({ submit: 'script' }, 'acme.okta.com', `exk1ff${globalMode}`));
      const issued = server.issued.at(-1)!;

      // The listener stored the capture under the tab the picker runs in, before redirecting.
      const { origin, tabId, session } = await page.evaluate(async () => ({
        origin: location.origin,
        tabId: (await chrome.tabs.getCurrent())?.id,
        session: await chrome.storage.session.get(null),
      }));
      expect(tabId).toEqual(expect.any(Number));
      expect((session[`capture:${tabId}`] as { samlResponse?: string } | undefined)?.samlResponse).toBe(issued.samlResponse);

      await signInAsDeploy(page, 'eu-west-1');

      const post = await server.waitForPost((p) => p.host === EU_WEST_1, 15_000);
      expect(post.path).toBe('/saml');
      expect(post.fields.SAMLResponse).toBe(issued.samlResponse);
      expect(post.fields.RelayState).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
      expect(post.fields.roleIndex).toBe(DEPLOY_ARN);
      // Our own re-post was not caught again; AWS refuses it there (the Recipient is the global
      // endpoint), and the same click continues through eu-west-1's STS and federation.
      await reachesConsole(page, 'eu-west-1', 20_000);
      await expect(page.evaluate(() => document.getElementById('console-identity')?.textContent)).resolves.toMatch(
        /^Signed in as arn:aws:sts::444455556666:assumed-role\/Deploy\//,
      );
      const sts = server.stsRequests.filter((r) => r.fields.SAMLAssertion !== undefined || r.query.SAMLAssertion !== undefined);
      expect(sts.map((r) => `${r.method} ${r.host}`)).toEqual(['POST sts.eu-west-1.amazonaws.com']);
      expect(sts[0]!.fields.SAMLAssertion).toBe(issued.samlResponse);

      expect(server.received.filter((p) => p.host === GLOBAL)).toEqual([]);
      const stored = await extensionStorage(firefox.browser, origin);
      expect(stored).not.toContain(issued.samlResponse);
      const credentials = server.issuedCredentials.at(-1)!;
      expect(stored).not.toContain(credentials.secretAccessKey);
      expect(stored).not.toContain(credentials.sessionToken);
      await page.close();
      for (const host of US_EAST_1) server.setHostMode(host, 'up');
    });
  }

  it("still lands in eu-west-1 when eu-west-1's STS is down too", async () => {
    for (const host of [...US_EAST_1, 'sts.eu-west-1.amazonaws.com']) server.setHostMode(host, 'down');
    try {
      const page = await firefox.browser.newPage();
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1ffstsdown'));
      await signInAsDeploy(page, 'eu-west-1');
      await reachesConsole(page, 'eu-west-1', 30_000);
      expect(server.issuedCredentials.at(-1)!.region).not.toMatch(/^(eu-west-1|us-east-1)$/);
      await page.close();
    } finally {
      for (const host of [...US_EAST_1, 'sts.eu-west-1.amazonaws.com']) server.setHostMode(host, 'up');
    }
  });

  it("opens two roles at once, the second account in a container of its own, named after the account and kept when it is renamed", { timeout: 150_000 }, async () => {
    for (const host of US_EAST_1) server.setHostMode(host, 'down');
    try {
      /** Deploy (444455556666) in the picker's tab and Admin (111122223333) beside it; then what the extension sees. */
      const openTwo = async (app: string) => {
        const page = await firefox.browser.newPage();
        await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', app));
        const origin = await page.evaluate(() => location.origin);
        await selectByLabel(page, 'Region', 'eu-west-1');
        await page.click(`input[type=radio][value="${DEPLOY_ARN}"]`);
        // The checkbox names the account as the picker does: its name once the user gave one.
        await page.click('input[type=checkbox][aria-label^="Open Admin in "]');
        await page.click('button[type=submit]::-p-text(Open 2 consoles in eu-west-1)');
        await reachesConsole(page, 'eu-west-1', 30_000);
        const sessions = server.consoleSessions.slice(-2).map((c) => c.assumedRoleArn.split('/')[1]).sort();
        expect(sessions).toEqual(['Admin', 'Deploy']);
        await page.close();
        return origin;
      };
      /** Asks the extension itself which containers exist and which tabs are in them. */
      const containers = (origin: string, settings?: object) =>
        inExtensionPage(firefox.browser, origin, async (stored) => {
          // Firefox's own `browser` namespace, which has contextualIdentities.
          const api = (globalThis as unknown as {
            browser: {
              contextualIdentities: { query(q: object): Promise<Array<{ name: string; cookieStoreId: string; color: string }>> };
              tabs: { query(q: object): Promise<Array<{ cookieStoreId?: string; url?: string }>> };
              storage: { sync: { set(v: object): Promise<void> } };
            };
          }).browser;
          if (stored) await api.storage.sync.set({ settings: { version: 1, ...stored } });
          const identities = await api.contextualIdentities.query({});
          const tabs = await api.tabs.query({});
          return {
            identities: identities.map((i) => ({ name: i.name, id: i.cookieStoreId })),
            colours: Object.fromEntries(identities.map((i) => [i.cookieStoreId, i.color])),
            stores: tabs.map((t) => t.cookieStoreId),
          };
        }, settings);

      // No name known for 111122223333 yet: its container is named by the ID.
      const origin = await openTwo('exk1ffmany');
      const first = await containers(origin);
      const byId = first.identities.filter((i) => i.name === 'AWS 111122223333');
      expect(byId).toHaveLength(1);
      expect(first.stores.filter((s) => s === byId[0]!.id)).toHaveLength(1);

      // The user names the account and gives it a colour: the same container, renamed and
      // recoloured, takes its next console.
      await containers(origin, { accountNames: { '111122223333': 'Production' }, accountColours: { '111122223333': 'purple' } });
      await openTwo('exk1ffmany2');
      const second = await containers(origin);
      expect(second.identities.filter((i) => /^AWS (111122223333|Production)$/.test(i.name))).toEqual([{ name: 'AWS Production', id: byId[0]!.id }]);
      expect(second.stores.filter((s) => s === byId[0]!.id)).toHaveLength(2);
      expect(second.colours[byId[0]!.id]).toBe('purple');
      expect(second.identities).toHaveLength(first.identities.length);

      // Renamed again: found by the kept marker (neither name is on any container now), not made twice.
      await containers(origin, { accountNames: { '111122223333': 'Prod EU' } });
      await openTwo('exk1ffmany3');
      const third = await containers(origin);
      expect(third.identities.filter((i) => i.id === byId[0]!.id || /^AWS (111122223333|Production|Prod EU)$/.test(i.name))).toEqual([
        { name: 'AWS Prod EU', id: byId[0]!.id },
      ]);
      expect(third.stores.filter((s) => s === byId[0]!.id)).toHaveLength(3);
      await containers(origin, {});
    } finally {
      for (const host of US_EAST_1) server.setHostMode(host, 'up');
    }
  });

  it('copies CLI credentials from the chosen region, as STS issued them, and keeps them off the screen until asked', async () => {
    const page = await firefox.browser.newPage();
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1ffcli'));
    await selectByLabel(page, 'Region', 'eu-west-1');
    await page.click(`input[type=radio][value="${DEPLOY_ARN}"]`);
    await page.click('button::-p-text(Copy CLI credentials)');
    await waitInPage(page, () => document.querySelector('#cli-title')?.textContent === 'CLI credentials for Deploy in eu-west-1', 'the credentials were not shown', 20_000);
    await waitInPage(page, () => document.querySelector('.cli-panel [role=status]')?.textContent === 'Copied to the clipboard.', 'the copy was not confirmed');
    const credentials = server.issuedCredentials.at(-1)!;
    expect(credentials.region).toBe('eu-west-1');
    expect(credentials.roleArn).toBe(DEPLOY_ARN);
    const expected = [
      `export AWS_ACCESS_KEY_ID='${credentials.accessKeyId}'`,
      `export AWS_SECRET_ACCESS_KEY='${credentials.secretAccessKey}'`,
      `export AWS_SESSION_TOKEN='${credentials.sessionToken}'`,
      "export AWS_REGION='eu-west-1'",
    ];
    const shownText = () => page.evaluate(() => document.querySelector('pre.cli-text')?.textContent ?? '');
    // Masked on screen: the key id and the region show, the secrets do not.
    const masked = await shownText();
    expect(masked).toContain(expected[0]);
    expect(masked).toContain(expected[3]);
    expect(masked).not.toContain(credentials.secretAccessKey);
    expect(masked).not.toContain(credentials.sessionToken.slice(20, -20));
    // The clipboard holds the real values (headless Firefox keeps its own clipboard; the testing
    // pref lets the page read it back without Firefox's paste prompt).
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    for (const line of expected) expect(copied).toContain(line);
    // "Show secrets" shows exactly what was copied.
    await page.click('.cli-panel input[type=checkbox]');
    await expect.poll(shownText).toBe(copied);
    await page.close();
  });

  it('clears copied credentials from the clipboard through the event page when set so, the picker closed', async () => {
    const page = await firefox.browser.newPage();
    await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1ffclear'));
    const origin = await page.evaluate(() => location.origin);
    await inExtensionPage(firefox.browser, origin, () => chrome.storage.sync.set({ settings: { version: 1, clearCopiedCredentials: true } }), undefined);
    try {
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1ffclear'));
      await selectByLabel(page, 'Region', 'eu-west-1');
      await page.click(`input[type=radio][value="${DEPLOY_ARN}"]`);
      await page.click('button::-p-text(Copy CLI credentials)');
      const cleared = 'Copied to the clipboard. The clipboard is cleared a minute from now.';
      await waitInPage(page, () => document.querySelector('.cli-panel [role=status]')?.textContent?.startsWith('Copied') === true, 'the copy was not confirmed', 20_000);
      await expect(page.evaluate(() => document.querySelector('.cli-panel [role=status]')?.textContent)).resolves.toBe(cleared);
      const secret = server.issuedCredentials.at(-1)!.secretAccessKey;
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toContain(secret);
      await page.close();
      // The minute passes without the test waiting it out: the same alarm, due now.
      const due = await inExtensionPage(firefox.browser, origin, async () => {
        const alarm = await chrome.alarms.get('clear-copied-credentials');
        await chrome.alarms.create('clear-copied-credentials', { when: Date.now() });
        return alarm?.scheduledTime ?? 0;
      }, undefined);
      expect(due).toBeGreaterThan(Date.now() + 30_000);
      await expect.poll(() => inExtensionPage(firefox.browser, origin, () => navigator.clipboard.readText(), undefined), { timeout: 10_000 }).toBe('');
    } finally {
      await inExtensionPage(firefox.browser, origin, () => chrome.storage.sync.remove('settings'), undefined);
    }
  });

  it("lets the user continue to AWS's own page without being intercepted again", async () => {
    const page = await firefox.browser.newPage();
    await openPickerFromTile(page, tileUrl());
    await page.click('button::-p-text(Continue to AWS)');
    const post = await server.waitForPost(undefined, 15_000);
    expect(post.host).toBe(GLOBAL);
    expect(post.fields.roleIndex).toBeUndefined();
    expect(post.fields.SAMLResponse).toBe(server.issued.at(-1)!.samlResponse);
    await waitInPage(page, () => location.href === 'https://signin.aws.amazon.com/saml', "the tab did not reach AWS's page");
    expect(server.received).toHaveLength(1);
    await page.close();
  });
});

describe('Firefox build', () => {
  const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    permissions: string[];
    background: Record<string, unknown>;
    content_security_policy: unknown;
    web_accessible_resources: Array<Record<string, unknown>>;
    browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
  };

  it('has an event page, the blocking listener and a gecko id instead of Chrome-only keys', () => {
    const firefoxManifest = read(DEFAULT_FIREFOX_EXTENSION_DIR);
    const chromeManifest = read(join(REPO_ROOT, 'dist/chrome'));
    expect(firefoxManifest.background).toEqual({ scripts: [expect.any(String)], type: 'module' });
    expect(firefoxManifest.permissions).toEqual(expect.arrayContaining(['webRequest', 'webRequestBlocking']));
    expect(firefoxManifest.permissions.filter((p) => p.startsWith('declarativeNetRequest'))).toEqual([]);
    expect(firefoxManifest.browser_specific_settings?.gecko).toMatchObject({ id: expect.stringMatching(/^[\w.-]+@[\w.-]+$/), strict_min_version: '140.0' });
    for (const chromeOnly of ['key', 'minimum_chrome_version', 'declarative_net_request']) expect(firefoxManifest).not.toHaveProperty(chromeOnly);
    expect(JSON.stringify(firefoxManifest.web_accessible_resources)).not.toContain('use_dynamic_url');
    expect(firefoxManifest.content_security_policy).toEqual(chromeManifest.content_security_policy);
  });
});
