import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedExtension } from '../support/chromium';
import { startMockServer, type HostMode, type MockServer } from '../support/mock-server';
import { openPickerFromTile, saveArtifact, tileUrl, warmUpCapture } from './helpers';

const GLOBAL = 'signin.aws.amazon.com';
let server: MockServer;
let browser: LaunchedExtension | undefined;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  server.setHostMode(GLOBAL, 'up');
  server.clearReceived();
});

/** A fresh browser per case: endpoint health is cached for a minute inside the extension. */
async function freshBrowser(): Promise<LaunchedExtension> {
  browser = await launchWithExtension({ server, headless: true });
  await warmUpCapture(browser.context);
  // The warm-up's probes saw a healthy world: let them finish, then start without that cache.
  await browser.serviceWorker?.evaluate(async () => {
    const settled = async () => {
      const all = await chrome.storage.session.get(null);
      const entries = Object.entries(all).filter(([k]) => k.startsWith('health:'));
      const running = entries.some(([, v]) => Object.values(v as Record<string, { checkingSince?: number }>).some((h) => h.checkingSince));
      return { keys: entries.map(([k]) => k), running };
    };
    for (let i = 0; i < 100; i++) {
      const { keys, running } = await settled();
      if (!running && keys.length) {
        await chrome.storage.session.remove(keys);
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  return browser;
}

describe('endpoint health in the picker', () => {
  const outages: Array<[HostMode, RegExp]> = [
    ['down', /down · connection failed/],
    ['blackhole', /down · no answer within 1\.5 s/],
    ['slow', /down · no answer within 1\.5 s/],
  ];
  for (const [mode, shown] of outages) {
    it(`shows the global endpoint ${mode} and signs in at a healthy preferred region`, async () => {
      const { context, serviceWorker } = await freshBrowser();
      // The default preference depends on the time zone; these cases pin it down.
      await serviceWorker!.evaluate(async () => {
        await chrome.storage.sync.set({ settings: { version: 1, preferredRegions: ['us-east-2', 'us-west-2'] } });
      });
      server.setHostMode(GLOBAL, mode, { delayMs: 3_000 });
      const page = await context.newPage();
      await openPickerFromTile(page, tileUrl());
      // The picker is usable before any probe answers; the outage shows once its probe gives up
      // (how soon is a benchmark's business: npm run bench, "health shown next to the region selector").
      const usEast1 = page.locator('option[value="us-east-1"]');
      await page
        .locator('option[value="us-east-1"][data-health="down"], option[value="us-east-1"][data-health="slow"]')
        .waitFor({ state: 'attached', timeout: 15_000 })
        .catch(async () => {
          throw new Error(`health not shown: ${await usEast1.textContent()}`);
        });
      const region = page.getByLabel(/^Region/);
      if (mode === 'slow' && (await usEast1.getAttribute('data-health')) === 'slow') {
        // Slow still works: the default stays where the assertion is addressed.
        await expect(region.inputValue()).resolves.toBe('us-east-1');
        return;
      }
      // Settings (the preference) and probe results arrive on their own; the default follows both.
      await expect.poll(() => page.locator('#region-status').textContent(), { timeout: 15_000 }).toMatch(/us-east-2 is up/);
      await expect(region.inputValue()).resolves.toBe('us-east-2');
      await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(
        /us-east-1 sign-in is down .* signing you in through us-east-2/,
      );
      await expect(usEast1.textContent()).resolves.toMatch(shown);
      // A region shown as down stays selectable.
      await expect(usEast1.isDisabled()).resolves.toBe(false);
      await expect(usEast1.textContent()).resolves.toMatch(/down/);
      if (mode === 'down') await saveArtifact(page, 'picker-global-down.png');

      await page.getByRole('button', { name: /^Sign in .* in us-east-2$/ }).click();
      const post = await server.waitForPost((p) => p.host === 'us-east-2.signin.aws.amazon.com', 15_000);
      expect(post.fields.RelayState).toBe('https://us-east-2.console.aws.amazon.com/console/home?region=us-east-2');
      expect(server.received.filter((p) => p.host === GLOBAL)).toEqual([]);
    });
  }

  it('offers a fresh assertion from the IdP app of a healthy region when the addressed one is down', async () => {
    const { context, serviceWorker } = await freshBrowser();
    const euApp = tileUrl({ acs: 'https://eu-west-1.signin.aws.amazon.com/saml' }, 'acme.okta.com', 'exk1euw1');
    await serviceWorker!.evaluate(async (link) => {
      await chrome.storage.sync.set({ settings: { version: 1, idpAppLinks: { 'eu-west-1': link } } });
    }, euApp);
    server.setHostMode(GLOBAL, 'down');
    const page = await context.newPage();
    await openPickerFromTile(page, tileUrl());
    // The link's host is on the button: the link may come from an imported or synced file.
    const offer = page.getByRole('link', { name: 'Get a fresh assertion from the eu-west-1 app (acme.okta.com)' });
    await offer.waitFor({ timeout: 15_000 });
    await offer.click();
    // The eu-west-1 app's assertion is addressed to eu-west-1: the picker defaults there, no warning.
    await page.waitForURL(/picker/);
    await page.getByRole('button', { name: /^Sign in .* in eu-west-1$/ }).waitFor();
    await expect(page.getByRole('note').count()).resolves.toBe(0);
    await page.getByRole('button', { name: /^Sign in/ }).click();
    const post = await server.waitForPost((p) => p.host === 'eu-west-1.signin.aws.amazon.com', 15_000);
    expect(post.fields.SAMLResponse).toBe(server.issued.find((i) => i.appId === 'exk1euw1')!.samlResponse);
    expect(server.received.filter((p) => p.host === GLOBAL)).toEqual([]);
  });

  it('shows watched regions in the popup and the toolbar badge, and opens the IdP app to sign in again', async () => {
    const { context, serviceWorker, extensionId } = await freshBrowser();
    const euApp = tileUrl({ acs: 'https://eu-west-1.signin.aws.amazon.com/saml' }, 'acme.okta.com', 'exk1euw1');
    await serviceWorker!.evaluate(async (link) => {
      await chrome.storage.sync.set({ settings: { version: 1, preferredRegions: ['eu-west-1', 'us-west-2'], idpAppLinks: { 'eu-west-1': link } } });
    }, euApp);
    server.setHostMode(GLOBAL, 'down');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html`);
    const list = popup.getByRole('list', { name: 'Sign-in endpoint health' });
    await list.getByText('down · connection failed').waitFor({ timeout: 15_000 });
    await expect.poll(() => list.getByRole('listitem').allInnerTexts(), { timeout: 15_000 }).toEqual([
      expect.stringMatching(/us-east-1\s+down · connection failed/),
      expect.stringMatching(/eu-west-1\s+(up|slow) · \d+ ms|eu-west-1\s+checking/),
      expect.stringMatching(/us-west-2/),
    ]);
    await expect.poll(() => serviceWorker!.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
    await expect(serviceWorker!.evaluate(() => chrome.action.getTitle({}))).resolves.toContain('us-east-1: down · connection failed');
    await saveArtifact(popup, 'popup.png');

    const opened = context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in again (eu-west-1)' }).click();
    const tile = await opened;
    await tile.waitForURL(/picker/);
    await tile.getByRole('button', { name: /^Sign in .* in eu-west-1$/ }).waitFor();
  });

  it('says the state in words, and a role clicked in the popup is the one the picker selects', async () => {
    const { context, serviceWorker, extensionId } = await freshBrowser();
    const euApp = tileUrl({ acs: 'https://eu-west-1.signin.aws.amazon.com/saml' }, 'acme.okta.com', 'exk1offer');
    const at = Date.now();
    await serviceWorker!.evaluate(
      async ([link, at]) => {
        await chrome.storage.sync.set({
          settings: {
            version: 1,
            preferredRegions: ['eu-west-1'],
            idpAppLinks: { 'eu-west-1': link },
            accountNames: { '444455556666': 'payments-prod' },
            recent: { 'http://www.okta.com/elsewhere': [{ roleArn: 'arn:aws:iam::111122223333:role/ReadOnly', region: 'eu-west-1', at }, { roleArn: 'arn:aws:iam::444455556666:role/team/Deploy', region: 'eu-west-1', at: at - 1 }] },
          },
        });
      },
      [euApp, at] as const,
    );
    server.setHostMode(GLOBAL, 'down');
    for (const [entry, radio] of [
      ['Deploy in payments-prod, eu-west-1', /^Deploy/],
      ['ReadOnly in 1111-2222-3333, eu-west-1', /^ReadOnly/],
    ] as const) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html`);
      await popup.getByText('us-east-1 sign-in is down. Click your AWS tile as usual: the picker will use eu-west-1.').waitFor({ timeout: 15_000 });
      await expect(popup.getByRole('button', { name: 'Add your IdP app link…' }).count()).resolves.toBe(0);
      const opened = context.waitForEvent('page');
      await popup.getByRole('button', { name: entry }).click();
      const tile = await opened;
      await tile.waitForURL(/picker/);
      await expect.poll(() => tile.getByRole('radio', { name: radio }).isChecked(), { timeout: 10_000 }).toBe(true);
      await tile.close();
      await popup.close();
    }
  });

  it('keeps the addressed region as default when it is healthy, and shows every region answering', async () => {
    const { context } = await freshBrowser();
    const page = await context.newPage();
    await openPickerFromTile(page, tileUrl({ acs: 'https://eu-west-1.signin.aws.amazon.com/saml' }));
    await page.getByText(/regions answering/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Check again' }).waitFor({ timeout: 15_000 });
    await expect(page.getByLabel(/^Region/).inputValue()).resolves.toBe('eu-west-1');
    const options = await page.locator('#region option').allTextContents();
    // Then the STS endpoint's health, once its probe answered.
    // Answering means up or slow: a busy machine answers slowly, and neither moves the default.
    expect(options.every((o) => / (up|slow) · \d+ ms( · STS (up|slow|checking))?$/.test(o))).toBe(true);
    expect(options.some((o) => /cn-|us-gov-/.test(o))).toBe(false);
  });
});
