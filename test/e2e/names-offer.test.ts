import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFindings, extensionSuite, openPickerFromTile, saveArtifact, tileUrl } from './helpers';

// The offer to name the accounts (names read from Okta-style role names, or from AWS itself): one
// line above the role list at any window width, with a "×" that hides it and is remembered for the
// IdP app, in the settings where "Never ask for this IdP app" was already kept.

const suite = extensionSuite();

/** The line's box, the boxes of its parts, and the role list's top. */
async function lineFacts(line: Locator) {
  return line.evaluate((el) => {
    const box = (e: Element) => e.getBoundingClientRect();
    const parts = [...el.querySelectorAll('button, .offer-text')].map((e) => box(e));
    return {
      height: box(el).height,
      lineHeight: parseFloat(getComputedStyle(el.querySelector('.names-offer')!).lineHeight),
      tops: parts.map((p) => Math.round(p.top + p.height / 2)),
      right: Math.max(...parts.map((p) => p.right)),
      panelRight: box(el.closest('form')!).right,
      listTop: box(document.querySelector('.list-columns')!).top,
      bottom: box(el).bottom,
    };
  });
}

async function expectOneLine(page: Page) {
  const facts = await lineFacts(page.locator('.names-line'));
  // One line: every part centred on the same line, the line no taller than one line of its text and its "×".
  expect(new Set(facts.tops).size, JSON.stringify(facts.tops)).toBeLessThanOrEqual(2);
  expect(Math.max(...facts.tops) - Math.min(...facts.tops)).toBeLessThanOrEqual(2);
  expect(facts.height).toBeLessThan(facts.lineHeight * 1.8);
  expect(facts.right).toBeLessThanOrEqual(facts.panelRight);
  expect(facts.bottom).toBeLessThanOrEqual(facts.listTop);
}

describe('the account names offer', () => {
  it('is one line above the list, also at 800×600, whichever offer it makes', async () => {
    const page = await suite.browser.context.newPage();
    try {
      for (const size of [{ width: 1280, height: 800 }, { width: 800, height: 600 }]) {
        await page.setViewportSize(size);
        await openPickerFromTile(page, tileUrl({ naming: 'okta' }, 'acme.okta.com', 'exk1lineokta'));
        const group = page.getByRole('group', { name: 'Account names from role names' });
        await expect(group.textContent()).resolves.toContain('Show it for 2 accounts?');
        await group.getByRole('button', { name: 'Show account names' }).waitFor();
        await group.getByRole('button', { name: 'Never ask for this IdP app' }).waitFor();
        await page.getByRole('button', { name: 'Dismiss account names offer' }).waitFor();
        await expectOneLine(page);

        await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1lineaws'));
        await page.getByRole('button', { name: 'Get account names from AWS' }).waitFor();
        await expectOneLine(page);
      }
      expect(await axeFindings(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('hides on "Dismiss account names offer", gives the keyboard back to the filter, and is not made again for that IdP app', async () => {
    const page = await suite.browser.context.newPage();
    try {
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1dismissed'));
      const offer = page.getByRole('button', { name: 'Get account names from AWS' });
      await offer.waitFor();
      await page.getByRole('button', { name: 'Dismiss account names offer' }).click();
      await offer.waitFor({ state: 'detached' });
      await expect(page.locator('.names-line').count()).resolves.toBe(0);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('role-filter');
      // Nothing was asked of AWS.
      expect(suite.server.received).toEqual([]);
      // Kept with the IdP apps that said no to the names offers.
      await expect
        .poll(() => suite.worker.evaluate(async () => JSON.stringify(await chrome.storage.sync.get(null))), { timeout: 5_000 })
        .toMatch(/aliasOfferDeclined/);

      // The next picker from that IdP app: no offer; another app's picker still offers.
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1dismissed'));
      await page.getByRole('heading', { name: /Account\s*1111-2222-3333/ }).waitFor();
      // (Its place is kept, unseen, until the stored settings are read.)
      await expect.poll(() => page.locator('.names-line').count(), { timeout: 5_000 }).toBe(0);
      await expect(offer.count()).resolves.toBe(0);
      await saveArtifact(page, 'picker-names-offer-dismissed.png');
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1notdismissed'));
      await offer.waitFor();
    } finally {
      await page.close();
    }
  });
});
