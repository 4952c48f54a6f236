// Time to picker, Okta tile → the picker's "Sign in" button, in rounds of three that alternate their
// order: the floor (what any picker costs at the least), the picker with the extension's worker
// running (warm), and the picker with the worker stopped before the click (cold, the daily case:
// Chrome stops an idle worker after 30 s). Each round starts in a new tab already showing a web page
// (the mock Okta page): a blank tab would keep the previous extension process alive.
import type { BrowserContext, Page } from 'playwright-core';
import { tileUrl } from '../test/e2e/helpers';
import type { PageMarks } from './picker-marks';
import type { WorkerControl } from './worker-control';

const ROUNDS = 10;
const WARMUP_ROUNDS = 2;
const HEALTH_WAIT_MS = 3_000;
const START_PAGE = tileUrl({ submit: 'noscript' }, 'acme.okta.com', 'exk1benchstart');

/** Milliseconds after the click (the start of the tile's navigation), NaN when not seen. */
export interface AfterClick {
  /** The picker's navigation committed (Playwright's framenavigated, the tab now shows the picker). */
  commitMs: number;
  /** The worker copied the form fields (the capture's capturedAt, just before its storage.session write). */
  capturedMs: number;
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  /** The picker's DOMContentLoaded (navigation timing). */
  domContentLoadedMs: number;
  /** The "Sign in" button exists (the page's own clock, as the others). */
  signInMs: number;
  /** Worker stopped only: the new worker started (its global scope's performance.timeOrigin). */
  workerStartedMs?: number;
}

export interface HealthLog {
  present: boolean;
  firstRunMs?: number;
  cachedMs: number[];
  afterPickerMs: number[];
}

export interface TimeToPicker {
  runs: number;
  floorMs: number[];
  warmMs: number[];
  coldMs: number[];
  warmAfter: AfterClick[];
  coldAfter: AfterClick[];
}

export interface PickerRun {
  ms: number;
  /** Date.now() at the click. */
  clickedAt: number;
  /** The Sign in mark in the picker's clock: from the IdP page's POST. */
  fromPostMs: number;
  after: AfterClick;
}

interface OpenOptions {
  roles?: number;
  /** A page to show first, untimed (the round's starting point). Default: a new blank tab. */
  from?: string;
  /** Runs after `from` has loaded, just before the click (stopping the worker). */
  beforeClick?: () => Promise<void>;
  health?: { log: HealthLog; measured: boolean };
}

/** Read in the picker once its Sign in button exists; only timestamps leave the page, never the capture. */
const PAGE_TIMES = `(async () => {
  const paint = (name) => performance.getEntriesByName(name, 'paint')[0]?.startTime ?? null;
  for (let i = 0; i < 50 && paint('first-contentful-paint') === null; i++) await new Promise((r) => setTimeout(r, 20));
  const nav = performance.getEntriesByType('navigation')[0];
  const tab = await chrome.tabs.getCurrent();
  const key = 'capture:' + tab?.id;
  const capture = (await chrome.storage.session.get(key))[key];
  return {
    timeOrigin: performance.timeOrigin,
    firstPaint: paint('first-paint'),
    firstContentfulPaint: paint('first-contentful-paint'),
    domContentLoaded: nav ? nav.domContentLoadedEventStart : null,
    capturedAt: capture && typeof capture.capturedAt === 'number' ? capture.capturedAt : null,
  };
})()`;

interface PageTimes {
  timeOrigin: number;
  firstPaint: number | null;
  firstContentfulPaint: number | null;
  domContentLoaded: number | null;
  capturedAt: number | null;
}

