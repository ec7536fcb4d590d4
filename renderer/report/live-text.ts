// The one sentence a screen reader hears about a running or finished check.
import type { ServerRole } from '../../shared/check-report.ts';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { failedStep, type CheckRun } from './check-run.ts';

// Outgoing steps share names with incoming ones ("Sign in"), so they say which server they are.
function stepName(server: ServerRole, id: keyof typeof messages.steps): string {
  return server === 'outgoing' ? format(messages.report.outgoingStep, { step: messages.steps[id] }) : messages.steps[id];
}

/** Announces the running step, then the outcome; empty while nothing runs. */
export function liveText(run: CheckRun): string {
  switch (run.phase) {
    case 'running': {
      for (const server of ['outgoing', 'incoming'] as const) {
        const running = Object.values(run.steps[server]).find((step) => step.status === 'running');
        if (running) return format(messages.live.step, { step: stepName(server, running.id), status: messages.stepStatus.running });
      }
      return messages.test.running;
    }
    case 'finished': {
      // Late is not failed: the outgoing server accepted the message.
      if (run.report.failure?.category === 'delivery-delayed') return messages.live.finishedLate;
      const failed = failedStep(run);
      return failed ? format(messages.live.finishedFailed, { step: stepName(failed.server, failed.id) }) : messages.live.finishedOk;
    }
    case 'cancelled':
      return messages.test.cancelled;
    case 'error':
      return run.message;
    case 'idle':
      return '';
  }
}
