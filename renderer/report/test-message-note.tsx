// What a test message did, in words: it arrived (and what exactly was sent), it is late, or it was not sent.
import type { CheckReport } from '../../shared/check-report.ts';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';

/** Nothing unless the report sent a test message; then says what was sent and whether it arrived. */
export function TestMessageNote({ report, email }: { report: CheckReport; email: string }) {
  const delivery = report.outgoing?.steps.find((step) => step.id === 'delivery');
  if (!delivery) return null;
  const m = messages.testMessage;
  if (delivery.status === 'passed') {
    return (
      <div className="test-message-result">
        <Notice tone="success">{m.arrived}</Notice>
        <p className="field-hint">{format(m.sent, { email })}</p>
      </div>
    );
  }
  // A late message has its own (amber) panel in the report; it is not said twice.
  if (delivery.status === 'skipped' && !report.outgoing?.failure) return <Notice tone="warning">{m.notSent}</Notice>;
  return null;
}
