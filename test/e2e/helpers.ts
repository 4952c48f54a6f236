import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchWithExtension, type LaunchedExtension } from '../support/chromium';
import { startMockServer, type MockServer } from '../support/mock-server';
export const ARTIFACTS_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'test-results');

export function tileUrl(query: Record<string, string> = {}, host = 'acme.okta.com', appId = 'exk1e2e'): string {
  const params = new URLSearchParams(query).toString();
  return `https://${host}/app/amazon_aws/${appId}/sso/saml${params ? `?${params}` : ''}`;
}

/** Opens the IdP tile and waits until the picker is interactive (its Sign in button shows). */
export async function openPickerFromTile(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/^chrome-extension:\/\/[a-p]{32}\/src\/pages\/picker\/index\.html/, { timeout: 15_000 });
  await page.getByRole('button', { name: /^Sign in/ }).waitFor({ timeout: 15_000 });
}

/** Everything the extension keeps in one storage area, read from its own service worker. */
export async function storageContents(worker: Worker, area: 'session' | 'local' | 'sync'): Promise<Record<string, unknown>> {
  return worker.evaluate((name) => chrome.storage[name].get(null), area);
}

export async function saveArtifact(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Right after install Chrome may redirect the first sign-in before the worker's webRequest
 * listener is registered browser-side (docs/interception.md#catching-the-idps-post: the capture is lost and the picker says so).
 * Tests of the normal flow start once a sign-in has been captured for real.
 */
export async function warmUpCapture(context: BrowserContext, attempts = 5): Promise<void> {
  const page = await context.newPage();
  try {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await page.goto(tileUrl({}, 'acme.okta.com', 'exk1warmup'));
      const ready = page.getByRole('button', { name: /^Sign in/ });
      const lost = page.getByRole('heading', { name: 'No sign-in was captured' });
      await ready.or(lost).first().waitFor({ timeout: 15_000 });
      if (await ready.isVisible()) return;
    }
    throw new Error(`No sign-in was captured in ${attempts} attempts: the worker's listener never became active.`);
  } finally {
    await page.close();
  }
}

/**
 * Forgets the endpoint health the worker keeps (fresh for a minute), once the probes running now
 * have finished: the next picker or popup probes again, and its health answers after it painted.
 */
export async function forgetHealth(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    for (let i = 0; i < 400; i++) {
      const all = await chrome.storage.session.get(null);
      const entries = Object.entries(all).filter(([k]) => k.startsWith('health:'));
      const running = entries.some(([, v]) => Object.values(v as Record<string, { checkingSince?: number }>).some((h) => h.checkingSince));
      if (!running) {
        await chrome.storage.session.remove(entries.map(([k]) => k));
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('health probes never settled');
  });
}

/** Files under a folder (a browser profile) whose bytes contain `needle`, read as Latin-1 text. */
export async function profileContains(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path).then((b) => b.toString('latin1'), () => '');
    if (text.includes(needle)) hits.push(path);
  }
  return hits;
}

/**
 * The usual suite: one mock server and one Chromium with the built extension, warmed up (a first
 * sign-in captured) before the tests, closed after. Read the fields inside tests and hooks.
 */
export function extensionSuite(
  options: {
    /** Where the extension to load comes from (default dist/chrome), e.g. a store package unpacked; removed after. */
    unpack?: () => Promise<{ dir: string; remove(): Promise<void> }>;
  } = {},
): { readonly server: MockServer; readonly browser: LaunchedExtension; readonly worker: Worker } {
  let server: MockServer | undefined;
  let browser: LaunchedExtension | undefined;
  let unpacked: { dir: string; remove(): Promise<void> } | undefined;
  beforeAll(async () => {
    server = await startMockServer();
    unpacked = await options.unpack?.();
    browser = await launchWithExtension({ server, headless: true, extensionDir: unpacked?.dir });
    await warmUpCapture(browser.context);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && browser) await printFailureState(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await unpacked?.remove();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('extensionSuite: used before its beforeAll ran');
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
    get worker() {
      return ready(ready(browser).serviceWorker);
    },
  };
}

/**
 * What a failed test left on screen, for a CI log that says why: each page's address (no query or
 * fragment) and the start of its visible text, and what the worker knows of each region's health.
 * The picker never shows the assertion; CLI credentials it shows are masked.
 */
async function printFailureState(browser: LaunchedExtension): Promise<void> {
  const lines: string[] = [];
  for (const page of browser.context.pages()) {
    const url = page.url().split(/[?#]/)[0];
    const text = await page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch(() => '(no text)');
    // Shown CLI credentials (mock ones, but a log is no place for any): access key IDs and long tokens.
    const shown = text.replace(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, '[key id]').replace(/[A-Za-z0-9+/=_-]{40,}/g, '[token]');
    lines.push(`page ${url}: ${shown.replace(/\s+/g, ' ').slice(0, 600)}`);
  }
  const health = await browser.serviceWorker
    ?.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith('health:'))
        .map(([key, value]) =>
          `${key} ${Object.values(value as Record<string, { region: string; state: string; latencyMs?: number }>)
            .filter((h) => h.state !== 'unknown')
            .map((h) => `${h.region}=${h.state}${h.latencyMs === undefined ? '' : `/${h.latencyMs}ms`}`)
            .join(' ')}`,
        );
    })
    .catch(() => ['(worker unreachable)']);
  console.log(`state after the failure:\n${[...lines, ...(health ?? [])].join('\n')}`);
}

/** An IdP page that posts `samlResponse` to AWS's global sign-in endpoint, as Okta's page would. */
export async function postFromIdp(page: Page, samlResponse: string): Promise<void> {
  await page.goto('https://acme.okta.com/');
  await page.evaluate((value) => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = 'https://signin.aws.amazon.com/saml';
    for (const [name, fieldValue] of [['SAMLResponse', value], ['RelayState', '']]) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name!;
      input.value = fieldValue!;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }, samlResponse);
}

// axe-core, injected through the DevTools protocol (page.evaluate), which our pages' CSP does not
// apply to; nothing of it ships in the extension.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical findings of the WCAG 2.1 A/AA rules on the page as it is. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const run = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return run.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return results.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}
