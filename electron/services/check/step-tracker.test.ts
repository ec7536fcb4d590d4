// The step tracker keeps the six steps in contract order, timed, and announces every change.
import { describe, expect, it } from 'vitest';
import { stepIds, type CheckStep } from '../../../shared/check-report.ts';
import { StepTracker } from './step-tracker.ts';

function tracked() {
  let clock = 1000;
  const events: CheckStep[] = [];
  const tracker = new StepTracker(() => clock, (step) => events.push(step));
  return { tracker, events, advance: (ms: number) => (clock += ms) };
}

describe('StepTracker', () => {
  it('times each step from its start and announces running then the outcome', () => {
    const { tracker, events, advance } = tracked();
    tracker.start('resolve');
    advance(12.4);
    tracker.pass('resolve', '127.0.0.1');
    tracker.start('connect');
    advance(30.6);
    tracker.fail('connect', 'ECONNREFUSED');
    expect(events).toEqual([
      { id: 'resolve', status: 'running', ms: 0, detail: '' },
      { id: 'resolve', status: 'passed', ms: 12, detail: '127.0.0.1' },
      { id: 'connect', status: 'running', ms: 0, detail: '' },
      { id: 'connect', status: 'failed', ms: 31, detail: 'ECONNREFUSED' },
    ]);
  });

  it('keeps the first start time when a running step is started again', () => {
    const { tracker, events, advance } = tracked();
    tracker.start('tls', 'Upgrading with STARTTLS');
    advance(5);
    tracker.start('tls', 'again');
    advance(5);
    tracker.pass('tls', 'TLSv1.3');
    expect(events.map((step) => step.status)).toEqual(['running', 'passed']);
    expect(events[1]?.ms).toBe(10);
  });

  it('announces a new phase of a running step with its detail, still timed from its start', () => {
    const { tracker, events, advance } = tracked();
    tracker.start('inbox', 'Waiting');
    advance(7);
    tracker.phase('inbox', 'Sending');
    advance(3);
    tracker.pass('inbox', 'Arrived');
    expect(events.map((step) => [step.status, step.detail, step.ms])).toEqual([
      ['running', 'Waiting', 0],
      ['running', 'Sending', 0],
      ['passed', 'Arrived', 10],
    ]);
  });

  it('reports the running step and snapshots all six in contract order', () => {
    const { tracker } = tracked();
    tracker.start('resolve');
    tracker.pass('resolve', '::1');
    tracker.skip('tls', 'No encryption chosen for this account.');
    tracker.start('greeting');
    expect(tracker.running()).toBe('greeting');
    expect(tracker.status('tls')).toBe('skipped');
    expect(tracker.status('inbox')).toBeUndefined();
    const snapshot = tracker.snapshot('Not run.');
    expect(snapshot.map((step) => step.id)).toEqual([...stepIds]);
    expect(snapshot.map((step) => step.status)).toEqual(['passed', 'skipped', 'skipped', 'running', 'skipped', 'skipped']);
    expect(snapshot[1]?.detail).toBe('Not run.');
  });
});
