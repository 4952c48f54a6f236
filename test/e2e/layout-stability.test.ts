import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { signinEndpoints, stsEndpoints } from '../../src/core/aws/endpoints';
import { GLOBAL_SIGNIN_HOST } from '../support/mock-server';
import { extensionSuite, forgetHealth, saveArtifact, tileUrl } from './helpers';

// Nothing the user may be about to click moves once a page has painted: endpoint health
// answers a few hundred milliseconds after the picker shows, and what it says must push nothing.
// Measured with the browser's own Layout Instability API (`layout-shift` entries, buffered), and
// the Sign in button's box in the first frame it painted against its box once health is in.

const suite = extensionSuite();
const origin = () => `chrome-extension://${suite.browser.extensionId}`;

/** Every host the picker probes for the `aws` partition: its SAML sign-in and STS endpoints. */
const PROBED_HOSTS = [...signinEndpoints('aws').map((e) => e.host), ...stsEndpoints('aws').map((e) => e.host)];

/**
 * Health answers late, as it does on a real network: each probe waits at the mock (a short wait: the probes time
 * out after 1.5 s, on a busy machine too).
 * The probes start only once the page rendered, so their answers always come after its first paint.
 */
function healthAnswersLate(delayMs = 200): void {
  for (const host of PROBED_HOSTS) suite.server.setHostMode(host, 'slow', { delayMs });
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Shift {
  value: number;
  startTime: number;
  sources: string[];
}

interface Recorded {
  shifts: Shift[];
  /** The picker's first frame with roles and a Sign in button: the button's box, the region status. */
  firstPaint?: { box: Box; healthState: string };
}

/**
 * Runs in each extension page before its own scripts: collects layout shifts from the start and,
 * on the picker, notes the Sign in button's box in the first frame it exists (before it paints),
 * independent of how fast the test process asks.
 */
function recordStability(): void {
  if (location.protocol !== 'chrome-extension:' && location.protocol !== 'moz-extension:') return;
  const recorded: Recorded = { shifts: [] };
  (window as unknown as { __stability: Recorded }).__stability = recorded;
  const describeNode = (node: Node | null | undefined): string => {
    if (!(node instanceof Element)) return node ? `${node.nodeName} in ${describeNode(node.parentElement)}` : 'a removed node';
    const text = (node.textContent ?? '').trim().slice(0, 40);
    return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).trim().replace(/\s+/g, '.')}` : ''} "${text}"`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
      if (entry.hadRecentInput) continue;
      recorded.shifts.push({ value: entry.value, startTime: entry.startTime, sources: (entry.sources ?? []).map((s) => describeNode(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  if (!location.pathname.endsWith('/picker/index.html')) return;
  const frame = () => {
    const button = document.querySelector<HTMLButtonElement>('form.picker button[type="submit"]');
    if (!button || !document.querySelector('form.picker input[type="radio"]')) return void requestAnimationFrame(frame);
    const { x, y, width, height } = button.getBoundingClientRect();
    const healthState = document.querySelector('.region-status')?.className.split(/\s+/).find((c) => c.startsWith('state-')) ?? 'none';
    recorded.firstPaint = { box: { x, y, width, height }, healthState };
  };
  requestAnimationFrame(frame);
}

/** What the page recorded, read after two more frames (layout-shift entries are queued). */
async function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return (window as unknown as { __stability: Recorded }).__stability;
  });
}

async function signInBox(page: Page): Promise<Box | undefined> {
  return page.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('form.picker button[type="submit"]');
    if (!button) return undefined;
    const { x, y, width, height } = button.getBoundingClientRect();
    return { x, y, width, height };
  });
}

async function newRecordingPage(): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.addInitScript(recordStability);
  return page;
}

const total = (shifts: Shift[]) => shifts.reduce((sum, s) => sum + s.value, 0);

const PREFERRED = { version: 1, preferredRegions: ['us-east-2', 'us-west-2'] };

