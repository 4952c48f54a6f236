/** Small helpers for the benchmarks and the fuzzer: order statistics, stable rounding, tables. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  // Nearest rank: an observed value, never an interpolation between two.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number => quantile(values, 0.95);
export const max = (values: readonly number[]): number => (values.length ? Math.max(...values) : NaN);

/** Milliseconds rounded to what is meaningful: 0.01 under 10 ms, 0.1 under 100, whole above. */
export function roundMs(ms: number): number {
  if (!Number.isFinite(ms)) return ms;
  const step = ms < 10 ? 100 : ms < 100 ? 10 : 1;
  return Math.round(ms * step) / step;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return `${roundMs(ms).toLocaleString('en-US')} ms`;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured; returns each run's ms. */
export function timeRuns(fn: () => void, warmup: number, runs: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times;
}

/** A Markdown table padded for reading in a terminal; `rightAligned` lists numeric columns. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const pad = (cell: string, i: number) => (rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0));
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned.includes(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
