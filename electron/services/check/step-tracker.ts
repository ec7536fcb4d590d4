// Keeps the steps of one server's check in their fixed order, timing them and announcing each change.
import { stepIds, type CheckStep, type StepId } from '../../../shared/check-report.ts';
import type { DetailWords } from '../../../shared/messages/detail-words.ts';
import type { StepText } from '../net/step-text.ts';

/** Records step changes; every change is passed to `onChange` as it happens. */
export class StepTracker {
  private readonly steps = new Map<StepId, CheckStep>();
  private readonly startedAt = new Map<StepId, number>();
  private readonly now: () => number;
  private readonly onChange: (step: CheckStep) => void;
  private readonly ids: readonly StepId[];

  /** `ids`: this server's steps in contract order (the incoming server's by default). */
  constructor(now: () => number, onChange: (step: CheckStep) => void, ids: readonly StepId[] = stepIds) {
    this.now = now;
    this.onChange = onChange;
    this.ids = ids;
  }

  /** Marks a step as running (idempotent: a running step keeps its start time). */
  start(id: StepId, detail = ''): void {
    if (this.steps.get(id)?.status === 'running') return;
    this.startedAt.set(id, this.now());
    this.set({ id, status: 'running', ms: 0, detail });
  }

  /**
   * A running step enters a new phase (the test message: from waiting for the incoming check to
   * sending): it is announced again with `detail`, and runServer gives it a fresh time limit; its
   * time still counts from its start.
   */
  phase(id: StepId, detail: string): void {
    const step = this.steps.get(id);
    if (step?.status !== 'running') return this.start(id, detail);
    this.set({ ...step, detail });
  }

  /** `words`: the detail's catalogue id, where it is a sentence rather than protocol data. */
  pass(id: StepId, detail: string, words?: DetailWords): void {
    this.finish(id, 'passed', detail, words);
  }

  fail(id: StepId, detail: string, words?: DetailWords): void {
    this.finish(id, 'failed', detail, words);
  }

  skip(id: StepId, detail: string, words?: DetailWords): void {
    this.set({ id, status: 'skipped', ms: 0, detail, ...(words ? { words } : {}) });
  }

  status(id: StepId): CheckStep['status'] | undefined {
    return this.steps.get(id)?.status;
  }

  /** The step that is running now, if any (the one a failure belongs to). */
  running(): StepId | undefined {
    return this.ids.find((id) => this.steps.get(id)?.status === 'running');
  }

  /** Every step in contract order; steps that never ran are reported as skipped. */
  snapshot(skipped: string | StepText): CheckStep[] {
    const text = typeof skipped === 'string' ? { detail: skipped } : skipped;
    return this.ids.map((id) => this.steps.get(id) ?? { id, status: 'skipped', ms: 0, ...text });
  }

  private finish(id: StepId, status: 'passed' | 'failed', detail: string, words: DetailWords | undefined): void {
    const started = this.startedAt.get(id) ?? this.now();
    this.set({ id, status, ms: Math.max(0, Math.round(this.now() - started)), detail, ...(words ? { words } : {}) });
  }

  private set(step: CheckStep): void {
    this.steps.set(step.id, step);
    this.onChange(step);
  }
}
