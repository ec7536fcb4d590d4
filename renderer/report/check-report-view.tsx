// The live test report: all six steps in order as they stream in, then the outcome.
import type { Ref } from 'react';
import { Icon } from '../components/icons.tsx';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { stepRows, type CheckRun } from './check-run.ts';
import { actionsFor, type ActionContext, type FailureAction } from './failure-actions.ts';
import { FailurePanel } from './failure-panel.tsx';
import { StepRow } from './step-row.tsx';

export interface CheckReportViewProps {
  run: CheckRun;
  actionContext: ActionContext;
  onAction: (action: FailureAction) => void;
  failureHeadingRef?: Ref<HTMLHeadingElement> | undefined;
  /** The report's own heading level, so it nests under the screen's headings. */
  headingLevel: 'h2' | 'h3';
  /** How to word a call that failed outright (`{message}` is filled in); a sign-in has its own. */
  errorTemplate?: string | undefined;
}

export function CheckReportView({ run, actionContext, onAction, failureHeadingRef, headingLevel, errorTemplate }: CheckReportViewProps) {
  if (run.phase === 'idle') return null;
  if (run.phase === 'cancelled') return <Notice tone="info">{messages.test.cancelled}</Notice>;
  if (run.phase === 'error') {
    return <Notice tone="error">{format(errorTemplate ?? messages.common.unexpected, { message: run.message })}</Notice>;
  }
  const Heading = headingLevel;
  const report = run.phase === 'finished' ? run.report : undefined;
  const certificate = report?.tls?.certificate ?? report?.failure?.certificate;
  const pinned = report?.tls?.pinned;
  return (
    <section className="report">
      <Heading className="report-title">{messages.test.heading}</Heading>
      <ol className="steps">
        {stepRows(run).map(({ id, step }) => (
          <StepRow
            key={id}
            id={id}
            step={step}
            certificate={id === 'tls' ? certificate : undefined}
            pinnedProblem={id === 'tls' && pinned ? format(messages.certificate.pinnedWarning, { problem: pinned.problem }) : undefined}
          />
        ))}
      </ol>
      {report?.ok && (
        <p className="success">
          <Icon name="passed" /> {messages.test.passed}
        </p>
      )}
      {report?.failure && (
        <FailurePanel
          failure={report.failure}
          actions={actionsFor(report.failure, actionContext)}
          onAction={onAction}
          headingRef={failureHeadingRef}
          headingLevel={headingLevel === 'h2' ? 'h3' : 'h4'}
        />
      )}
    </section>
  );
}
