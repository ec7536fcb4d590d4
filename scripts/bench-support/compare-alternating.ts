// Two tasks timed in alternating rounds (neither always meets a warmer server), compared by their medians.
import { median } from './median.ts';

/** Medians in milliseconds and their ratio. */
export interface BenchResult {
  rounds: number;
  checkMedianMs: number;
  bareMedianMs: number;
  ratio: number;
}

/** Milliseconds one run of `task` takes. */
export async function timed(task: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/**
 * Warms both up, then times `rounds` of each, alternating which goes first in each round so that
 * neither always meets a warmer server; medians and their ratio.
 */
export async function compareAlternating(check: () => Promise<void>, bare: () => Promise<void>, rounds: number, warmup: number): Promise<BenchResult> {
  for (let index = 0; index < warmup; index += 1) {
    await check();
    await bare();
  }
  const checkTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let index = 0; index < rounds; index += 1) {
    if (index % 2 === 0) {
      checkTimes.push(await timed(check));
      bareTimes.push(await timed(bare));
    } else {
      bareTimes.push(await timed(bare));
      checkTimes.push(await timed(check));
    }
  }
  const checkMedianMs = median(checkTimes);
  const bareMedianMs = median(bareTimes);
  return { rounds, checkMedianMs, bareMedianMs, ratio: checkMedianMs / bareMedianMs };
}
