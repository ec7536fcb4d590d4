// Assertions on check reports shared by the engine's integration tests.
import { expect } from 'vitest';
import { CheckReportSchema, stepIds, type CheckReport, type CheckStep, type StepId } from '../../../shared/check-report.ts';
import type { FailureCategory } from '../../../shared/failure-category.ts';

/** The report's row for one step (fails the test when it is missing). */
export function step(report: CheckReport, id: StepId): CheckStep {
  const found = report.steps.find((entry) => entry.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/**
 * Asserts one failure in `category` at step `failedAt`, the other steps passed or skipped, and
 * every step after it skipped (but the greeting, which comes before a STARTTLS upgrade).
 */
export function expectFailure(report: CheckReport, category: FailureCategory, failedAt: StepId): void {
  expect({ ok: report.ok, category: report.failure?.category, failedAt: report.steps.find((entry) => entry.status === 'failed')?.id }).toEqual({
    ok: false,
    category,
    failedAt,
  });
  const index = report.steps.findIndex((entry) => entry.id === failedAt);
  for (const later of report.steps.slice(index + 1)) {
    expect(later.status).toBe(later.id === 'greeting' && report.account.security === 'starttls' ? 'passed' : 'skipped');
  }
  expect(report.failure?.message.length).toBeGreaterThan(10);
  expect(report.failure?.advice.length).toBeGreaterThan(10);
}

/** Every report has exactly the contract's shape, its six steps in order, and none left running. */
export function expectWellFormed(report: CheckReport): void {
  expect(CheckReportSchema.strict().parse(report)).toBeTruthy();
  expect(report.steps.map((entry) => entry.id)).toEqual([...stepIds]);
  expect(report.steps.every((entry) => entry.status !== 'running')).toBe(true);
}
