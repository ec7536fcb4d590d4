// Prints a check report for a person reading a terminal: each server tested, its steps, and each failure with its advice.
import type { CheckReport, CheckStep, Failure } from '../../shared/check-report.ts';
import { sayDetail } from '../../shared/messages/detail-words.ts';
import { sayFailure } from '../../shared/messages/failure-words.ts';
import { showControlCharacters as visible } from '../../shared/visible-text.ts';
import { say, sayById, speaksEnglish } from './cli-language.ts';

const marks = { passed: '✓', failed: '✗', skipped: '–', running: '…' } as const;

/** A step's detail in the run's language where it is a sentence with an id; in English, and protocol data, as main wrote it. */
function detailOf(step: CheckStep): string {
  return step.words && !speaksEnglish() ? sayDetail(step.words, sayById, visible) : visible(step.detail);
}

function stepLines(steps: readonly CheckStep[]): string[] {
  return steps.map((step) => `  ${marks[step.status]} ${step.id.padEnd(12)} ${String(step.ms).padStart(5)} ms  ${detailOf(step)}`);
}

function failureLines(failure: Failure, heading: string, pinFlag: string): string[] {
  // The report's own message and advice are English; its words say them in the run's language.
  const { message, advice } = failure.words ? sayFailure(failure.words, sayById) : failure;
  const lines = ['', heading, `  ${visible(message)}`, `  ${visible(say('report.whatToDo', { advice }))}`];
  if (failure.serverText) lines.push(`  ${say('report.serverSaid', { text: visible(failure.serverText) })}`);
  if (failure.helpUrl) lines.push(`  ${say('report.help', { url: failure.helpUrl })}`);
  if (failure.certificate) {
    lines.push(`  ${say('report.certificate', { fingerprint: failure.certificate.fingerprint256 })}`);
    if (failure.pinnedFingerprint256) lines.push(`  ${say('report.previouslyTrusted', { fingerprint: failure.pinnedFingerprint256 })}`);
    lines.push(`  ${say('report.trustWith', { flag: pinFlag })}`);
  }
  return lines;
}

/** The report as lines: one per step of each server tested, then each failure with its advice. */
export function formatReport(report: CheckReport): string {
  const { account, outgoing } = report;
  const lines: string[] = [];
  const incomingTested = report.steps.length > 0;
  if (incomingTested) {
    // A POP3 account says so beside its security mode: "(tls, POP3)".
    const security = account.protocol === 'pop3' ? `${account.security}, POP3` : account.security;
    const server = { email: visible(account.email), host: visible(account.host), port: account.port, security };
    lines.push(outgoing ? say('report.incoming', server) : say('report.testing', server), ...stepLines(report.steps));
  }
  if (outgoing) {
    if (incomingTested) lines.push('');
    lines.push(say('report.outgoing', { email: account.email, host: outgoing.account.host, port: outgoing.account.port, security: outgoing.account.security }), ...stepLines(outgoing.steps));
  }
  const incomingFailure = incomingTested && report.failure?.server !== 'outgoing' ? report.failure : null;
  if (incomingFailure) {
    const heading = outgoing ? say('report.incomingFailed', { category: incomingFailure.category }) : say('report.failed', { category: incomingFailure.category });
    lines.push(...failureLines(incomingFailure, heading, '--trust-certificate <SHA-256>'));
  }
  if (outgoing?.failure) lines.push(...failureLines(outgoing.failure, say('report.outgoingFailed', { category: outgoing.failure.category }), '--smtp-trust-certificate <SHA-256>'));
  if (report.ok) lines.push('', outgoing && incomingTested ? say('report.allPassedBoth') : say('report.allPassed'));
  return `${lines.join('\n')}\n`;
}
