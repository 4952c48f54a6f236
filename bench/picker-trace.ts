// `npx tsx bench/picker-trace.ts` (after a build; not part of `npm run bench`): where the picker's own
// load goes, from Chromium traces (DevTools Tracing) of the Okta tile to the picker's "Sign in" button
// with the worker running. Prints, as medians, the picker renderer's main thread from the picker's commit
// to its first contentful paint: how long it worked (compiling and running the modules, parsing HTML and
// style, layout and paint, receiving files, garbage collection, messages from other processes) and how
// long it waited (for the extension's files, the stored sign-in and settings). Tracing adds its own cost:
// compare the parts, not the total with `npm run bench`.
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension } from '../test/support/chromium';
import { startMockServer } from '../test/support/mock-server';
import { median } from './stats';
import { traceTileClick, type TraceEvent } from './tile-trace';

const ROUNDS = Number(process.env.ROUNDS ?? 8);
const CATEGORIES = ['toplevel', 'blink', 'loading', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'navigation', '__metadata'];

const traceOnce = (context: BrowserContext, round: number) => traceTileClick(context, `exk1ptrace${round}`, CATEGORIES);

/** What a top-level task of the renderer's main thread was doing, by the events inside it. */
function kindOf(inner: readonly TraceEvent[]): string {
  const has = (...names: string[]) => inner.some((e) => names.includes(e.name));
  if (has('v8.compileModule', 'v8.compile', 'V8.CompileCode')) return 'compiling scripts';
  if (has('v8.evaluateModule', 'EvaluateScript', 'FunctionCall', 'v8.callFunction', 'TimerFire', 'FireAnimationFrame')) return 'running scripts';
  if (has('ParseHTML', 'ParseAuthorStyleSheet')) return 'parsing HTML and CSS';
  if (has('Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'Commit')) return 'style, layout and paint';
  if (has('MinorGC', 'MajorGC', 'V8.GCScavenger')) return 'garbage collection';
  if (has('ThrottlingURLLoader::OnReceiveResponse', 'ThrottlingURLLoader::OnComplete', 'ResourceLoadPriorityOptimizer', 'ResourceFetcher::RequestResource')) return 'receiving files';
  return 'other tasks (messages from other processes)';
}

function analyse(events: TraceEvent[]): Record<string, number> {
  const processes = new Map<number, string>();
  const threads = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'process_name') processes.set(e.pid, String(e.args?.name));
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  }
  const main = (e: TraceEvent) => processes.get(e.pid) === 'Extension Renderer' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain';
  const commit = events.find((e) => e.name === 'RenderFrameImpl::CommitNavigation' && e.ph === 'X' && main(e));
  const paint = commit && events.filter((e) => e.name === 'firstContentfulPaint' && processes.get(e.pid) === 'Extension Renderer' && e.ts >= commit.ts).sort((a, b) => a.ts - b.ts)[0];
  if (!commit || !paint) return {};
  const end = paint.ts;
  const onMain = events.filter((e) => main(e) && e.ph === 'X' && e.dur !== undefined && e.ts >= commit.ts && e.ts < end);
  // Top-level tasks only (Chromium nests a RunTask inside ThreadControllerImpl::RunTask).
  const runs = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const tasks = runs.filter((e) => !runs.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && (o.ts < e.ts || o.dur! > e.dur! || o.name === 'ThreadControllerImpl::RunTask')));
  const parts: Record<string, number> = { 'commit → first contentful paint': (end - commit.ts) / 1000 };
  let busy = 0;
  for (const task of tasks) {
    const stop = Math.min(task.ts + task.dur!, end);
    const inner = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts < stop);
    const kind = kindOf(inner);
    parts[kind] = (parts[kind] ?? 0) + (stop - task.ts) / 1000;

    busy += stop - task.ts;
  }
  parts['waiting (files, storage, other processes)'] = (end - commit.ts - busy) / 1000;
  parts['modules compiled'] = onMain.filter((e) => e.name === 'v8.compileModule').length;
  return parts;
}

const server = await startMockServer();
const rounds: Record<string, number>[] = [];
try {
  const browser = await launchWithExtension({ server, headless: true });
  try {
    await traceOnce(browser.context, 100);
    for (let round = 0; round < ROUNDS; round++) rounds.push(analyse(await traceOnce(browser.context, round)));
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
console.log(`picker renderer main thread, ms after the picker's commit (median of ${ROUNDS} traces, worker running)`);
for (const measure of [...new Set(rounds.flatMap((r) => Object.keys(r)))]) {
  console.log(`${measure} | ${median(rounds.map((r) => r[measure] ?? 0)).toFixed(1)}`);
}
