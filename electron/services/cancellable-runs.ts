// Runs work under a caller-chosen id so that the UI can cancel it later by that id.

/** Work keyed by id; a second run under a running id cancels the first. */
export interface CancellableRuns {
  run<T>(id: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Aborts the work running under `id`; false when none does. */
  cancel(id: string): boolean;
}

/** An empty set of runs. */
export function createCancellableRuns(): CancellableRuns {
  const running = new Map<string, AbortController>();
  return {
    async run(id, work) {
      const controller = new AbortController();
      running.get(id)?.abort();
      running.set(id, controller);
      try {
        return await work(controller.signal);
      } finally {
        // A later run under the same id has replaced this one: its entry stays.
        if (running.get(id) === controller) running.delete(id);
      }
    },
    cancel(id) {
      const controller = running.get(id);
      controller?.abort();
      return controller !== undefined;
    },
  };
}
