// Assertions on the outgoing half of check reports, shared by the SMTP integration tests.
import { expect } from 'vitest';
import { CheckReportSchema, outgoingStepIds, type CheckReport, type CheckStep, type OutgoingReport, type StepId } from '../../../../shared/check-report.ts';
import type { FailureCategory } from '../../../../shared/failure-category.ts';

/** The outgoing half (fails the test when it is missing). */
export function outgoingOf(report: CheckReport): OutgoingReport {
  if (!report.outgoing) throw new Error('no outgoing report');
  return report.outgoing;
}

/** The outgoing report's row for one step. */
export function outgoingStep(report: CheckReport, id: StepId): CheckStep {
  const found = outgoingOf(report).steps.find((entry) => entry.id === id);
  if (!found) throw new Error(`no outgoing step ${id}`);
  return found;
}

/** The contract's shape, the outgoing steps in order (delivery only when asked for), none left running. */
export function expectWellFormedOutgoing(report: CheckReport, withDelivery = false): void {
  expect(CheckReportSchema.strict().parse(report)).toBeTruthy();
  const ids = withDelivery ? [...outgoingStepIds] : outgoingStepIds.filter((id) => id !== 'delivery');
  expect(outgoingOf(report).steps.map((entry) => entry.id)).toEqual(ids);
  expect(outgoingOf(report).steps.every((entry) => entry.status !== 'running')).toBe(true);
}

/**
 * One outgoing failure in `category` at step `failedAt`, every later step skipped (but the
 * greeting before a STARTTLS upgrade), and the top-level failure naming the outgoing server.
 */
export function expectOutgoingFailure(report: CheckReport, category: FailureCategory, failedAt: StepId): void {
  const outgoing = outgoingOf(report);
  expect({
    ok: report.ok,
    category: outgoing.failure?.category,
    failedAt: outgoing.steps.find((entry) => entry.status === 'failed')?.id,
  }).toEqual({ ok: false, category, failedAt });
  const index = outgoing.steps.findIndex((entry) => entry.id === failedAt);
  for (const later of outgoing.steps.slice(index + 1)) {
    expect(later.status).toBe(later.id === 'greeting' && outgoing.account.security === 'starttls' ? 'passed' : 'skipped');
  }
  expect(outgoing.failure?.message.length).toBeGreaterThan(10);
  expect(outgoing.failure?.advice.length).toBeGreaterThan(10);
  if (report.failure?.server === 'outgoing') expect(report.failure.category).toBe(category);
}
