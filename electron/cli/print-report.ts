// Prints a check report for a person reading a terminal: each server tested, its steps, and each failure with its advice.
import type { CheckReport, CheckStep, Failure } from '../../shared/check-report.ts';
import { showControlCharacters as visible } from '../../shared/visible-text.ts';

const marks = { passed: '✓', failed: '✗', skipped: '–', running: '…' } as const;

function stepLines(steps: readonly CheckStep[]): string[] {
  return steps.map((step) => `  ${marks[step.status]} ${step.id.padEnd(12)} ${String(step.ms).padStart(5)} ms  ${visible(step.detail)}`);
}

function failureLines(failure: Failure, heading: string, pinFlag: string): string[] {
  const lines = ['', `${heading}: ${failure.category}`, `  ${visible(failure.message)}`, `  What to do: ${visible(failure.advice)}`];
  if (failure.serverText) lines.push(`  The server said: ${visible(failure.serverText)}`);
  if (failure.helpUrl) lines.push(`  Help: ${failure.helpUrl}`);
  if (failure.certificate) {
    lines.push(`  Certificate SHA-256: ${failure.certificate.fingerprint256}`);
    if (failure.pinnedFingerprint256) lines.push(`  Previously trusted:  ${failure.pinnedFingerprint256}`);
    lines.push(`  To trust exactly this certificate for this server: ${pinFlag}`);
  }
  return lines;
}

/** The report as lines: one per step of each server tested, then each failure with its advice. */
export function formatReport(report: CheckReport): string {
  const { account, outgoing } = report;
  const lines: string[] = [];
  const incomingTested = report.steps.length > 0;
  if (incomingTested) {
    lines.push(`${outgoing ? 'Incoming mail: ' : 'Testing '}${visible(account.email)} on ${visible(account.host)}:${account.port} (${account.security})`, ...stepLines(report.steps));
  }
  if (outgoing) {
    if (incomingTested) lines.push('');
    lines.push(`Outgoing mail: ${account.email} on ${outgoing.account.host}:${outgoing.account.port} (${outgoing.account.security})`, ...stepLines(outgoing.steps));
  }
  const incomingFailure = incomingTested && report.failure?.server !== 'outgoing' ? report.failure : null;
  if (incomingFailure) lines.push(...failureLines(incomingFailure, outgoing ? 'Incoming mail failed' : 'Failed', '--trust-certificate <SHA-256>'));
  if (outgoing?.failure) lines.push(...failureLines(outgoing.failure, 'Outgoing mail failed', '--smtp-trust-certificate <SHA-256>'));
  if (report.ok) lines.push('', outgoing && incomingTested ? 'All checks passed for both servers.' : 'All checks passed.');
  return `${lines.join('\n')}\n`;
}
