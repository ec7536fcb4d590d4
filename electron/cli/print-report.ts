// Prints a check report for a person reading a terminal.
import type { CheckReport } from '../../shared/check-report.ts';

const marks = { passed: '✓', failed: '✗', skipped: '–', running: '…' } as const;

/** The report as lines: one per step, then the failure with its advice. */
export function formatReport(report: CheckReport): string {
  const { account } = report;
  const lines = [`Testing ${account.email} on ${account.host}:${account.port} (${account.security})`];
  for (const step of report.steps) {
    lines.push(`  ${marks[step.status]} ${step.id.padEnd(12)} ${String(step.ms).padStart(5)} ms  ${step.detail}`);
  }
  if (report.failure) {
    const { failure } = report;
    lines.push('', `Failed: ${failure.category}`, `  ${failure.message}`, `  What to do: ${failure.advice}`);
    if (failure.serverText) lines.push(`  The server said: ${failure.serverText}`);
    if (failure.helpUrl) lines.push(`  Help: ${failure.helpUrl}`);
    if (failure.certificate) {
      lines.push(`  Certificate SHA-256: ${failure.certificate.fingerprint256}`);
      if (failure.pinnedFingerprint256) lines.push(`  Previously trusted:  ${failure.pinnedFingerprint256}`);
      lines.push('  To trust exactly this certificate for this server: --trust-certificate <SHA-256>');
    }
  } else {
    lines.push('', 'All checks passed.');
  }
  return `${lines.join('\n')}\n`;
}
