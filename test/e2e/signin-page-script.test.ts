import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSION_DIR, launchWithExtension } from '../support/chromium';
import { DEFAULT_FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, waitInPage } from '../support/firefox';
import { startMockServer, type MockServer } from '../support/mock-server';
import { assertionForms } from '../support/profile-search';
import { describeSnss, navigations, readSessionFiles, type SessionFiles } from '../support/snss';

// When the content script on AWS's sign-in pages (src/content/signin-error.ts) really runs. The
// manifest asks for document_start, but the build makes it a small classic loader that import()s
// the module: the loader runs at document_start, the module (which replaces the history entry a
// POST left, SECURITY.md section 5) only once the import resolves. Measured on a copy of the build
// whose loader and module each note performance.now() and document.readyState on <html> as they
// start; the page's own Navigation Timing gives its parse and DOMContentLoaded.
const SIGNIN_PAGE = 'https://signin.aws.amazon.com/saml';
const LOADS = 5;

interface Timing {
  loader: [number, DocumentReadyState];
  module: [number, DocumentReadyState];
  responseEnd: number;
  domInteractive: number;
  domContentLoaded: number;
}

/**
 * A copy of the build whose content script notes when its loader and its module start (the note is
 * the module's first statement: it runs after the module's imports, just before the history entry is
 * replaced). `withoutReplace` also takes that replacement out.
 */
async function instrumentedCopy(source: string, withoutReplace = false): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'frp-timed-content-'));
  await cp(source, dir, { recursive: true, filter: (path) => !path.includes('_metadata') });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js: string[] }> };
  const loaderPath = join(dir, manifest.content_scripts[0]!.js[0]!);
  const loader = await readFile(loaderPath, 'utf8');
  const modulePath = /chrome\.runtime\.getURL\("([^"]+)"\)/.exec(loader)?.[1];
  if (!modulePath) throw new Error('the content script is no longer a loader that imports its module: update this test and SECURITY.md');
  const note = (name: string) => `document.documentElement.setAttribute("data-frp-${name}", JSON.stringify([performance.now(), document.readyState]));\n`;
  await writeFile(loaderPath, note('loader') + loader);
  let module = await readFile(join(dir, modulePath), 'utf8');
  if (withoutReplace) {
    const replaced = module.replace('history.replaceState(', 'void (');
    if (replaced === module) throw new Error('the content script no longer replaces its history entry: update this test and SECURITY.md');
    module = replaced;
  }
  await writeFile(join(dir, modulePath), note('module') + module);
  return dir;
}

/** In the page: the notes and the page's own timing, once the module has run and the page loaded. */
function readTiming(): Timing | undefined {
  const loader = document.documentElement.getAttribute('data-frp-loader');
  const module = document.documentElement.getAttribute('data-frp-module');
  const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (!loader || !module || !nav || nav.loadEventEnd === 0) return undefined;
  return {
    loader: JSON.parse(loader) as Timing['loader'],
    module: JSON.parse(module) as Timing['module'],
    responseEnd: nav.responseEnd,
    domInteractive: nav.domInteractive,
    domContentLoaded: nav.domContentLoadedEventStart,
  };
}

/** A form POST from AWS's own origin (passed through, as AWS's role page's is) that AWS answers with a page. */
function postFromAwsPage([url, samlResponse]: [string, string]): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = url;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = 'SAMLResponse';
  input.value = samlResponse;
  form.append(input);
  document.body.append(form);
  form.submit();
}

/** Stands for an assertion: unique, so a trace of it on disk can only come from this POST. */
const fakeAssertion = (): string => Buffer.from(`<samlp:Response>${randomUUID().repeat(8)}</samlp:Response>`).toString('base64');

function summary(browser: string, timings: Timing[]): string {
  const ms = (n: number) => `${Math.round(n)}`;
  return timings
    .map((t) => `${browser}: loader ${ms(t.loader[0])} (${t.loader[1]}), module ${ms(t.module[0])} (${t.module[1]}); response end ${ms(t.responseEnd)}, DOM interactive ${ms(t.domInteractive)}, DOMContentLoaded ${ms(t.domContentLoaded)}`)
    .join('\n');
}

