// Benchmarks in real Chromium with the built extension (dist/chrome), against the mock Okta/AWS
// server of the e2e tests: time to picker with the worker running and stopped (as ratios to a
// physical floor; time-to-picker.ts), filter latency with
// 2,000 roles, endpoint health if the picker shows it, and the decoder with the page's native
// DOMParser (the picker's own path).
import type { BrowserContext, Worker } from 'playwright-core';
import { launchWithExtension } from '../test/support/chromium';
import { startMockServer } from '../test/support/mock-server';
import { tileUrl } from '../test/e2e/helpers';
import { installMarks } from './picker-marks';
import { openPicker, timeToPicker } from './time-to-picker';
import type { HealthLog, TimeToPicker } from './time-to-picker';
import { workerControl } from './worker-control';

export interface BrowserResults {
  chromium: string;
  /** From Chromium reporting the worker to its capture listener being registered (first start). */
  workerReadyMs: number;
  timeToPicker: TimeToPicker;
  /**
   * Time to picker with ~900 roles and with 3, in alternating pairs (the same IdP app otherwise);
   * also from the IdP page's POST (the picker navigation's own start) to the Sign in button, which
   * leaves out the IdP page building and loading a large assertion.
   */
  largePicker: { roles: number; runs: number; largeMs: number[]; smallMs: number[]; largeFromPostMs: number[]; smallFromPostMs: number[] };
  health: HealthLog;
  /** keystrokeMs at `roles` roles; floorMs the same keys with 3 roles, what any repaint costs here. */
  filter: { roles: number; keystrokeMs: number[]; floorMs: number[] };
  nativeDecode: Record<string, number[]>;
  /**
   * From the click on "Sign in" to the chosen region's console having loaded, in pairs: the plain
   * re-post of an assertion addressed to eu-west-1, and a default assertion (addressed to
   * us-east-1) into eu-west-1 through regional STS + federation (with its IdP app known to be
   * refused elsewhere, the steady state; and the first time, re-post refused then STS).
   */
  signinToConsole: { runs: number; repostMs: number[]; stsMs: number[]; firstTimeMs: number[] };
}

const FILTER_ROLES = 2_000;
const LARGE_PICKER_ROLES = 900;
const LARGE_PAIRS = 8;
/** Typed one character at a time; Escape (clears the filter) between words is not measured. */
const FILTER_WORDS = ['deploy', 'admin', '1234', 'ops'];

// In-page code is kept as plain JavaScript text: tsx compiles functions with helpers (`__name`)
// that do not exist in the page, so functions cannot be handed to Playwright as they are.

/**
 * Arms the measurement of the next keystroke: from the keydown event's own timestamp to just after
 * the next frame that follows the first change to the role list or its count (requestAnimationFrame,
 * then a message task, which runs once that frame has been rendered). Resolves NaN after 5 s.
 */
const ARM_KEYSTROKE = `window.__benchFilter = new Promise((resolve) => {
  let start;
  const onKey = (event) => {
    start = event.timeStamp;
    document.removeEventListener('keydown', onKey, true);
  };
  document.addEventListener('keydown', onKey, true);
  const relevant = (record) => {
    const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    if (node && node.closest('#role-list, #role-count')) return true;
    return [...record.addedNodes].some((n) => n.nodeType === 1 && n.id === 'role-list');
  };
  const observer = new MutationObserver((records) => {
    if (start === undefined || !records.some(relevant)) return;
    observer.disconnect();
    const from = start;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - from);
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  setTimeout(() => resolve(NaN), 5000);
}), undefined`;

/** Runs the page-bundled decoder (SamlDecode) with the page's DOMParser; returns ms per run. */
const DECODE_RUNNER = `window.__benchDecode = (inputs) => {
  const parse = (xml) => new DOMParser().parseFromString(xml, 'text/xml');
  const out = {};
  for (const [name, { base64, runs, warmup }] of Object.entries(inputs)) {
    for (let i = 0; i < warmup; i++) SamlDecode.decodeSamlResponse(base64, parse);
    out[name] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      SamlDecode.decodeSamlResponse(base64, parse);
      out[name].push(performance.now() - started);
    }
  }
  return out;
};`;

export async function runBrowserBenchmarks(decoderScript: string, samples: Record<string, string>): Promise<BrowserResults> {
  const server = await startMockServer();
  const browser = await launchWithExtension({ server, headless: true });
  try {
    const { context, extensionId } = browser;
    const workerReadyMs = await captureListenerReady(browser.serviceWorker);
    const marksOf = await installMarks(context);

    const probe = await context.newPage();
    const chromium = /Chrome\/([\d.]+)/.exec(await probe.evaluate(() => navigator.userAgent))?.[1] ?? 'unknown';
    await probe.close();

    // A tab kept on a web page for the bench's DevTools session that watches the worker.
    const home = await context.newPage();
    await home.goto(tileUrl({ submit: 'noscript' }, 'acme.okta.com', 'exk1benchhome'));
    const worker = await workerControl(context, extensionId, home);
    const health: BrowserResults['health'] = { present: false, cachedMs: [], afterPickerMs: [] };
    const pickerTimes = await timeToPicker(context, extensionId, marksOf, worker, health);
    await worker.close();
    await home.close();

    // The same with ~900 roles against 3: what a large assertion adds (decode, index, first render).
    const largePicker: BrowserResults['largePicker'] = {
      roles: LARGE_PICKER_ROLES,
      runs: LARGE_PAIRS,
      largeMs: [],
      smallMs: [],
      largeFromPostMs: [],
      smallFromPostMs: [],
    };
    for (let i = 0; i < 1 + LARGE_PAIRS; i++) {
      const first = i % 2 === 0;
      const a = await openPicker(context, marksOf, { roles: first ? LARGE_PICKER_ROLES : 3 });
      const b = await openPicker(context, marksOf, { roles: first ? 3 : LARGE_PICKER_ROLES });
      if (i === 0) continue;
      const [large, small] = first ? [a, b] : [b, a];
      largePicker.largeMs.push(large.ms);
      largePicker.smallMs.push(small.ms);
      largePicker.largeFromPostMs.push(large.fromPostMs);
      largePicker.smallFromPostMs.push(small.fromPostMs);
    }

    const filter = { roles: FILTER_ROLES, keystrokeMs: await filterLatency(context), floorMs: await filterLatency(context, 3) };
    const nativeDecode = await decodeInPage(context, decoderScript, samples);
    server.redirectSignins(true);
    // The worker was stopped and started again: Playwright knows it by a new handle.
    const liveWorker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    const signinToConsole = await signinTimes(context, liveWorker);
    return { chromium, workerReadyMs, timeToPicker: pickerTimes, largePicker, health, filter, nativeDecode, signinToConsole };
  } finally {
    await browser.close();
    await server.close();
  }
}

