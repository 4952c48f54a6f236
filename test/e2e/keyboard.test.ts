import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { landsInConsole } from './flows';
import { axeFindings, extensionSuite, openPickerFromTile, tileUrl } from './helpers';

// The daily route by keyboard with 900 roles (and the offer to name their accounts showing): the
// role list is one Tab stop, so from the filter the region is a few Tabs away and Sign in one more.
// And the page at 1280×800: dense rows, the region and the actions in view, only the list scrolling.

const suite = extensionSuite();

beforeEach(() => suite.server.clearReceived());

/** What has the focus: its id, or its role and accessible text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', tag: el?.tagName.toLowerCase() ?? '', type: (el as HTMLInputElement | null)?.type ?? '', text: el?.textContent?.trim() ?? '' };
  });

describe('the picker by keyboard, 900 roles', () => {
  it('reaches the region from the filter in at most 4 Tabs, then signs in with Tab and Enter', async () => {
    const page = await suite.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await openPickerFromTile(page, tileUrl({ roles: '900' }, 'acme.okta.com', 'exk1keys'));
      // The offer to name the accounts shows (none has a name): it is on the route too.
      await page.getByRole('button', { name: 'Get account names from AWS' }).waitFor();
      await expect(focused(page)).resolves.toMatchObject({ id: 'role-filter' });
      const route: string[] = [];
      for (let tabs = 1; tabs <= 4; tabs++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        route.push(now.id || `${now.tag}:${now.type}:${now.text.slice(0, 30)}`);
        if (now.id === 'region') break;
      }
      expect(route.at(-1), route.join(' → ')).toBe('region');
      expect(route.length).toBeLessThanOrEqual(4);
      await expect(page.getByLabel(/^Region/).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      // One more Tab: Sign in; Enter signs in, at the addressed region.
      await page.keyboard.press('Tab');
      await expect(focused(page)).resolves.toMatchObject({ tag: 'button', text: expect.stringMatching(/^Sign in as Admin in us-east-1$/) });
      await page.keyboard.press('Enter');
      const post = await suite.server.waitForPost((p) => p.host === 'signin.aws.amazon.com' && !!p.fields.SAMLResponse, 15_000);
      expect(post.fields.RelayState).toBe('https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1');
    } finally {
      await page.close();
    }
  });

  it('moves with arrows, ticks with Space and pins with * inside the one Tab stop of the list', async () => {
    const page = await suite.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await openPickerFromTile(page, tileUrl({ roles: '900' }, 'acme.okta.com', 'exk1keys2'));
      const radio = page.locator('#role-list input[type=radio]:checked');
      await radio.focus();
      await page.keyboard.press('ArrowDown');
      const second = await radio.getAttribute('value');
      expect(second).toMatch(/:role\/team\/Deploy$/);
      await page.keyboard.press(' ');
      const row = page.locator(`.role[data-arn="${second}"]`);
      await expect(row.locator('input.also-open').isChecked()).resolves.toBe(true);
      await page.keyboard.press('*');
      // Pinned: saved, the row moves to the Pinned section, still selected and focused.
      await expect.poll(() => page.locator(`.role[data-arn="${second}"] button.pin`).first().getAttribute('aria-pressed'), { timeout: 5_000 }).toBe('true');
      // Still on the list (neither key went to the filter), and its boxes and stars are no Tab stops.
      await expect(focused(page)).resolves.toMatchObject({ type: 'radio' });
      await expect(page.getByLabel('Filter roles').inputValue()).resolves.toBe('');
      await expect(page.locator('#role-list input.also-open:not([tabindex="-1"]), #role-list button.pin:not([tabindex="-1"])').count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
  });

  it('at 1280×800: rows 28–32px, the region and Sign in in view, only the list scrolls', async () => {
    const page = await suite.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await openPickerFromTile(page, tileUrl({ roles: '900' }, 'acme.okta.com', 'exk1dense'));
      const facts = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const fontPx = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
        return {
          rowPx: box('#role-list .role').height,
          signInBottom: box('form.picker button[type="submit"]').bottom,
          regionBottom: box('#region').bottom,
          pageScrolls: document.scrollingElement!.scrollHeight > innerHeight,
          listScrolls: document.getElementById('role-list')!.scrollHeight > document.getElementById('role-list')!.clientHeight,
          roleNamePx: fontPx('#role-list .role-name'),
          pathPx: fontPx('#role-list .role-path'),
          headingPx: fontPx('#role-list .account-heading'),
        };
      });
      expect(facts.rowPx).toBeGreaterThanOrEqual(28);
      expect(facts.rowPx).toBeLessThanOrEqual(32);
      expect(facts.signInBottom).toBeLessThanOrEqual(800);
      expect(facts.regionBottom).toBeLessThanOrEqual(800);
      expect(facts.pageScrolls).toBe(false);
      expect(facts.listScrolls).toBe(true);
      // Role names are the largest text of the list (Chromium's 75% default size for extension pages is overridden).
      expect(facts.roleNamePx).toBe(15);
      expect(facts.roleNamePx).toBeGreaterThan(facts.pathPx);
      expect(facts.roleNamePx).toBeGreaterThan(facts.headingPx);
    } finally {
      await page.close();
    }
  });
});

describe('a region named in the filter', () => {
  it('"dep @euw1" filters by "dep", chooses eu-west-1 in the Region control, and Enter signs in there; an unknown "@word" is said and filters nothing', async () => {
    const page = await suite.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await openPickerFromTile(page, tileUrl({}, 'acme.okta.com', 'exk1regionword'));
      const issued = suite.server.issued.at(-1)!;
      const filter = page.getByLabel('Filter roles');
      const region = page.getByLabel('Region', { exact: true });
      const shown = () => page.locator('#role-list input[type=radio]').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value));

      // A word that names no region: said beside the filter, the region unchanged, the roles filtered by "dep" only.
      await filter.pressSequentially('dep @xyz');
      await expect(page.locator('#region-word').textContent()).resolves.toBe('No region called @xyz');
      await expect(page.locator('#region-word').getAttribute('aria-live')).resolves.toBe('polite');
      await expect(region.inputValue()).resolves.toBe('us-east-1');
      await expect(shown()).resolves.toEqual(['arn:aws:iam::444455556666:role/team/Deploy']);
      expect(await axeFindings(page)).toEqual([]);

      await filter.fill('');
      await filter.pressSequentially('dep @euw1');
      await expect.poll(() => region.inputValue()).toBe('eu-west-1');
      await expect(page.locator('#region-word').textContent()).resolves.toBe('');
      await expect(shown()).resolves.toEqual(['arn:aws:iam::444455556666:role/team/Deploy']);
      await expect(page.getByRole('button', { name: /^Sign in/ }).textContent()).resolves.toBe('Sign in as Deploy in eu-west-1');

      // Enter in the filter: the re-post goes to eu-west-1 (AWS refuses it there: the Recipient is
      // the global endpoint), and the same Enter goes on through eu-west-1's STS into its console.
      await page.keyboard.press('Enter');
      const post = await suite.server.waitForPost((p) => p.host === 'eu-west-1.signin.aws.amazon.com', 15_000);
      expect(post.fields.SAMLResponse).toBe(issued.samlResponse);
      expect(post.fields.RelayState).toBe('https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
      expect(post.fields.roleIndex).toBe('arn:aws:iam::444455556666:role/team/Deploy');
      await landsInConsole(page, 'eu-west-1', 'Deploy', 30_000);
      expect(suite.server.received.filter((p) => p.host === 'signin.aws.amazon.com')).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
