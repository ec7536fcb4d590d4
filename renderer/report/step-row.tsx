// One row of the test report: icon, step name, what happened in plain words, and the raw detail behind "Technical details".
import type { CertificateInfo, CheckStep, ServerRole, StepId, StepStatus } from '../../shared/check-report.ts';
import { sayDetail } from '../../shared/messages/detail-words.ts';
import { showControlCharacters } from '../../shared/visible-text.ts';
import { Icon } from '../components/icons.tsx';
import { messages } from '../messages/en.ts';
import { activeTranslator, format, formatDuration } from '../messages/format.ts';
import { CertificateDetails } from './certificate-details.tsx';
import { DeliveryWait } from './delivery-wait.tsx';
import { stepWords, type StepContext } from './step-words.ts';

export interface StepRowProps {
  id: StepId;
  /** Which server's group the row is in (`data-server`). */
  server: ServerRole;
  /** Undefined until the step starts: the row shows as waiting and has no data-status. */
  step: CheckStep | undefined;
  certificate?: CertificateInfo | undefined;
  pinnedProblem?: string | undefined;
  /** What the report knows about this step's server, for the plain sentence. */
  context?: StepContext | undefined;
  /** Folded away (kept in the page with its attributes, hidden until the steps are opened). */
  hidden?: boolean | undefined;
  /** The test message's step when it is only late: a warning, not a failure. */
  late?: boolean | undefined;
}

const finished: readonly StepStatus[] = ['passed', 'failed'];

/** The step's detail in the page's language where main sent its words (arguments set apart); else as main wrote it. */
function technicalDetail(step: CheckStep): string {
  if (!step.words) return showControlCharacters(step.detail);
  const translator = activeTranslator();
  return sayDetail(step.words, (id, values) => translator.text(id, values), showControlCharacters);
}

export function StepRow({ id, server, step, certificate, pinnedProblem, context = {}, hidden = false, late = false }: StepRowProps) {
  const status = step?.status;
  const statusText = late ? messages.stepStatus.late : messages.stepStatus[status ?? 'pending'];
  const words = stepWords(id, step, context);
  return (
    <li className={`step step-${late ? 'late' : (status ?? 'pending')}`} hidden={hidden} data-step={id} data-server={server} {...(status ? { 'data-status': status } : {})}>
      <Icon name={late ? 'warning' : (status ?? 'pending')} className="step-icon" />
      <span className="step-name">
        {messages.steps[id]}
        <span className="sr-only">{format(messages.common.statusSuffix, { status: statusText })}</span>
      </span>
      {step && finished.includes(step.status) && <span className="step-time">{formatDuration(step.ms)}</span>}
      {words && <p className="step-words">{words}</p>}
      {id === 'delivery' && status === 'running' && <DeliveryWait />}
      {pinnedProblem && <p className="step-detail note-warning">{pinnedProblem}</p>}
      {/* The protocol's own words (cipher suites, error codes) are for those who ask for them. */}
      {/* A skipped step has nothing to explain beyond its sentence. */}
      {step?.detail && (step.status === 'passed' || step.status === 'failed') && (
        <details className="technical step-detail">
          <summary>{messages.report.technicalDetails}</summary>
          <p>{technicalDetail(step)}</p>
        </details>
      )}
      {certificate && <CertificateDetails certificate={certificate} />}
    </li>
  );
}