const EU_CONSOLE = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
const SIGNIN_PAIRS = 10;

/** Click on Sign in → the eu-west-1 console loaded, for the re-post and the STS path alternately. */
async function signinTimes(context: BrowserContext, worker: Worker | undefined): Promise<BrowserResults['signinToConsole']> {
  const once = async (url: string, region: string): Promise<number> => {
    const page = await context.newPage();
    try {
      await page.goto(url);
      await page.waitForURL(/^chrome-extension:/, { timeout: 15_000 });
      await page.getByLabel(/^Region/).selectOption(region);
      const button = page.getByRole('button', { name: /^Sign in/ });
      await button.waitFor();
      const started = performance.now();
      await button.click();
      await page.waitForURL(EU_CONSOLE, { timeout: 30_000, waitUntil: 'load' });
      return performance.now() - started;
    } finally {
      await page.close();
    }
  };
  const repost = () => once(tileUrl({ acs: 'https://eu-west-1.signin.aws.amazon.com/saml' }, 'acme.okta.com', 'exk1benchrepost'), 'eu-west-1');
  // A new IdP app each time: AWS refuses the re-post, then STS.
  let fresh = 0;
  const firstTime = () => once(tileUrl({}, 'acme.okta.com', `exk1benchfirst${fresh++}`), 'eu-west-1');
  const sts = () => once(tileUrl({}, 'acme.okta.com', 'exk1benchsts'), 'eu-west-1');
  const result: BrowserResults['signinToConsole'] = { runs: SIGNIN_PAIRS, repostMs: [], stsMs: [], firstTimeMs: [] };
  // Warm up both paths (the first STS sign-in also teaches the extension that this app is refused elsewhere).
  await repost();
  await firstTime();
  await sts();
  for (let i = 0; i < SIGNIN_PAIRS; i++) {
    if (i % 2 === 0) {
      result.repostMs.push(await repost());
      result.stsMs.push(await sts());
    } else {
      result.stsMs.push(await sts());
      result.repostMs.push(await repost());
    }
    if (i % 3 === 0) result.firstTimeMs.push(await firstTime());
  }
  await worker?.evaluate(() => chrome.storage.local.remove('learned:repost-refused')).catch(() => undefined);
  return result;
}

/** Keystroke → repaint in the filter with 2,000 roles, as measured in the page (ARM_KEYSTROKE). */
export async function filterLatency(context: BrowserContext, roles = FILTER_ROLES): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(tileUrl({ roles: String(roles) }), { waitUntil: 'commit' });
  await page.getByRole('button', { name: /^Sign in/ }).waitFor({ timeout: 30_000 });
  await page.getByRole('textbox', { name: /filter/i }).focus();
  await page.waitForTimeout(500); // let health results and first paints settle
  const times: number[] = [];
  const keystroke = async (key: string) => {
    await page.evaluate(ARM_KEYSTROKE);
    await page.keyboard.press(key);
    return page.evaluate('window.__benchFilter') as Promise<number>;
  };
  for (const word of FILTER_WORDS) {
    for (const char of word) times.push(await keystroke(char));
    await keystroke('Escape');
  }
  await page.close();
  if (times.some((t) => Number.isNaN(t))) throw new Error('a filter keystroke changed nothing in the role list within 5 s');
  return times;
}

/** The decoder bundled for the page, run with the page's native DOMParser (what the picker does). */
async function decodeInPage(context: BrowserContext, script: string, samples: Record<string, string>): Promise<Record<string, number[]>> {
  const page = await context.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: script });
  await page.addScriptTag({ content: DECODE_RUNNER });
  const inputs = Object.fromEntries(Object.entries(samples).map(([name, base64]) => [name, { base64, runs: 40, warmup: 10 }]));
  const results = (await page.evaluate((args) => (window as unknown as { __benchDecode(a: unknown): unknown }).__benchDecode(args), inputs)) as Record<
    string,
    number[]
  >;
  await page.close();
  return results;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Chromium reports the worker as soon as it starts, but a sign-in posted before its module graph
 * has loaded and registered the webRequest listener is lost (the picker then says "No sign-in was
 * captured"; docs/interception.md#catching-the-idps-post). Wait for the listener, and say how long that took.
 */
async function captureListenerReady(worker: Worker | undefined): Promise<number> {
  if (!worker) throw new Error('launchWithExtension returned without the service worker');
  const started = performance.now();
  for (;;) {
    const ready = await worker.evaluate('chrome.webRequest.onBeforeRequest.hasListeners()').catch(() => false);
    if (ready === true) return performance.now() - started;
    if (performance.now() - started > 15_000) throw new Error('the service worker never registered its webRequest listener');
    await sleep(5);
  }
}
