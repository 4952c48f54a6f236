import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../support/chromium';
import { startMockServer, type MockServer } from '../support/mock-server';
import { openPickerFromTile, profileContains, storageContents, tileUrl, warmUpCapture } from './helpers';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(async () => {
  await server?.close();
});

describe('faults', () => {
  it('signs in even when the service worker is stopped between interception and the click', async () => {
    const browser = await launchWithExtension({ server, headless: true });
    try {
      await warmUpCapture(browser.context);
      server.clearReceived();
      const page = await browser.context.newPage();
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1stop'));
      const cdp = await browser.context.newCDPSession(page);
      const states: string[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
        for (const v of event.versions) if (v.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) states.push(v.runningStatus);
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => states.includes('stopped'), { timeout: 5_000 }).toBe(true);
      await page.getByRole('button', { name: /^Sign in/ }).click();
      const post = await server.waitForPost(undefined, 15_000);
      expect(post.fields.SAMLResponse).toBe(server.issued.at(-1)!.samlResponse);
    } finally {
      await browser.close();
    }
  });

  it('forgets everything kept for a tab when the tab closes (capture, attempt, diagnosis, retry grant)', async () => {
    const browser = await launchWithExtension({ server, headless: true });
    try {
      await warmUpCapture(browser.context);
      const worker = browser.serviceWorker!;
      const page = await browser.context.newPage();
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1forget'));
      const tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
      // What a refused sign-in leaves for the diagnosis page, beside the capture itself.
      await worker.evaluate(async (id) => {
        await chrome.storage.session.set({ [`attempt:${id}`]: { tabId: id }, [`diagnosis:${id}`]: { x: 1 }, [`retry:${id}`]: Date.now() });
      }, tabId);
      const keysOfTab = async () => Object.keys(await storageContents(worker, 'session')).filter((k) => k.endsWith(`:${tabId}`)).sort();
      await expect(keysOfTab()).resolves.toEqual([`attempt:${tabId}`, `capture:${tabId}`, `diagnosis:${tabId}`, `retry:${tabId}`]);
      await page.close();
      await expect.poll(keysOfTab, { timeout: 5_000 }).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('keeps no assertion anywhere after the browser is closed with a picker open', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'frp-profile-'));
    try {
      const first = await launchWithExtension({ server, headless: true, userDataDir: profile });
      await warmUpCapture(first.context);
      const page = await first.context.newPage();
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1closed'));
      const assertion = server.issued.at(-1)!.samlResponse;
      await first.close();

      const second = await launchWithExtension({ server, headless: true, userDataDir: profile });
      try {
        const worker = second.serviceWorker!;
        for (const area of ['session', 'local', 'sync'] as const) {
          expect(JSON.stringify(await storageContents(worker, area)), area).not.toContain(assertion.slice(-200));
        }
      } finally {
        await second.close();
      }
      // Not written to disk by the extension either (session storage lives in memory). Chromium's
      // own session files are read record by record in no-trace.test.ts, which knows the one
      // record Chromium itself may write for the picker's entry (SECURITY.md, section 5).
      const hits = await profileContains(profile, assertion.slice(-200));
      expect(hits.filter((path) => !/[\\/]Sessions[\\/]Session_/.test(path))).toEqual([]);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});

describe('a regional endpoint that fails the re-post', () => {
  const EU = 'eu-west-1.signin.aws.amazon.com';
  const cases: Array<[mode: 'error500' | 'down' | 'blackhole', shown: RegExp]> = [
    ['error500', /answered with HTTP 500/],
    ['down', /the connection was (closed|reset|refused)|the connection failed/],
    ['blackhole', /no answer within 15 s/],
  ];
  for (const [mode, shown] of cases) {
    it(`explains a ${mode} endpoint and lets the user retry in another region with the same assertion (re-post only)`, { timeout: 90_000 }, async () => {
      const browser = await launchWithExtension({ server, headless: true });
      try {
        await warmUpCapture(browser.context);
        // With the re-post only: in "auto" the same click continues through STS (sts-failover.test.ts).
        await browser.serviceWorker!.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, signinMethod: 'repost' } }));
        server.clearReceived();
        const page = await browser.context.newPage();
        await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', `exk1fail${mode}`));
        const assertion = server.issued.at(-1)!.samlResponse;
        server.setHostMode(EU, mode);
        await page.getByLabel(/^Region/).selectOption('eu-west-1');
        await expect.poll(() => page.locator('#signin-method').textContent()).toContain('(your setting)');
        await page.getByRole('button', { name: /^Sign in/ }).click();
        await page.getByRole('heading', { name: "eu-west-1's sign-in endpoint did not answer" }).waitFor({ timeout: 30_000 });
        await expect(page.locator('main').innerText()).resolves.toMatch(shown);

        server.setHostMode(EU, 'up');
        await page.getByRole('button', { name: 'Try another region' }).click();
        await page.getByRole('button', { name: /^Sign in/ }).waitFor();
        await page.getByLabel(/^Region/).selectOption('us-west-2');
        await page.getByRole('button', { name: /^Sign in/ }).click();
        const post = await server.waitForPost((p) => p.host === 'us-west-2.signin.aws.amazon.com', 15_000);
        expect(post.fields.SAMLResponse).toBe(assertion);
        await expect
          .poll(async () => JSON.stringify(await storageContents(browser.serviceWorker!, 'session')).includes(assertion), { timeout: 15_000 })
          .toBe(false);
      } finally {
        server.setHostMode(EU, 'up');
        await browser.close();
      }
    });
  }
});
