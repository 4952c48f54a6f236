import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_SIGNIN_HOST } from '../support/mock-server';
import { ARTIFACTS_DIR, extensionSuite, forgetHealth, openPickerFromTile, tileUrl } from './helpers';

// The stores' screenshots (store/listing.md), 1280×800 as both stores take them, from the real
// built extension against the mock IdP and AWS: the picker, the region selector during an outage,
// the settings page and the toolbar popup. Written to test-results/store-screenshots/ (not in git).

const OUT = join(ARTIFACTS_DIR, 'store-screenshots');
const SIZE = { width: 1280, height: 800 };
const APP = 'exk1store';

const suite = extensionSuite();
const origin = () => `chrome-extension://${suite.browser.extensionId}`;

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the 8-byte signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a' || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, name);
  // The viewport as it is, not the full page: exactly 1280×800 CSS pixels at a device scale of 1.
  await page.screenshot({ path, fullPage: false });
  return path;
}

async function storePage(): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.setViewportSize(SIZE);
  await page.emulateMedia({ colorScheme: 'light' });
  return page;
}

beforeAll(async () => {
  // A returning user: account names of their own, preferred regions, one sign-in from this IdP app
  // remembered (so the picker preselects it, as it does every day).
  await suite.worker.evaluate(() =>
    chrome.storage.sync.set({
      settings: {
        version: 1,
        preferredRegions: ['us-east-2', 'eu-west-1'],
        accountNames: { '111122223333': 'payments-prod', '444455556666': 'shared-services' },
      },
    }),
  );
  const page = await suite.browser.context.newPage();
  await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', APP));
  await page.getByRole('radio', { name: /Deploy.*shared-services/ }).check();
  await page.getByRole('button', { name: /^Sign in/ }).click();
  await page.waitForURL((url) => url.hostname.endsWith('signin.aws.amazon.com'), { timeout: 15_000 });
  await page.close();
});

describe('store screenshots, 1280×800', () => {
  const taken: string[] = [];

  it('the role picker', async () => {
    const page = await storePage();
    try {
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', APP));
      await expect.poll(() => page.locator('#region-status').textContent(), { timeout: 10_000 }).toMatch(/us-east-1 is (up|slow)/);
      await page.getByRole('button', { name: 'Check again' }).and(page.locator(':enabled')).waitFor();
      taken.push(await shoot(page, '1-picker.png'));
    } finally {
      await page.close();
    }
  });

  it('the region selector while us-east-1 is down', async () => {
    await forgetHealth(suite.worker);
    suite.server.setHostMode(GLOBAL_SIGNIN_HOST, 'down');
    const page = await storePage();
    try {
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', APP));
      await page.getByText(/us-east-1 sign-in is down .* signing you in through us-east-2/).waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Check again' }).and(page.locator(':enabled')).waitFor();
      // The region selector, the notice and the buttons in view, as the user sees them.
      await page.locator('.notices').scrollIntoViewIfNeeded();
      taken.push(await shoot(page, '2-region-outage.png'));
    } finally {
      suite.server.setHostMode(GLOBAL_SIGNIN_HOST, 'up');
      await page.close();
    }
  });

  it('the settings page', async () => {
    const page = await storePage();
    try {
      await page.goto(`${origin()}/src/pages/options/index.html`);
      await page.getByRole('heading', { name: 'Preferred regions' }).waitFor();
      taken.push(await shoot(page, '3-settings.png'));
    } finally {
      await page.close();
    }
  });

  it('the toolbar popup while us-east-1 is down', async () => {
    await forgetHealth(suite.worker);
    suite.server.setHostMode(GLOBAL_SIGNIN_HOST, 'down');
    const page = await storePage();
    try {
      await page.goto(`${origin()}/src/pages/popup/index.html`);
      await page.getByRole('button', { name: 'Check now' }).and(page.locator(':enabled')).waitFor({ timeout: 10_000 });
      await expect.poll(() => page.locator('.health-list li.state-unknown').count(), { timeout: 10_000 }).toBe(0);
      // The popup is 23rem wide: shown enlarged, centred on the page background, as a store frame.
      await page.addStyleTag({
        content: `html { min-height: 100%; display: grid; place-items: center; background: light-dark(#e3e7ea, #0a131e); }
          body.popup { zoom: 1.8; border: 1px solid var(--border); border-radius: 10px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); }`,
      });
      taken.push(await shoot(page, '4-popup.png'));
    } finally {
      suite.server.setHostMode(GLOBAL_SIGNIN_HOST, 'up');
      await page.close();
    }
  });

  it('every screenshot is a 1280×800 PNG', () => {
    expect(taken).toHaveLength(4);
    for (const path of taken) expect(pngSize(readFileSync(path)), path).toEqual(SIZE);
  });
});
