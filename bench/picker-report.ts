// The time-to-picker part of the bench's report: floor, worker running, worker stopped, and what
// happened after the click in each.
import { formatMs, median, p95, roundMs } from './stats';
import type { AfterClick, TimeToPicker } from './time-to-picker';

export const ratio = (times: readonly number[], floorMs: readonly number[]): number => median(times) / median(floorMs);

export function ratioGoal(value: number, goal: number) {
  return { goal, value: Math.round(value * 100) / 100, met: value <= goal };
}

/** The median of each moment after the click, over the runs that saw it. */
export function afterClickMedians(runs: readonly AfterClick[]): Record<string, number> {
  const keys = [...new Set(runs.flatMap((run) => Object.keys(run)))] as (keyof AfterClick)[];
  return Object.fromEntries(keys.map((key) => [key, roundMs(median(runs.map((run) => run[key] ?? NaN).filter((ms) => Number.isFinite(ms))))]));
}

function afterClickCell(runs: readonly AfterClick[]): string {
  const m = afterClickMedians(runs);
  const moments: [string, number | undefined][] = [
    ['worker started', m.workerStartedMs],
    ['fields captured', m.capturedMs],
    ['picker committed', m.commitMs],
    ['first paint', m.firstPaintMs],
    ['DOMContentLoaded', m.domContentLoadedMs],
    ['Sign in', m.signInMs],
  ];
  return moments
    .filter((moment): moment is [string, number] => moment[1] !== undefined)
    .map(([name, ms]) => `${name} ${formatMs(ms)}`)
    .join(', ');
}

interface Columns {
  target: string;
  targetStatus: string;
  warmGoal: string;
  warmStatus: string;
  coldGoal: string;
  coldStatus: string;
}

/** Table rows: measure, result, target, status, goal, status. */
export function timeToPickerRows(picker: TimeToPicker, columns: Columns): string[][] {
  const floor = median(picker.floorMs);
  return [
    ['time to picker: floor (the Okta page, then a static file of the extension)', `median ${formatMs(floor)}, p95 ${formatMs(p95(picker.floorMs))}`, '', ''],
    [
      'time to picker, worker running (Okta tile → Sign in button)',
      `median ${formatMs(median(picker.warmMs))} vs floor ${formatMs(floor)}: ratio ${ratio(picker.warmMs, picker.floorMs).toFixed(2)} (${picker.runs} runs each)`,
      columns.target,
      columns.targetStatus,
      columns.warmGoal,
      columns.warmStatus,
    ],
    [
      'time to picker, worker stopped before the click (the daily case)',
      `median ${formatMs(median(picker.coldMs))}, p95 ${formatMs(p95(picker.coldMs))}: ratio ${ratio(picker.coldMs, picker.floorMs).toFixed(2)} to the floor`,
      '',
      '',
      columns.coldGoal,
      columns.coldStatus,
    ],
    ['after the click, worker running (medians)', afterClickCell(picker.warmAfter), '', ''],
    ['after the click, worker stopped (medians)', afterClickCell(picker.coldAfter), '', ''],
  ];
}
