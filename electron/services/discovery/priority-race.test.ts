// Tests the priority race that merges discovery sources.
import { describe, expect, it } from 'vitest';
import { raceByPriority, type RankedTask } from './priority-race.ts';

const after = <T>(ms: number, value: T): RankedTask<T> => (signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(value), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

describe('raceByPriority', () => {
  it('waits for better-ranked tasks before taking a worse-ranked answer', async () => {
    expect(await raceByPriority([after(40, 'first'), after(1, 'second')])).toBe('first');
    expect(await raceByPriority([after(40, null), after(1, 'second')])).toBe('second');
  });

  it('decides as soon as the best-ranked answer is in, and cancels the rest', async () => {
    let cancelled = false;
    const slow: RankedTask<string> = (signal) =>
      new Promise((resolve) => signal.addEventListener('abort', () => {
        cancelled = true;
        resolve(null);
      }));
    const started = performance.now();
    expect(await raceByPriority([after(5, 'best'), slow])).toBe('best');
    expect(performance.now() - started).toBeLessThan(100);
    expect(cancelled).toBe(true);
  });

  it('treats a task that throws as having nothing', async () => {
    const broken: RankedTask<string> = async () => {
      throw new Error('boom');
    };
    expect(await raceByPriority([broken, after(1, 'fallback')])).toBe('fallback');
    expect(await raceByPriority([broken])).toBeNull();
    expect(await raceByPriority<string>([])).toBeNull();
  });

  it('on stop, returns the best answer so far, including one a nested race hands in', async () => {
    const stop = new AbortController();
    const nested: RankedTask<string> = (signal) => raceByPriority([after(10_000, 'never'), after(1, 'inner best')], signal);
    const pending = raceByPriority([after(10_000, 'slow best'), nested], stop.signal);
    setTimeout(() => stop.abort(), 30);
    expect(await pending).toBe('inner best');
  });
});