/** Okta tile → picker interactive: from the start of page.goto to the moment the "Sign in" button exists. */
export async function openPicker(context: BrowserContext, marksOf: (page: Page) => PageMarks, options: OpenOptions = {}): Promise<PickerRun> {
  const page = await context.newPage();
  try {
    if (options.from) await page.goto(options.from, { waitUntil: 'load' });
    await options.beforeClick?.();
    const marks = marksOf(page);
    let committed = NaN;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith('chrome-extension:') && Number.isNaN(committed)) committed = performance.now();
    });
    const clickedAt = Date.now();
    const started = performance.now();
    await page.goto(tileUrl({ submit: 'script', ...(options.roles ? { roles: String(options.roles) } : {}) }), { waitUntil: 'commit' });
    const ready = await withTimeout(marks.signIn, 15_000).catch(async () => {
      const shown = (await page.locator('body').innerText().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
      throw new Error(`the picker never showed its Sign in button; it shows: "${shown}"`);
    });
    const times = (await page.evaluate(PAGE_TIMES)) as PageTimes;
    const fromPage = (t: number | null) => (t === null ? NaN : times.timeOrigin + t - clickedAt);
    const after: AfterClick = {
      commitMs: committed - started,
      capturedMs: times.capturedAt === null ? NaN : times.capturedAt - clickedAt,
      firstPaintMs: fromPage(times.firstPaint),
      firstContentfulPaintMs: fromPage(times.firstContentfulPaint),
      domContentLoadedMs: fromPage(times.domContentLoaded),
      signInMs: fromPage(ready.pageAt),
    };
    const healthAt = await Promise.race([marks.health, sleep(HEALTH_WAIT_MS).then(() => undefined)]);
    const health = options.health;
    if (healthAt !== undefined && health) {
      health.log.present = true;
      health.log.firstRunMs ??= healthAt - started;
      if (health.measured) {
        health.log.cachedMs.push(healthAt - started);
        health.log.afterPickerMs.push(healthAt - ready.at);
      }
    }
    return { ms: ready.at - started, clickedAt, fromPostMs: ready.pageAt, after };
  } finally {
    await page.close();
  }
}

/**
 * The physical floor, measured the same way: the same Okta page without letting it post
 * (?submit=noscript waits for a click), then the tab navigates to a static file of the extension.
 * That is what any picker costs at the least: the IdP's page, then one navigation into the
 * extension's origin (its own renderer process). What the real flow adds on top is ours: the
 * redirected POST, the picker's JS and CSS, waiting for the capture, decoding, first render.
 */
async function floor(context: BrowserContext, extensionId: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(START_PAGE, { waitUntil: 'load' });
    const started = performance.now();
    await page.goto(tileUrl({ submit: 'noscript' }), { waitUntil: 'load' });
    await page.goto(`chrome-extension://${extensionId}/icons/icon-128.png`, { waitUntil: 'load' });
    return performance.now() - started;
  } finally {
    await page.close();
  }
}

export async function timeToPicker(
  context: BrowserContext,
  extensionId: string,
  marksOf: (page: Page) => PageMarks,
  worker: WorkerControl,
  health: HealthLog,
): Promise<TimeToPicker> {
  const result: TimeToPicker = { runs: ROUNDS, floorMs: [], warmMs: [], coldMs: [], warmAfter: [], coldAfter: [] };
  for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
    const measured = i >= WARMUP_ROUNDS;
    const warm = () => openPicker(context, marksOf, { from: START_PAGE, health: { log: health, measured } });
    const cold = async () => {
      let clickedAt = NaN;
      const run = await openPicker(context, marksOf, {
        from: START_PAGE,
        beforeClick: async () => {
          await worker.stop();
          clickedAt = performance.now();
        },
      });
      await worker.checkRestarted(clickedAt);
      const started = context.serviceWorkers().findLast((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      const timeOrigin = Number(await started?.evaluate('performance.timeOrigin'));
      return { ...run, after: { ...run.after, workerStartedMs: timeOrigin - run.clickedAt } };
    };
    // Rotate the order, so drift (caches, a worker just restarted) hits all three alike.
    const steps = [
      async () => {
        const ms = await floor(context, extensionId);
        if (measured) result.floorMs.push(ms);
      },
      async () => {
        const run = await warm();
        if (measured) record(run, result.warmMs, result.warmAfter);
      },
      async () => {
        const run = await cold();
        if (measured) record(run, result.coldMs, result.coldAfter);
      },
    ];
    for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]?.();
  }
  return result;
}

function record(run: PickerRun, times: number[], after: AfterClick[]): void {
  times.push(run.ms);
  after.push(run.after);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`timed out after ${ms} ms`)))]);
}
