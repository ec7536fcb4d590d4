// Keeps track of running checks by id so that the user can cancel one from the UI.
import type { CheckReport, CheckStep, ServerRole } from '../../../shared/check-report.ts';
import { createCancellableRuns } from '../cancellable-runs.ts';
import type { CheckInput } from './check-input.ts';
import type { CheckEngine } from './run-check.ts';

/** Starts checks under a caller-chosen id and cancels them by that id. */
export interface CheckRunner {
  run(checkId: string, input: CheckInput, onProgress: (step: CheckStep, server: ServerRole) => void): Promise<CheckReport>;
  cancel(checkId: string): boolean;
}

/** Default per-step time limit (contracts: `--timeout` changes it). */
export const defaultStepTimeoutMs = 15_000;

/** The runner over `engine`; a second check under a running id cancels the first. */
export function createCheckRunner(engine: CheckEngine): CheckRunner {
  const runs = createCancellableRuns();
  return {
    run: (checkId, input, onProgress) => runs.run(checkId, (signal) => engine.run(input, { signal, onProgress })),
    cancel: (checkId) => runs.cancel(checkId),
  };
}
