// `npm run fuzz`: at least 100,000 generated and mutated inputs through parseSamlResponse and
// buildSigninPost (families in bench/fuzz-arbitraries.ts, shared with test/unit/fuzz-slice.test.ts).
// Fails on any error other than SamlResponseError, on any throw from buildSigninPost (it refuses
// by value), on a POST outside the allowlist, and on oversized or DTD-carrying input not refused within 100 ms.
//   npm run fuzz                      random seed (printed)
//   npm run fuzz -- --seed 42         replay a run
//   npm run fuzz -- --runs 20000      fewer runs
import fc from 'fast-check';
import { FAMILIES, REFUSAL_LIMIT_MS } from '../bench/fuzz-arbitraries';
import type { CaseResult, RefusalKind } from '../bench/fuzz-arbitraries';
import { markdownTable, quantile } from '../bench/stats';

const DEFAULT_RUNS = 100_000;

function flag(name: string): number | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = arg === `--${name}` ? args[i + 1] : arg.startsWith(`--${name}=`) ? arg.slice(name.length + 3) : undefined;
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) {
      console.error(`--${name} needs an integer, got "${value}"`);
      process.exit(2);
    }
    return n;
  }
  return undefined;
}

const seed = flag('seed') ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
const totalRuns = Math.max(FAMILIES.length, flag('runs') ?? DEFAULT_RUNS);

// Runs per family in proportion to its weight; rounding leftovers go to the biggest family.
const weightSum = FAMILIES.reduce((sum, f) => sum + f.weight, 0);
const plan = FAMILIES.map((family) => ({ family, runs: Math.max(1, Math.round((totalRuns * family.weight) / weightSum)) }));
const planned = plan.reduce((sum, p) => sum + p.runs, 0);
const biggest = plan.reduce((a, b) => (b.runs > a.runs ? b : a));
biggest.runs = Math.max(1, biggest.runs + totalRuns - planned);

interface Stats {
  runs: number;
  ms: number[];
  outcomes: Map<string, number>;
}
const statsByFamily = new Map<string, Stats>();
const refusalMs: Record<RefusalKind, number[]> = { large: [], dtd: [] };
const outcomeTotals = new Map<string, number>();

console.log(`fuzz: seed ${seed}, ${totalRuns.toLocaleString('en-US')} runs (replay: npm run fuzz -- --seed ${seed} --runs ${totalRuns})`);
const started = performance.now();
let failed = false;
for (const { family, runs } of plan) {
  const stats: Stats = { runs: 0, ms: [], outcomes: new Map() };
  statsByFamily.set(family.name, stats);
  const familyStarted = performance.now();
  const record = (result: CaseResult) => {
    stats.runs++;
    stats.ms.push(result.ms);
    stats.outcomes.set(result.outcome, (stats.outcomes.get(result.outcome) ?? 0) + 1);
    outcomeTotals.set(result.outcome, (outcomeTotals.get(result.outcome) ?? 0) + 1);
    if (result.mustRefuse) refusalMs[result.mustRefuse].push(result.ms);
  };
  const details = fc.check(family.property(record), { seed, numRuns: runs });
  const seconds = ((performance.now() - familyStarted) / 1000).toFixed(1);
  console.log(`  ${family.name.padEnd(16)} ${runs.toLocaleString('en-US').padStart(7)} runs  ${seconds.padStart(5)} s`);
  if (details.failed) {
    failed = true;
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    console.error(`\nFAILED: ${family.name} (${family.target}): ${error}\n${fc.defaultReportMessage(details)}\n`);
    break;
  }
}
const elapsed = (performance.now() - started) / 1000;

const fmt = (ms: number) => (Number.isNaN(ms) ? 'n/a' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const int = (n: number) => n.toLocaleString('en-US');

const allMs: number[] = [];
const familyRows = [...statsByFamily].map(([name, s]) => {
  for (const ms of s.ms) allMs.push(ms);
  const family = FAMILIES.find((f) => f.name === name);
  const outcomes = [...s.outcomes].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${int(n)}`).join(', ');
  return [name, family?.target ?? '', int(s.runs), fmt(quantile(s.ms, 0.5)), fmt(quantile(s.ms, 1)), outcomes];
});
const totalDone = [...statsByFamily.values()].reduce((sum, s) => sum + s.runs, 0);
familyRows.push(['total', '', int(totalDone), fmt(quantile(allMs, 0.5)), fmt(quantile(allMs, 1)), `${elapsed.toFixed(1)} s`]);

console.log(`\nfuzz seed ${seed}\n`);
console.log(markdownTable(['family', 'target', 'runs', 'median ms', 'max ms', 'outcomes'], familyRows, [2, 3, 4]));
console.log('');
const outcomeRows = [...outcomeTotals].sort((a, b) => b[1] - a[1]).map(([o, n]) => [o, int(n)]);
const unexpected = failed ? 1 : 0;
outcomeRows.push(['unexpected errors / broken promises', int(unexpected)]);
console.log(markdownTable(['outcome', 'runs'], outcomeRows, [1]));
console.log('');
console.log(
  markdownTable(
    ['must be refused', 'runs (all refused)', 'median ms', 'max ms', 'limit ms'],
    (['large', 'dtd'] as const).map((kind) => [
      kind === 'large' ? 'over 2 MiB' : 'DTD / ENTITY',
      int(refusalMs[kind].length),
      fmt(quantile(refusalMs[kind], 0.5)),
      fmt(quantile(refusalMs[kind], 1)),
      String(REFUSAL_LIMIT_MS),
    ]),
    [1, 2, 3, 4],
  ),
);
if (failed) {
  console.error(`\nfuzz: FAILED (seed ${seed})`);
  process.exit(1);
}
console.log(`\nfuzz: OK, 0 unexpected errors in ${int(totalDone)} runs (${elapsed.toFixed(1)} s)`);
