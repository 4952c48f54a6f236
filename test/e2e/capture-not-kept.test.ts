import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { axeFindings, extensionSuite, saveArtifact, storageContents, tileUrl } from './helpers';

// Any web page can post to AWS sign-in, and each post is kept, per tab, in storage.session (10 MB in
// all). When other tabs' posts have filled it, the next real sign-in cannot be stored: the picker
// must say so, with the way back to the IdP, rather than "No sign-in was captured".

const suite = extensionSuite();
let page: Page;

/** Fills storage.session from the worker with other tabs' captures (fresh, valid, a page's posts), leaving a few KB. */
async function fillSessionStorage(): Promise<number> {
  return suite.worker.evaluate(async () => {
    const session = chrome.storage.session;
    let tab = 90_000;
    for (const size of [1024 * 1024, 64 * 1024, 4 * 1024]) {
      for (;;) {
        const capture = { samlResponse: 'A'.repeat(size), relayState: '', url: 'https://signin.aws.amazon.com/saml', tabId: tab, capturedAt: Date.now() };
        try {
          await session.set({ [`capture:${tab++}`]: capture });
        } catch {
          break;
        }
      }
    }
    return session.QUOTA_BYTES - (await session.getBytesInUse(null));
  });
}

beforeEach(async () => {
  page = await suite.browser.context.newPage();
});

afterEach(async () => {
  await page.close();
  await suite.worker.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    await chrome.storage.session.remove(Object.keys(all).filter((key) => /^capture:9\d{4}$/.test(key)));
  });
});

describe('a sign-in the browser would not store', () => {
  it('is named as such on the picker, with the way back to the IdP (axe-clean), and nothing of it is kept', async () => {
    const free = await fillSessionStorage();
    expect(free).toBeLessThan(8 * 1024);
    await page.goto(tileUrl({}, 'acme.okta.com', 'exk1notkept'));
    await page.waitForURL(/^chrome-extension:\/\/[a-p]{32}\/src\/pages\/picker\/index\.html/, { timeout: 15_000 });
    await page.getByRole('heading', { name: 'The sign-in could not be kept for the picker' }).waitFor({ timeout: 10_000 });
    await expect(page.getByRole('heading', { name: 'No sign-in was captured' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Go back to your identity provider' }).isVisible()).resolves.toBe(true);
    await saveArtifact(page, 'capture-not-kept.png');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeFindings(page), scheme).toEqual([]);
    }
    // Nothing of this sign-in is in storage; the other tabs' fresh captures were not taken away.
    const stored = await storageContents(suite.worker, 'session');
    const assertion = suite.server.issued.at(-1)!.samlResponse;
    expect(JSON.stringify(stored).includes(assertion)).toBe(false);
    expect(Object.keys(stored).filter((key) => key.startsWith('lost:'))).toEqual([]);
    expect(Object.keys(stored).filter((key) => /^capture:9\d{4}$/.test(key)).length).toBeGreaterThan(5);
  });
});
