// One row of the test report: icon, step name, status for screen readers, time and detail.
import type { CertificateInfo, CheckStep, ServerRole, StepId, StepStatus } from '../../shared/check-report.ts';
import { Icon } from '../components/icons.tsx';
import { messages } from '../messages/en.ts';
import { formatDuration } from '../messages/format.ts';
import { CertificateDetails } from './certificate-details.tsx';

export interface StepRowProps {
  id: StepId;
  /** Which server's group the row is in (`data-server`). */
  server: ServerRole;
  /** Undefined until the step starts: the row shows as waiting and has no data-status. */
  step: CheckStep | undefined;
  certificate?: CertificateInfo | undefined;
  pinnedProblem?: string | undefined;
}

const finished: readonly StepStatus[] = ['passed', 'failed'];

export function StepRow({ id, server, step, certificate, pinnedProblem }: StepRowProps) {
  const status = step?.status;
  const statusText = messages.stepStatus[status ?? 'pending'];
  return (
    <li className={`step step-${status ?? 'pending'}`} data-step={id} data-server={server} {...(status ? { 'data-status': status } : {})}>
      <Icon name={status ?? 'pending'} className="step-icon" />
      <span className="step-name">
        {messages.steps[id]}
        <span className="sr-only">: {statusText}</span>
      </span>
      {step && finished.includes(step.status) && <span className="step-time">{formatDuration(step.ms)}</span>}
      {step?.detail && <p className="step-detail">{step.detail}</p>}
      {pinnedProblem && <p className="step-detail note-warning">{pinnedProblem}</p>}
      {certificate && <CertificateDetails certificate={certificate} />}
    </li>
  );
}