beforeEach(async () => {
  for (const host of PROBED_HOSTS) suite.server.setHostMode(host, 'up');
  await forgetHealth(suite.worker);
  // The fallback region does not depend on the machine's time zone.
  await suite.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), PREFERRED);
});

interface PickerCase {
  name: string;
  /** Settings besides the preferred regions. */
  settings?: Record<string, unknown>;
  /** The addressed region's endpoint refuses connections. */
  addressedDown: boolean;
  /** What the region status says once health is in. */
  arrived: RegExp;
  /** A notice health brings, if any. */
  notice?: RegExp;
}

const PICKER_CASES: PickerCase[] = [
  { name: 'every endpoint up', addressedDown: false, arrived: /us-east-1 is (up|slow)/ },
  {
    name: 'the addressed region down',
    addressedDown: true,
    arrived: /us-east-2 is (up|slow)/,
    notice: /us-east-1 sign-in is down .* signing you in through us-east-2/,
  },
  {
    name: 'the addressed region down, an IdP app set up for us-east-2',
    settings: { idpAppLinks: { 'us-east-2': 'https://acme.okta.com/home/amazon_aws/0oaeast2/272' } },
    addressedDown: true,
    arrived: /us-east-2 is (up|slow)/,
    notice: /Get a fresh assertion from the us-east-2 app/,
  },
];

describe('nothing moves under the pointer', () => {
  for (const c of PICKER_CASES) {
    it(`picker, ${c.name}, health answering after the roles painted: no layout shift, Sign in stays put`, async () => {
      if (c.settings) await suite.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), { ...PREFERRED, ...c.settings });
      healthAnswersLate();
      if (c.addressedDown) suite.server.setHostMode(GLOBAL_SIGNIN_HOST, 'down');
      const page = await newRecordingPage();
      try {
        await page.goto(tileUrl({}, 'acme.okta.com', `exk1stable${PICKER_CASES.indexOf(c)}`));
        await page.waitForURL(/^chrome-extension:\/\/[a-p]{32}\/src\/pages\/picker\/index\.html/, { timeout: 15_000 });
        const status = page.locator('#region-status');
        await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(c.arrived);
        // Everything health brings (STS state, notices, the default region) is in before measuring.
        await expect.poll(() => page.locator('#region option[data-sts-health="unknown"]').count(), { timeout: 10_000 }).toBe(0);
        if (c.notice) await expect.poll(() => page.locator('form.picker').textContent(), { timeout: 10_000 }).toMatch(c.notice);
        const after = await signInBox(page);
        const { shifts, firstPaint } = await recorded(page);
        await saveArtifact(page, `layout-${c.name.replace(/\W+/g, '-')}.png`);
        // The case's precondition: the roles painted before any health had arrived.
        expect(firstPaint?.healthState).toBe('state-unknown');
        expect(shifts, JSON.stringify(shifts, null, 1)).toEqual([]);
        expect(total(shifts)).toBe(0);
        expect(after).toEqual(firstPaint?.box);
      } finally {
        await page.close();
      }
    });
  }

  it('options page: no layout shift once painted', async () => {
    const page = await newRecordingPage();
    try {
      await page.goto(`${origin()}/src/pages/options/index.html`);
      await page.getByRole('heading', { name: 'Account names' }).waitFor();
      await page.getByRole('heading', { name: 'Appearance' }).waitFor();
      const { shifts } = await recorded(page);
      expect(shifts, JSON.stringify(shifts, null, 1)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('popup, health answering late: no layout shift once painted', async () => {
    healthAnswersLate();
    suite.server.setHostMode(GLOBAL_SIGNIN_HOST, 'down');
    const page = await newRecordingPage();
    try {
      await page.goto(`${origin()}/src/pages/popup/index.html`);
      await page.getByRole('button', { name: 'Check now' }).waitFor();
      await expect.poll(() => page.locator('.health-list li.state-unknown').count(), { timeout: 10_000 }).toBe(0);
      await page.getByRole('button', { name: 'Check now' }).and(page.locator(':enabled')).waitFor();
      const { shifts } = await recorded(page);
      expect(shifts, JSON.stringify(shifts, null, 1)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
