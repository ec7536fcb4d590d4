// Keeps track of running checks by id so that the user can cancel one from the UI.
import type { CheckReport, CheckStep } from '../../../shared/check-report.ts';
import type { CheckInput } from './check-input.ts';
import type { CheckEngine } from './run-check.ts';

/** Starts checks under a caller-chosen id and cancels them by that id. */
export interface CheckRunner {
  run(checkId: string, input: CheckInput, onProgress: (step: CheckStep) => void): Promise<CheckReport>;
  cancel(checkId: string): boolean;
}

/** Default per-step time limit (contracts: `--timeout` changes it). */
export const defaultStepTimeoutMs = 15_000;

export function createCheckRunner(engine: CheckEngine): CheckRunner {
  const running = new Map<string, AbortController>();
  return {
    async run(checkId, input, onProgress) {
      const controller = new AbortController();
      running.get(checkId)?.abort();
      running.set(checkId, controller);
      try {
        return await engine.run(input, { signal: controller.signal, onProgress });
      } finally {
        if (running.get(checkId) === controller) running.delete(checkId);
      }
    },
    cancel(checkId) {
      const controller = running.get(checkId);
      controller?.abort();
      return controller !== undefined;
    },
  };
}
