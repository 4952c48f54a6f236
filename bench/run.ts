// `npm run bench` (builds first): decoder speed, time to picker, filter latency, endpoint health and
// bundle sizes, printed as a table with the project's targets and written to bench/results.json
// (stable keys, rounded numbers, so a commit shows what changed). Not part of `npm test`.
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Rollup } from 'vite';
import { parseSamlResponse } from '../src/core/saml/parse';
import { buildSamlResponse, makeRoles } from '../test/fixtures/assertion-builder';
import { kib, measureBundles } from './bundles';
import type { BundleSize } from './bundles';
import { runBrowserBenchmarks } from './browser';
import { afterClickMedians, ratio, ratioGoal, timeToPickerRows } from './picker-report';
import { formatMs, markdownTable, max, median, p95, roundMs, timeRuns } from './stats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = join(ROOT, 'dist/chrome');
const RESULTS = join(ROOT, 'bench/results.json');

const TARGETS = {
  decode800MedianMs: 5,
  timeToPickerRatio: 1.1,
  filterMedianMs: 8,
  pickerGzipKiB: 40,
  serviceWorkerGzipKiB: 15,
  /** Time to picker with ~900 roles, as a multiple of the same with 3. */
  largePickerRatio: 1.2,
  /** Sign in → console through STS + federation, as a multiple of the plain re-post. */
  stsToRepostRatio: 1.5,
} as const;

/**
 * Time to picker as a multiple of the floor: with the worker running, and stopped before the click;
 * what the picker loads before its first paint; every script of the build.
 */
const GOALS = { warmToFloorRatio: 1.5, coldToFloorRatio: 2.0, firstPaintGzipKiB: 25, firstPaintFiles: 3, allScriptsGzipKiB: 70 } as const;

const DECODE_SIZES = [
  { roles: 3, accounts: 2, warmup: 200, runs: 1_000 },
  { roles: 800, accounts: 200, warmup: 20, runs: 200 },
  { roles: 2_000, accounts: 500, warmup: 10, runs: 100 },
] as const;

if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  console.error('No built extension in dist/chrome: run `npm run build` first (or `npm run bench`, which builds).');
  process.exit(1);
}

console.log('bench: decoding with xmldom (Node)…');
const samples = Object.fromEntries(
  DECODE_SIZES.map(({ roles, accounts }) => [`roles${roles}`, buildSamlResponse({ roles: makeRoles(roles, { accounts }) })]),
);
const decode = Object.fromEntries(
  DECODE_SIZES.map(({ roles, warmup, runs }) => {
    const input = samples[`roles${roles}`] ?? '';
    if (parseSamlResponse(input).roles.length !== roles) throw new Error(`the ${roles}-role sample did not decode to ${roles} roles`);
    return [`roles${roles}`, timeRuns(() => parseSamlResponse(input), warmup, runs)];
  }),
);

console.log('bench: Chromium with the built extension (time to picker, filter, health, native decode)…');
const browser = await runBrowserBenchmarks(await bundleDecoderForPage(), samples);

const bundles = measureBundles(EXTENSION_DIR);

// ---------------------------------------------------------------------------------------------
// Report

const decodeStats = (times: number[] | undefined) => ({
  medianMs: roundMs(median(times ?? [])),
  p95Ms: roundMs(p95(times ?? [])),
  runs: times?.length ?? 0,
});
const bundleStats = (b: BundleSize | null) =>
  b && { rawBytes: b.rawBytes, gzipBytes: b.gzipBytes, files: b.files.map((f) => f.replace(/-[\w-]{8}(?=\.\w+$)/, '-[hash]')) };

