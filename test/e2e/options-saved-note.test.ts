import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeFindings, extensionSuite, saveArtifact } from './helpers';

// "Saved." shows beside the control that changed, in the page's flow: it takes room of its own, so
// it never covers the text around it (a label, a hint, a heading), at any window width, and it
// moves nothing else.

const suite = extensionSuite();

async function openOptions(size: { width: number; height: number }): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${suite.browser.extensionId}/src/pages/options/index.html`);
  await page.getByRole('heading', { name: 'Account names' }).waitFor();
  return page;
}

type Box = { left: number; top: number; right: number; bottom: number };
const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const boxOf = async (locator: Locator): Promise<Box> => {
  const b = (await locator.boundingBox())!;
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
};

/** The text (each line box of each text node) and the controls the note's box intersects. */
function coveredBy(note: Element): string[] {
  const n = note.getBoundingClientRect();
  const hit = (r: DOMRect) => r.width > 0 && r.height > 0 && r.left < n.right && n.left < r.right && r.top < n.bottom && n.top < r.bottom;
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent?.trim() || !parent || note.contains(node) || parent.closest('.visually-hidden, option')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if ([...range.getClientRects()].some(hit)) found.push(`text "${node.textContent.trim().slice(0, 40)}"`);
  }
  for (const control of document.querySelectorAll('input, select, button, textarea, a')) {
    if (hit(control.getBoundingClientRect())) found.push(`${control.tagName.toLowerCase()} ${control.id}`);
  }
  return found;
}

/**
 * Changes a setting by `act` and waits until it is saved: a new "Saved." (not the one shown before),
 * in the flow right after `control`. Each save is waited for, so none overtakes another.
 */
async function saved(page: Page, control: Locator, act: () => Promise<unknown>): Promise<Locator> {
  await page.evaluate(() => document.querySelectorAll('.saved-note').forEach((el) => el.setAttribute('data-seen', '')));
  await act();
  const note = control.locator('xpath=following-sibling::*[1]');
  await expect
    .poll(() => note.evaluate((el) => `${el.getAttribute('role')} ${el.hasAttribute('data-seen') ? 'seen' : 'new'} ${el.textContent}`).catch(() => ''), { timeout: 5_000 })
    .toBe('status new Saved.');
  return note;
}

/** Changes a setting by `act`, then checks where "Saved." is: beside `control`, over nothing, moving nothing. */
async function savedBeside(page: Page, control: Locator, act: () => Promise<unknown>, below: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  const belowBefore = await boxOf(below);
  const note = await saved(page, control, act);
  await expect(page.getByText('Saved.').count()).resolves.toBe(1);
  const box = await boxOf(note);
  // Beside the control (to its right, on its line), over none of the text or controls around it.
  const anchor = await boxOf(control);
  expect(box.left).toBeGreaterThanOrEqual(anchor.right);
  expect(box.top).toBeLessThan(anchor.bottom);
  expect(box.bottom).toBeGreaterThan(anchor.top);
  expect(intersects(box, anchor)).toBe(false);
  expect(intersects(box, await boxOf(below))).toBe(false);
  await expect(note.evaluate(coveredBy)).resolves.toEqual([]);
  // Nothing under it moved.
  expect(await boxOf(below)).toEqual(belowBefore);
}

describe('"Saved." on the settings page', () => {
  for (const size of [{ width: 1280, height: 800 }, { width: 800, height: 600 }]) {
    it(`sits beside the control that changed and covers no text, at ${size.width}×${size.height}`, async () => {
      const page = await openOptions(size);
      try {
        // A box: beside its label's text, the hint under it untouched.
        const clear = page.getByLabel(/^Clear copied CLI credentials/);
        const clearLabel = page.locator('label.check', { has: clear });
        await savedBeside(page, clearLabel, () => clear.check(), page.locator('#clear-copied-hint'));
        await saveArtifact(page, `options-saved-${size.width}.png`);
        expect(await axeFindings(page)).toEqual([]);
        // Another box of the same section: the note leaves the first one and follows.
        const interception = page.getByLabel(/^Show the role picker/);
        await savedBeside(page, page.locator('label.check', { has: interception }), () => interception.uncheck(), page.locator('section[aria-labelledby=interception] p.hint'));
        await saved(page, page.locator('label.check', { has: interception }), () => interception.check());
        // A select in a row: beside it, before the next label of the row.
        const cap = page.locator('#session-cap');
        await savedBeside(page, cap, () => cap.selectOption(String(2 * 3600)), page.locator('#session-cap-hint'));
        // The theme, in a row with the motion control: beside the theme, clear of "Motion" (the note
        // once covered that label), nothing under it moved.
        const theme = page.locator('#theme');
        const motionLabel = page.locator('label[for=motion]');
        const motionBefore = await boxOf(motionLabel);
        await savedBeside(page, theme, () => theme.selectOption('dark'), page.locator('#group-outage'));
        const note = theme.locator('xpath=following-sibling::*[1]');
        expect(intersects(await boxOf(note), await boxOf(motionLabel))).toBe(false);
        // The row makes room: "Motion" moves right on its line (or to the next), never under the note.
        expect((await boxOf(motionLabel)).left >= (await boxOf(note)).right || (await boxOf(motionLabel)).top >= motionBefore.bottom).toBe(true);
        await saved(page, theme, () => theme.selectOption('system'));
        await saved(page, clearLabel, () => clear.uncheck());
        await saved(page, cap, () => cap.selectOption(String(3600)));
      } finally {
        await page.close();
      }
    });
  }
});

describe('quick edits on the settings page', () => {
  it('keeps both of two changes made one right after the other', async () => {
    const page = await openOptions({ width: 1280, height: 800 });
    const stored = () =>
      suite.browser.serviceWorker!.evaluate(async () => {
        const settings = (await chrome.storage.sync.get('settings'))['settings'] as { automaticFailoverCheck?: boolean; clearCopiedCredentials?: boolean } | undefined;
        return `${settings?.automaticFailoverCheck} ${settings?.clearCopiedCredentials}`;
      });
    try {
      const first = page.getByRole('checkbox', { name: 'Check failover automatically once a week' });
      const second = page.getByRole('checkbox', { name: 'Clear copied CLI credentials from the clipboard after a minute' });
      // Both clicks land before the first save is done: each must apply to what the other saved.
      await expect(first.isChecked()).resolves.toBe(false);
      await expect(second.isChecked()).resolves.toBe(false);
      // Both changes in one go, the second before the first is saved: each must apply to what the other saved.
      await page.evaluate(() => {
        const boxes = [...document.querySelectorAll<HTMLLabelElement>('label.check')].filter((l) =>
          /^(Check failover automatically once a week|Clear copied CLI credentials from the clipboard after a minute)/.test(l.textContent ?? ''),
        );
        for (const label of boxes) label.querySelector('input')!.click();
      });
      await expect.poll(stored, { timeout: 5_000 }).toBe('true true');
      await page.reload();
      await expect(page.getByRole('checkbox', { name: 'Check failover automatically once a week' }).isChecked()).resolves.toBe(true);
      await expect(page.getByRole('checkbox', { name: 'Clear copied CLI credentials from the clipboard after a minute' }).isChecked()).resolves.toBe(true);
    } finally {
      await suite.browser.serviceWorker!.evaluate(() => chrome.storage.sync.remove('settings'));
      await page.close();
    }
  });
});
