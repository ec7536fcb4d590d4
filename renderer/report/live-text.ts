// The one sentence a screen reader hears about a running or finished check.
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { failedStep, type CheckRun } from './check-run.ts';

/** Announces the running step, then the outcome; empty while nothing runs. */
export function liveText(run: CheckRun): string {
  switch (run.phase) {
    case 'running': {
      const running = Object.values(run.steps).find((step) => step.status === 'running');
      return running ? format(messages.live.step, { step: messages.steps[running.id], status: messages.stepStatus.running }) : messages.test.running;
    }
    case 'finished': {
      const failed = failedStep(run);
      return failed ? format(messages.live.finishedFailed, { step: messages.steps[failed] }) : messages.live.finishedOk;
    }
    case 'cancelled':
      return messages.test.cancelled;
    case 'error':
      return run.message;
    case 'idle':
      return '';
  }
}