const picker = browser.timeToPicker;
const pickerRatio = ratio(picker.warmMs, picker.floorMs);
const coldRatio = ratio(picker.coldMs, picker.floorMs);
const large = browser.largePicker;
const largeRatio = median(large.largeMs) / median(large.smallMs);
const largeFromPostRatio = median(large.largeFromPostMs) / median(large.smallFromPostMs);
const filterMedian = median(browser.filter.keystrokeMs);
const decode800 = median(decode.roles800 ?? []);
const signin = browser.signinToConsole;
const stsRatio = median(signin.stsMs) / median(signin.repostMs);
const targets = {
  decode800MedianMs: { target: TARGETS.decode800MedianMs, value: roundMs(decode800), met: decode800 <= TARGETS.decode800MedianMs },
  timeToPickerRatio: { target: TARGETS.timeToPickerRatio, value: Math.round(pickerRatio * 100) / 100, met: pickerRatio <= TARGETS.timeToPickerRatio },
  filterMedianMs: { target: TARGETS.filterMedianMs, value: roundMs(filterMedian), met: filterMedian <= TARGETS.filterMedianMs },
  stsToRepostRatio: {
    target: TARGETS.stsToRepostRatio,
    value: Math.round(stsRatio * 100) / 100,
    met: stsRatio <= TARGETS.stsToRepostRatio,
  },
  largePickerRatio: { target: TARGETS.largePickerRatio, value: Math.round(largeRatio * 100) / 100, met: largeRatio <= TARGETS.largePickerRatio },
  pickerGzipKiB: sizeTarget(bundles.picker, TARGETS.pickerGzipKiB),
  serviceWorkerGzipKiB: sizeTarget(bundles.serviceWorker, TARGETS.serviceWorkerGzipKiB),
};

const goals = {
  warmToFloorRatio: ratioGoal(pickerRatio, GOALS.warmToFloorRatio),
  coldToFloorRatio: ratioGoal(coldRatio, GOALS.coldToFloorRatio),
};

const results = {
  schema: 2,
  date: new Date().toISOString().slice(0, 10),
  environment: {
    node: process.version,
    chromium: browser.chromium,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  },
  decode: {
    roles3: decodeStats(decode.roles3),
    roles800: decodeStats(decode.roles800),
    roles2000: decodeStats(decode.roles2000),
    nativeDomParserRoles800: decodeStats(browser.nativeDecode.roles800),
    nativeDomParserRoles2000: decodeStats(browser.nativeDecode.roles2000),
  },
  timeToPicker: {
    workerReadyMs: roundMs(browser.workerReadyMs),
    runs: picker.runs,
    floorMedianMs: roundMs(median(picker.floorMs)),
    floorP95Ms: roundMs(p95(picker.floorMs)),
    warmMedianMs: roundMs(median(picker.warmMs)),
    warmP95Ms: roundMs(p95(picker.warmMs)),
    coldMedianMs: roundMs(median(picker.coldMs)),
    coldP95Ms: roundMs(p95(picker.coldMs)),
    warmRatio: goals.warmToFloorRatio.value,
    coldRatio: goals.coldToFloorRatio.value,
    afterClickMedians: { warm: afterClickMedians(picker.warmAfter), cold: afterClickMedians(picker.coldAfter) },
  },
  largePicker: {
    roles: large.roles,
    runs: large.runs,
    largeMedianMs: roundMs(median(large.largeMs)),
    smallMedianMs: roundMs(median(large.smallMs)),
    ratio: targets.largePickerRatio.value,
    largeFromPostMedianMs: roundMs(median(large.largeFromPostMs)),
    smallFromPostMedianMs: roundMs(median(large.smallFromPostMs)),
    fromPostRatio: Math.round(largeFromPostRatio * 100) / 100,
  },
  filter: {
    roles: browser.filter.roles,
    keystrokes: browser.filter.keystrokeMs.length,
    medianMs: roundMs(filterMedian),
    maxMs: roundMs(max(browser.filter.keystrokeMs)),
    threeRolesMedianMs: roundMs(median(browser.filter.floorMs)),
  },
  signinToConsole: {
    runs: signin.runs,
    repostMedianMs: roundMs(median(signin.repostMs)),
    repostP95Ms: roundMs(p95(signin.repostMs)),
    stsMedianMs: roundMs(median(signin.stsMs)),
    stsP95Ms: roundMs(p95(signin.stsMs)),
    firstTimeMedianMs: roundMs(median(signin.firstTimeMs)),
    firstTimeRuns: signin.firstTimeMs.length,
    ratio: targets.stsToRepostRatio.value,
  },
  health: browser.health.present
    ? {
        shown: true,
        firstRunMs: roundMs(browser.health.firstRunMs ?? NaN),
        medianMs: roundMs(median(browser.health.cachedMs)),
        medianAfterPickerMs: roundMs(median(browser.health.afterPickerMs)),
      }
    : { shown: false, note: 'n/a (health probes not built yet)' },
  bundles: {
    picker: bundleStats(bundles.picker),
    pickerFirstPaint: bundleStats(bundles.pickerFirstPaint),
    serviceWorker: bundleStats(bundles.serviceWorker),
    options: bundleStats(bundles.options),
    otherPages: Object.fromEntries(Object.entries(bundles.otherPages).map(([name, b]) => [name, bundleStats(b)])),
    contentScripts: bundleStats(bundles.contentScripts),
    allScripts: bundleStats(bundles.allScripts),
  },
  targets,
  goals,
};
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

