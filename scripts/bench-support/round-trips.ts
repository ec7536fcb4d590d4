// Round trips where users really are: the delay every round-trip benchmark uses, a timed median in
// round trips (wall time / RTT), and the budget verdict the benchmarks print.
import { compareAlternating } from './compare-alternating.ts';
import { median } from './median.ts';

/** One way; a round trip is twice this. */
export const delayMs = 50;
export const rttMs = 2 * delayMs;

/** How many measured runs each benchmark takes (BENCH_RTT_RUNS, default 9). */
export const rttRuns = Math.max(1, Number(process.env['BENCH_RTT_RUNS'] ?? 9));

/**
 * The median of `runs` timed runs of `task`, in round trips. One run first goes unmeasured:
 * Dovecot starts its login and mail processes on first use.
 */
export async function roundTrips(task: () => Promise<void>, runs = rttRuns): Promise<number> {
  await task();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await task();
    samples.push((performance.now() - started) / rttMs);
  }
  return median(samples);
}

/**
 * The check and the raw protocol-floor client in alternating runs (after one unmeasured run of
 * each), so that both meet the same load: medians in round trips.
 */
export async function beside(check: () => Promise<void>, floor: () => Promise<void>, runs = rttRuns): Promise<{ check: number; floor: number }> {
  const result = await compareAlternating(check, floor, runs, 1);
  return { check: result.checkMedianMs / rttMs, floor: result.bareMedianMs / rttMs };
}

/** Budgets checked so far; `overBudget()` tells the script's exit code. */
let over = false;

/** "within the budget of N" or "OVER the budget of N" (remembered for {@link overBudget}). */
export function verdict(value: number, budget: number): string {
  if (value > budget) over = true;
  return value <= budget ? `within the budget of ${budget}` : `OVER the budget of ${budget}`;
}

/** True once any {@link verdict} found a value over its budget. */
export function overBudget(): boolean {
  return over;
}
