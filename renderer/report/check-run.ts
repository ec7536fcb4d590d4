// The state of one Test Account Settings run as the UI sees it: idle, streaming steps, finished.
import { stepIds, type CheckReport, type CheckStep, type StepId } from '../../shared/check-report.ts';

/** One run of a check, from start to report; pure data for the reducers. */
export type CheckRun =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly checkId: string; readonly steps: Readonly<Partial<Record<StepId, CheckStep>>> }
  | { readonly phase: 'finished'; readonly checkId: string; readonly report: CheckReport }
  | { readonly phase: 'cancelled' }
  | { readonly phase: 'error'; readonly code: string; readonly message: string };

export const idleRun: CheckRun = { phase: 'idle' };

/** A new run with every step still waiting. */
export function startRun(checkId: string): CheckRun {
  return { phase: 'running', checkId, steps: {} };
}

/** Applies a streamed step, if it belongs to this run. */
export function applyProgress(run: CheckRun, checkId: string, step: CheckStep): CheckRun {
  if (run.phase !== 'running' || run.checkId !== checkId) return run;
  return { ...run, steps: { ...run.steps, [step.id]: step } };
}

/** Ends the run with its report, if the report belongs to this run. */
export function finishRun(run: CheckRun, checkId: string, report: CheckReport): CheckRun {
  if (run.phase !== 'running' || run.checkId !== checkId) return run;
  return { phase: 'finished', checkId, report };
}

/** Ends the run because the call failed; a cancelled call ends as `cancelled`. */
export function failRun(run: CheckRun, checkId: string, error: { code: string; message: string }): CheckRun {
  if (run.phase !== 'running' || run.checkId !== checkId) return run;
  return error.code === 'cancelled' ? { phase: 'cancelled' } : { phase: 'error', code: error.code, message: error.message };
}

/** One row of the report: the step as known so far, or undefined while it has not started. */
export interface StepRow {
  id: StepId;
  step: CheckStep | undefined;
}

/** All six rows in contract order, for a running or finished run. */
export function stepRows(run: CheckRun): StepRow[] {
  if (run.phase === 'running') return stepIds.map((id) => ({ id, step: run.steps[id] }));
  if (run.phase === 'finished') return stepIds.map((id) => ({ id, step: run.report.steps.find((step) => step.id === id) }));
  return [];
}

/** The step that failed in a finished run, if any. */
export function failedStep(run: CheckRun): StepId | undefined {
  if (run.phase !== 'finished') return undefined;
  return run.report.steps.find((step) => step.status === 'failed')?.id;
}

/** Whether the run passed every step. */
export function runPassed(run: CheckRun): boolean {
  return run.phase === 'finished' && run.report.ok;
}
