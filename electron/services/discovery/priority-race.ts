// Runs ranked look-ups at once and settles on the best-ranked answer as soon as it is certain.

/** One ranked look-up: resolves with a value, or null for "nothing here". */
export type RankedTask<T> = (signal: AbortSignal) => Promise<T | null>;

type TaskState<T> = { done: false } | { done: true; value: T | null };

/**
 * Starts every task. Resolves with the value of the best-ranked task that has one, once every
 * better-ranked task has settled without one; with null if none has one. A task that throws
 * counts as "nothing here". When `stop` aborts, resolves right away with the best value so far.
 * The signal handed to the tasks aborts as soon as the race is decided, to cancel the losers.
 */
export function raceByPriority<T>(tasks: readonly RankedTask<T>[], stop?: AbortSignal): Promise<T | null> {
  const losers = new AbortController();
  const states: TaskState<T>[] = tasks.map(() => ({ done: false }));
  return new Promise((resolve) => {
    let decided = false;
    const decide = (value: T | null) => {
      if (decided) return;
      decided = true;
      stop?.removeEventListener('abort', onStop);
      losers.abort(new Error('discovery decided'));
      resolve(value);
    };
    const bestSoFar = (): T | null => {
      for (const state of states) if (state.done && state.value !== null) return state.value;
      return null;
    };
    const evaluate = () => {
      for (const state of states) {
        if (!state.done) return;
        if (state.value !== null) return decide(state.value);
      }
      decide(null);
    };
    function onStop() {
      // Cancelling first lets a task that races sub-tasks of its own hand in its best value so far;
      // those arrive within the current turn, so one macrotask later everything is in.
      losers.abort(stop?.reason);
      setImmediate(() => decide(bestSoFar()));
    }
    if (stop?.aborted) return onStop();
    stop?.addEventListener('abort', onStop, { once: true });
    tasks.forEach((task, index) => {
      Promise.resolve()
        .then(() => task(losers.signal))
        .then(
          (value) => {
            states[index] = { done: true, value: value ?? null };
          },
          () => {
            states[index] = { done: true, value: null };
          },
        )
        .finally(evaluate);
    });
    if (tasks.length === 0) decide(null);
  });
}
