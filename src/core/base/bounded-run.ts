/**
 * Runs `jobs` at most `limit` at a time, in order. A job not started by `deadline` (ms since epoch,
 * by `now`) is not run: its slot gets `late(index)` instead. Results keep the jobs' order.
 */
export async function runBounded<T>(
  jobs: readonly (() => Promise<T>)[],
  options: { readonly limit: number; readonly deadline: number; readonly now: () => number; readonly late: (index: number) => T },
): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = options.now() >= options.deadline ? options.late(index) : await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.limit, jobs.length)) }, lane));
  return results;
}
