// A naming pattern that passes the checker can still be slow on role names built against it
// (here: names that are mostly hyphens, for `.*-.*-.*-.*`). Reading names then stops at its time
// budget, and the picker and the settings preview say so instead of freezing.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extensionSuite, openPickerFromTile, tileUrl } from './helpers';

const suite = extensionSuite();
const SLOW = '(?<alias>.*)-.*-.*-.*!';
const GAVE_UP = /^Reading account names from role names took too long, so it stopped after (\d+) of (\d+) roles;/;

const setSettings = (change: Record<string, unknown>) =>
  suite.worker.evaluate(async (fields) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings as object), version: 1, ...fields } });
  }, change);

async function gaveUpMessage(page: Page): Promise<[number, number]> {
  const status = page.getByRole('status').filter({ hasText: 'took too long' });
  const text = (await status.textContent({ timeout: 15_000 })) ?? '';
  const [, read, total] = GAVE_UP.exec(text) ?? [];
  return [Number(read), Number(total)];
}

describe('a naming pattern that runs out of time', () => {
  it('stops in the picker and says how far it got; the roles stay usable', async () => {
    await setSettings({ aliasPattern: { kind: 'role-name', pattern: SLOW } });
    try {
      const page = await suite.browser.context.newPage();
      await openPickerFromTile(page, tileUrl({ roles: '100', naming: 'hyphens' }, 'acme.okta.com', 'exk1slowname'));
      const [read, total] = await gaveUpMessage(page);
      expect(total).toBe(100);
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(100);
      // Usable: the Sign in button takes a click once armed (half a second after the picker appeared).
      await expect.poll(() => page.getByRole('button', { name: /^Sign in/ }).isEnabled(), { timeout: 5_000 }).toBe(true);
      await page.close();
    } finally {
      await setSettings({ aliasPattern: { kind: 'none' } });
    }
  });

  it('stops in the settings preview and says so there', async () => {
    const at = Date.now();
    const recent = Object.fromEntries(
      ['a', 'b', 'c'].map((app) => [
        `http://www.okta.com/exk1${app}`,
        Array.from({ length: 10 }, (_, i) => ({ roleArn: `arn:aws:iam::111122223333:role/${'-'.repeat(56)}${app}${i}`, region: 'us-east-1', at: at - i })),
      ]),
    );
    await setSettings({ recent });
    try {
      const page = await suite.browser.context.newPage();
      await page.goto(`chrome-extension://${suite.browser.extensionId}/src/pages/options/index.html`);
      await page.getByRole('heading', { name: 'Account names' }).waitFor();
      // The pattern field sits behind its choice.
      await page.getByRole('radio', { name: 'Custom pattern…' }).check();
      await page.getByLabel('Pattern', { exact: true }).fill(SLOW);
      await page.getByRole('radio', { name: 'the pattern above' }).check();
      const [read, total] = await gaveUpMessage(page);
      expect(total).toBe(30);
      expect(read).toBeLessThan(30);
      await page.close();
    } finally {
      await setSettings({ recent: {} });
    }
  });
});