/** What holds in every load, in both browsers: the loader at document_start, the module only later. */
function expectLoaderFirst(timings: Timing[]): void {
  expect(timings).toHaveLength(LOADS);
  for (const t of timings) {
    expect(t.loader[1]).toBe('loading');
    expect(t.loader[0]).toBeLessThanOrEqual(t.domInteractive);
    expect(t.module[0]).toBeGreaterThanOrEqual(t.loader[0]);
  }
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the content script on AWS\'s sign-in pages', () => {
  it('Chromium: the loader runs at document_start, the module after its import()', { timeout: 90_000 }, async () => {
    const dir = await instrumentedCopy(DEFAULT_EXTENSION_DIR);
    const browser = await launchWithExtension({ server, headless: true, extensionDir: dir });
    const timings: Timing[] = [];
    try {
      const page = await browser.context.newPage();
      for (let i = 0; i < LOADS; i++) {
        await page.goto('https://signin.aws.amazon.com/');
        await page.evaluate(postFromAwsPage, [SIGNIN_PAGE, fakeAssertion()] as [string, string]);
        await page.waitForURL(SIGNIN_PAGE);
        await page.waitForFunction(readTiming);
        timings.push((await page.evaluate(readTiming))!);
      }
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
    console.log(summary('Chromium', timings));
    expectLoaderFirst(timings);
  });

  it('Firefox: the loader runs at document_start, the module after its import()', { timeout: 90_000 }, async () => {
    const dir = await instrumentedCopy(DEFAULT_FIREFOX_EXTENSION_DIR);
    const firefox = await launchFirefoxWithExtension({ server, extensionDir: dir });
    const timings: Timing[] = [];
    try {
      const page = await firefox.browser.newPage();
      for (let i = 0; i < LOADS; i++) {
        await page.goto('https://signin.aws.amazon.com/');
        await page.evaluate(postFromAwsPage, [SIGNIN_PAGE, fakeAssertion()] as [string, string]);
        await waitInPage(page, () => location.pathname === '/saml' && document.documentElement.hasAttribute('data-frp-module'), 'the content script did not run');
        let timing: Timing | undefined;
        while (!(timing = await page.evaluate(readTiming))) await new Promise((resolve) => setTimeout(resolve, 50));
        timings.push(timing);
      }
    } finally {
      await firefox.close();
      await rm(dir, { recursive: true, force: true });
    }
    console.log(summary('Firefox', timings));
    expectLoaderFirst(timings);
  });
});

/**
 * Chromium writes the entry of a POST answered with a page, body and all, in its session files
 * (SECURITY.md section 5). The content script's module replaces that entry, but only once it runs
 * (above): a save that falls between the commit and then writes the body. These tests show both
 * sides: with the build as it is, every record written after the replacement holds no body (a record
 * that holds it is always superseded by one that does not); without the replacement, the body stays.
 */
describe('what a POST the picker did not make leaves in Chromium\'s session files', () => {
  async function postAndClose(withoutReplace: boolean): Promise<SessionFiles> {
    const dir = await instrumentedCopy(DEFAULT_EXTENSION_DIR, withoutReplace);
    const profile = await mkdtemp(join(tmpdir(), 'frp-no-trace-content-'));
    const samlResponse = fakeAssertion();
    try {
      const browser = await launchWithExtension({ server, headless: true, userDataDir: profile, extensionDir: dir });
      try {
        const page = await browser.context.newPage();
        await page.goto('https://signin.aws.amazon.com/');
        await page.evaluate(postFromAwsPage, [SIGNIN_PAGE, samlResponse] as [string, string]);
        await page.waitForURL(SIGNIN_PAGE);
        await page.waitForFunction(readTiming);
        // Give Chromium's session service its usual moment to write the tab's history.
        await page.waitForTimeout(1_500);
      } finally {
        await browser.close();
      }
      return await readSessionFiles(profile, assertionForms(samlResponse));
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  }
  const listing = (session: SessionFiles) => Object.entries(session.files).map(([name, file]) => `${name}\n${describeSnss(file)}`).join('\n');

  it('with the content script as built: the entry is rewritten without its body', { timeout: 90_000 }, async () => {
    const session = await postAndClose(false);
    const records = navigations(session).filter((c) => c.url === SIGNIN_PAGE);
    expect(records.at(-1)?.hasPostData, listing(session)).toBe(false);
    expect(session.held.filter((trace) => !trace.superseded), listing(session)).toEqual([]);
  });

  it('(without the replacement the body stays: what a save before the module ran writes)', { timeout: 90_000 }, async () => {
    const session = await postAndClose(true);
    const records = navigations(session).filter((c) => c.url === SIGNIN_PAGE);
    expect(records.at(-1)?.hasPostData, listing(session)).toBe(true);
    expect(session.held.filter((trace) => !trace.superseded).length, listing(session)).toBeGreaterThan(0);
  });
});