const status = (met: boolean) => (met ? 'met' : '**missed**');
const stat = (times: number[] | undefined) => `median ${formatMs(median(times ?? []))}, p95 ${formatMs(p95(times ?? []))}`;
const bundleCell = (b: BundleSize | null) => (b ? `${kib(b.gzipBytes)} gz (${kib(b.rawBytes)} raw, ${b.files.length} files)` : 'n/a');
const health = browser.health;
const rows: string[][] = [
  ['decode 3 roles (xmldom, Node)', stat(decode.roles3), '', ''],
  ['decode 800 roles (xmldom, Node)', stat(decode.roles800), `≤ ${TARGETS.decode800MedianMs} ms`, status(targets.decode800MedianMs.met)],
  ['decode 2,000 roles (xmldom, Node)', stat(decode.roles2000), '', ''],
  ['decode 800 roles (native DOMParser, as the picker does)', stat(browser.nativeDecode.roles800), '', ''],
  ['decode 2,000 roles (native DOMParser)', stat(browser.nativeDecode.roles2000), '', ''],
  ...timeToPickerRows(picker, {
    target: `≤ ${TARGETS.timeToPickerRatio}`,
    targetStatus: status(targets.timeToPickerRatio.met),
    warmGoal: `≤ ${GOALS.warmToFloorRatio}× floor`,
    warmStatus: status(goals.warmToFloorRatio.met),
    coldGoal: `≤ ${GOALS.coldToFloorRatio.toFixed(1)}× floor`,
    coldStatus: status(goals.coldToFloorRatio.met),
  }),
  [
    `time to picker, ${large.roles} roles vs 3`,
    `median ${formatMs(median(large.largeMs))} vs ${formatMs(median(large.smallMs))}: ratio ${largeRatio.toFixed(2)} (${large.runs} runs each)`,
    `≤ ${TARGETS.largePickerRatio}`,
    status(targets.largePickerRatio.met),
  ],
  [
    `the same from the IdP's POST (the picker navigation's start)`,
    `median ${formatMs(median(large.largeFromPostMs))} vs ${formatMs(median(large.smallFromPostMs))}: ratio ${largeFromPostRatio.toFixed(2)}`,
    '',
    '',
  ],
  ['worker start → capture listener registered (first start)', formatMs(browser.workerReadyMs), '', ''],
  [
    'Sign in → eu-west-1 console: plain re-post (assertion addressed there)',
    `median ${formatMs(median(signin.repostMs))}, p95 ${formatMs(p95(signin.repostMs))} (${signin.repostMs.length} runs)`,
    '',
    '',
  ],
  [
    'Sign in → eu-west-1 console: STS + federation (default assertion)',
    `median ${formatMs(median(signin.stsMs))}, p95 ${formatMs(p95(signin.stsMs))}: ratio ${stsRatio.toFixed(2)} to the re-post`,
    `≤ ${TARGETS.stsToRepostRatio}×`,
    status(targets.stsToRepostRatio.met),
  ],
  [
    'Sign in → eu-west-1 console: first time (re-post refused, then STS)',
    `median ${formatMs(median(signin.firstTimeMs))} (${signin.firstTimeMs.length} runs)`,
    '',
    '',
  ],
  [
    `filter keystroke → repaint, ${browser.filter.roles.toLocaleString('en-US')} roles`,
    `median ${formatMs(filterMedian)}, max ${formatMs(max(browser.filter.keystrokeMs))} (${browser.filter.keystrokeMs.length} keys); same keys with 3 roles: median ${formatMs(median(browser.filter.floorMs))}`,
    `≤ ${TARGETS.filterMedianMs} ms`,
    status(targets.filterMedianMs.met),
  ],
  [
    'health shown next to the region selector',
    health.present
      ? `first run ${formatMs(health.firstRunMs ?? NaN)} after the click; then median ${formatMs(median(health.cachedMs))} (${formatMs(median(health.afterPickerMs))} after the picker)`
      : 'n/a (health probes not built yet)',
    '',
    '',
  ],
  ['picker bundle (JS + CSS, with what it loads by import())', bundleCell(bundles.picker), `≤ ${TARGETS.pickerGzipKiB} KiB gz`, status(targets.pickerGzipKiB.met)],
  [
    'picker before its first paint (static imports only)',
    bundleCell(bundles.pickerFirstPaint),
    '',
    '',
    `≤ ${GOALS.firstPaintGzipKiB} KiB gz in ≤ ${GOALS.firstPaintFiles} files`,
    status(
      bundles.pickerFirstPaint !== null &&
        bundles.pickerFirstPaint.gzipBytes / 1024 <= GOALS.firstPaintGzipKiB &&
        bundles.pickerFirstPaint.files.length <= GOALS.firstPaintFiles,
    ),
  ],
  ['all JavaScript of the build', bundleCell(bundles.allScripts), '', '', `≤ ${GOALS.allScriptsGzipKiB} KiB gz`, status(bundles.allScripts.gzipBytes / 1024 <= GOALS.allScriptsGzipKiB)],
  ['service worker bundle', bundleCell(bundles.serviceWorker), `≤ ${TARGETS.serviceWorkerGzipKiB} KiB gz`, status(targets.serviceWorkerGzipKiB.met)],
  ['options page bundle', bundles.options ? bundleCell(bundles.options) : 'n/a (no options page)', '', ''],
  ...Object.entries(bundles.otherPages).map(([name, b]) => [`${name} page bundle`, bundleCell(b), '', '']),
  ['content scripts', bundleCell(bundles.contentScripts), '', ''],
];
console.log(`\nChromium ${browser.chromium} (headless), Node ${process.version}, ${cpus().length} × ${results.environment.cpuModel}, ${results.date}\n`);
console.log(markdownTable(['measure', 'result', 'target', '', 'goal', ''], rows.map((row) => [...row, '', ''].slice(0, 6))));
console.log(`\nwrote ${join('bench', 'results.json')}`);

function sizeTarget(bundle: BundleSize | null, targetKiB: number) {
  const value = bundle ? Math.round((bundle.gzipBytes / 1024) * 10) / 10 : NaN;
  return { target: targetKiB, value, met: bundle !== null && value <= targetKiB };
}

/** src/core/saml/decode.ts as one classic script defining `SamlDecode`, for a page to run. */
async function bundleDecoderForPage(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'src/core/saml/decode.ts'), formats: ['iife'], name: 'SamlDecode' },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((file): file is Rollup.OutputChunk => file.type === 'chunk');
  if (!chunk) throw new Error('bundling the decoder for the page produced no script');
  return chunk.code;
}
