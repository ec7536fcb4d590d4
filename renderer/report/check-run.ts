// The state of one Test Account Settings run as the UI sees it: idle, streaming steps, finished.
import { outgoingStepIds, stepIds, type CheckReport, type CheckStep, type Failure, type ServerRole, type StepId, type TlsInfo } from '../../shared/check-report.ts';

/** The steps of one server as they stream in, by id. */
export type RunSteps = Readonly<Partial<Record<StepId, CheckStep>>>;

/** What a run tests: always the incoming server; the outgoing one and a test message when asked. */
export interface RunScope {
  readonly outgoing: boolean;
  readonly testMessage: boolean;
}

/** One run of a check, from start to report; pure data for the reducers. */
export type CheckRun =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly checkId: string; readonly scope: RunScope; readonly steps: Readonly<Record<ServerRole, RunSteps>> }
  | { readonly phase: 'finished'; readonly checkId: string; readonly report: CheckReport }
  | { readonly phase: 'cancelled' }
  | { readonly phase: 'error'; readonly code: string; readonly message: string };

export const idleRun: CheckRun = { phase: 'idle' };

const incomingOnly: RunScope = { outgoing: false, testMessage: false };

/** A new run with every step still waiting. */
export function startRun(checkId: string, scope: RunScope = incomingOnly): CheckRun {
  return { phase: 'running', checkId, scope, steps: { incoming: {}, outgoing: {} } };
}

/** Applies a streamed step to its server's rows, if it belongs to this run (no server: incoming). */
export function applyProgress(run: CheckRun, checkId: string, step: CheckStep, server: ServerRole = 'incoming'): CheckRun {
  if (run.phase !== 'running' || run.checkId !== checkId) return run;
  return { ...run, steps: { ...run.steps, [server]: { ...run.steps[server], [step.id]: step } } };
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

/** One server's part of the report: its rows in contract order and, once finished, its TLS and failure. */
export interface ServerSection {
  readonly server: ServerRole;
  /** The server as tested (host:port), known once the run finished. */
  readonly address: string | null;
  readonly rows: StepRow[];
  readonly tls: TlsInfo | undefined;
  readonly failure: Failure | null;
}

function rowsOf(ids: readonly StepId[], steps: RunSteps): StepRow[] {
  return ids.map((id) => ({ id, step: steps[id] }));
}

function byId(steps: readonly CheckStep[]): RunSteps {
  return Object.fromEntries(steps.map((step) => [step.id, step]));
}

// `delivery` is a row only when a test message is part of the run.
function outgoingIds(testMessage: boolean): readonly StepId[] {
  return testMessage ? outgoingStepIds : outgoingStepIds.filter((id) => id !== 'delivery');
}

/** The report grouped by server: incoming always, outgoing when it is (or was) tested. */
export function serverSections(run: CheckRun): ServerSection[] {
  if (run.phase === 'running') {
    const incoming: ServerSection = { server: 'incoming', address: null, rows: rowsOf(stepIds, run.steps.incoming), tls: undefined, failure: null };
    if (!run.scope.outgoing) return [incoming];
    return [incoming, { server: 'outgoing', address: null, rows: rowsOf(outgoingIds(run.scope.testMessage), run.steps.outgoing), tls: undefined, failure: null }];
  }
  if (run.phase !== 'finished') return [];
  const { report } = run;
  // The top-level failure is the first one; it belongs to the incoming server unless it says otherwise.
  const incomingFailure = report.failure && report.failure.server !== 'outgoing' ? report.failure : null;
  const sections: ServerSection[] = [
    {
      server: 'incoming',
      address: `${report.account.host}:${report.account.port}`,
      rows: rowsOf(stepIds, byId(report.steps)),
      tls: report.tls,
      failure: incomingFailure,
    },
  ];
  const outgoing = report.outgoing;
  if (outgoing) {
    const testMessage = outgoing.steps.some((step) => step.id === 'delivery');
    sections.push({
      server: 'outgoing',
      address: `${outgoing.account.host}:${outgoing.account.port}`,
      rows: rowsOf(outgoingIds(testMessage), byId(outgoing.steps)),
      tls: outgoing.tls,
      failure: outgoing.failure ?? (report.failure?.server === 'outgoing' ? report.failure : null),
    });
  }
  return sections;
}

/** The first step that failed in a finished run, with its server, if any. */
export function failedStep(run: CheckRun): { server: ServerRole; id: StepId } | undefined {
  if (run.phase !== 'finished') return undefined;
  for (const section of serverSections(run)) {
    const failed = section.rows.find((row) => row.step?.status === 'failed');
    if (failed) return { server: section.server, id: failed.id };
  }
  return undefined;
}

/** Whether the run passed every step. */
export function runPassed(run: CheckRun): boolean {
  return run.phase === 'finished' && run.report.ok;
}

/** Whether a finished report proves both servers work, even if a test message is still on its way. */
export function serversPassed(report: CheckReport): boolean {
  return report.ok || report.failure?.category === 'delivery-delayed';
}

/** Whether the incoming half of a finished report passed (the outgoing one may still have failed). */
export function incomingPassed(report: CheckReport): boolean {
  return report.steps.every((step) => step.status !== 'failed') && (report.failure === null || report.failure.server === 'outgoing');
}

/** The incoming server works and the outgoing one only refused for now (a 4xx): saving it to re-test later is offered. */
export function outgoingLater(report: CheckReport): boolean {
  return incomingPassed(report) && report.outgoing?.failure?.category === 'server-unavailable';
}

/** Whether the outgoing half of a finished report passed (a test message still on its way counts). */
export function outgoingPassed(report: CheckReport): boolean {
  const failure = report.outgoing?.failure;
  return report.outgoing != null && (failure === null || failure?.category === 'delivery-delayed');
}

/** The servers whose failure in a finished run is about the certificate with this fingerprint. */
export function failedOnCertificate(run: CheckRun, fingerprint256: string): ServerRole[] {
  if (run.phase !== 'finished') return [];
  const { report } = run;
  const incoming = report.failure && report.failure.server !== 'outgoing' ? report.failure : null;
  const failures: [ServerRole, Failure | null | undefined][] = [
    ['incoming', incoming],
    ['outgoing', report.outgoing?.failure],
  ];
  return failures.filter(([, failure]) => failure?.certificate?.fingerprint256 === fingerprint256).map(([server]) => server);
}
