// The live test report: each server's steps in order as they stream in, then the outcome per server.
import type { Ref } from 'react';
import type { ServerRole } from '../../shared/check-report.ts';
import { Icon } from '../components/icons.tsx';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { serverSections, type CheckRun } from './check-run.ts';
import type { ActionContext, FailureAction } from './failure-actions.ts';
import { ServerGroup } from './server-group.tsx';
import { causeOf, type CauseContext } from './shared-cause.ts';
import { TranscriptDetails } from './transcript-details.tsx';

export interface CheckReportViewProps extends CauseContext {
  run: CheckRun;
  /** What each server's failure may offer (the outgoing server has its own security mode). */
  actionContext: ActionContext | ((server: ServerRole) => ActionContext);
  onAction: (action: FailureAction, server: ServerRole) => void;
  failureHeadingRef?: Ref<HTMLHeadingElement> | undefined;
  /** The report's own heading level, so it nests under the screen's headings. */
  headingLevel: 'h2' | 'h3';
  /** How to word a call that failed outright (`{message}` is filled in); a sign-in has its own. */
  errorTemplate?: string | undefined;
  /** A stable prefix for the ids that name each server's group (several reports can share a page). */
  idPrefix?: string | undefined;
  /** The check used the saved secret (a re-test): a refusal means it was changed, not mistyped. */
  savedSecret?: boolean | undefined;
  /** False: a passed server's steps are rendered only when opened (default: kept in the page, hidden). */
  foldedStepsInPage?: boolean | undefined;
}

const sub = { h2: 'h3', h3: 'h4' } as const;

export function CheckReportView(props: CheckReportViewProps) {
  const { run, headingLevel, errorTemplate, actionContext, onAction, failureHeadingRef, idPrefix = 'report', savedSecret } = props;
  if (run.phase === 'idle') return null;
  if (run.phase === 'cancelled') return <Notice tone="info">{messages.test.cancelled}</Notice>;
  if (run.phase === 'error') {
    return <Notice tone="error">{format(errorTemplate ?? messages.common.unexpected, { message: run.message })}</Notice>;
  }
  const Heading = headingLevel;
  const report = run.phase === 'finished' ? run.report : undefined;
  const sections = serverSections(run);
  // Focus goes to the first failure only, so it is read first.
  const firstFailed = sections.find((section) => section.failure)?.server;
  const cause = causeOf(sections, { sharedPassword: props.sharedPassword, knownProvider: props.knownProvider });
  return (
    <section className="report">
      <Heading className="report-title" tabIndex={-1}>
        {messages.test.heading}
      </Heading>
      {sections.map((section) => (
        <ServerGroup
          // A new run starts folded again.
          key={`${run.checkId}-${section.server}`}
          section={section}
          run={run}
          context={typeof actionContext === 'function' ? actionContext(section.server) : actionContext}
          onAction={onAction}
          failureHeadingRef={failureHeadingRef}
          headingLevel={sub[headingLevel]}
          headingId={`${idPrefix}-${section.server}`}
          savedSecret={savedSecret}
          cause={cause}
          first={section.server === firstFailed}
          foldedStepsInPage={props.foldedStepsInPage ?? true}
        />
      ))}
      {report?.ok && (
        <p className="success">
          <Icon name="passed" /> {report.outgoing ? messages.report.passedBoth : messages.test.passed}
        </p>
      )}
      {report?.transcript && report.transcript.length > 0 && <TranscriptDetails lines={report.transcript} />}
    </section>
  );
}
