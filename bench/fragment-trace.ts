// `npx tsx bench/fragment-trace.ts` (after a build; not part of `npm run bench`): Chromium traces
// (DevTools Tracing) of the IdP's POST redirected to the picker, with the redirect's fragment as built,
// with a 100-character one and with none (copies of the build with other rules), alternated. Prints,
// per variant, the median time from the picker's commit to its first script, its main module and its
// first contentful paint, and what the browser's UI thread spent on the picker's commits. Writes the
// traces to TRACE_DIR if set (open them in DevTools' Performance panel). Tracing adds its own cost to
// every event that carries the long URL, so compare the variants, not the absolute times.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { DEFAULT_EXTENSION_DIR, launchWithExtension } from '../test/support/chromium';
import { startMockServer } from '../test/support/mock-server';
import { median } from './stats';
import { traceTileClick, type TraceEvent } from './tile-trace';

const ROUNDS = Number(process.env.ROUNDS ?? 6);
const CATEGORIES = [
  'toplevel', 'navigation', 'loading', 'blink', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline',
  'browser', 'content', 'extensions', 'benchmark', 'v8.execute', 'netlog', 'disabled-by-default-network', 'ipc', 'mojom',
];


/** A copy of the build whose rules redirect behind `fragment` characters of fragment (0: none). */
async function copyWithFragment(fragment: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'frp-redirect-'));
  await cp(DEFAULT_EXTENSION_DIR, dir, { recursive: true, filter: (source) => !source.includes('_metadata') });
  const path = join(dir, 'rules', 'intercept.json');
  const rules = JSON.parse(await readFile(path, 'utf8')) as Array<{ action: { redirect: { extensionPath: string } } }>;
  for (const rule of rules) {
    const plain = rule.action.redirect.extensionPath.split('#')[0]!;
    rule.action.redirect.extensionPath = fragment ? `${plain}#${'-'.repeat(fragment)}` : plain;
  }
  await writeFile(path, JSON.stringify(rules));
  return dir;
}

const traceOnce = (context: BrowserContext, round: number) => traceTileClick(context, `exk1trace${round}`, CATEGORIES);

const BROWSER_UI_WORK = [
  'RenderFrameHostImpl::DidCommitNavigation',
  'WebContentsImpl::DidChangeVisibleSecurityState',
  'RenderFrameHostImpl::DidCommitSameDocumentNavigation',
];

/**
 * From the picker's commit in the extension's renderer: when its first script (forget-post.js) ran,
 * when its main module was compiled, its first contentful paint; and how long the browser's UI thread
 * (which also serves every extension file) spent on the picker's commits.
 */
function analyse(events: TraceEvent[]): Record<string, number> {
  const names = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name') names.set(e.pid, String(e.args?.name));
  const inExtension = (e: TraceEvent) => names.get(e.pid) === 'Extension Renderer';
  const commit = events.find((e) => e.name === 'RenderFrameImpl::CommitNavigation' && e.ph === 'X' && inExtension(e));
  if (!commit) return {};
  const after = (test: (e: TraceEvent) => boolean) => {
    const found = events.filter((e) => e.ts >= commit.ts && test(e)).sort((a, b) => a.ts - b.ts)[0];
    return found ? (found.ts - commit.ts) / 1000 : NaN;
  };
  const url = (e: TraceEvent) => JSON.stringify(e.args ?? {});
  const ui = (name: string) =>
    events.filter((e) => e.name === name && e.ph === 'X' && names.get(e.pid) === 'Browser' && e.ts >= commit.ts - 50_000).reduce((n, e) => n + (e.dur ?? 0) / 1000, 0);
  return {
    'forget-post.js ran': after((e) => e.name === 'EvaluateScript' && inExtension(e) && url(e).includes('forget-post.js')),
    'main module compiled': after((e) => e.name === 'v8.compileModule' && inExtension(e) && url(e).includes('/assets/picker-')),
    'first contentful paint': after((e) => e.name === 'firstContentfulPaint' && inExtension(e)),
    ...Object.fromEntries(BROWSER_UI_WORK.map((name) => [`UI thread: ${name.split('::')[1]}`, ui(name)])),
  };
}

const server = await startMockServer();
const variants = [
  { name: 'fragment as built', dir: DEFAULT_EXTENSION_DIR },
  { name: '100-character fragment', dir: await copyWithFragment(100) },
  { name: 'no fragment', dir: await copyWithFragment(0) },
];
const results = new Map<string, Record<string, number>[]>(variants.map((v) => [v.name, []]));
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of round % 2 ? [...variants].reverse() : variants) {
      const browser = await launchWithExtension({ server, headless: true, extensionDir: v.dir });
      try {
        await traceOnce(browser.context, 100 + round); // warm-up load, untimed
        const events = await traceOnce(browser.context, round);
        if (process.env.TRACE_DIR) await writeFile(join(process.env.TRACE_DIR, `${v.name.replace(/\W+/g, '-')}-${round}.json`), JSON.stringify({ traceEvents: events }));
        results.get(v.name)!.push(analyse(events));
      } finally {
        await browser.close();
      }
    }
  }
} finally {
  for (const v of variants.slice(1)) await rm(v.dir, { recursive: true, force: true });
  await server.close();
}

console.log(`ms after the picker's commit, median of ${ROUNDS} | ${variants.map((v) => v.name).join(' | ')}`);
for (const measure of Object.keys(results.get(variants[0]!.name)![0] ?? {})) {
  const cells = variants.map((v) => median(results.get(v.name)!.map((r) => r[measure] ?? NaN).filter((x) => !Number.isNaN(x))).toFixed(1));
  console.log(`${measure} | ${cells.join(' | ')}`);
}
