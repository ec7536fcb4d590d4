// The live test report: each server's steps in order as they stream in, then the outcome per server.
import type { Ref } from 'react';
import type { ServerRole } from '../../shared/check-report.ts';
import { Icon } from '../components/icons.tsx';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { serverSections, type CheckRun, type ServerSection } from './check-run.ts';
import { actionsFor, type ActionContext, type FailureAction } from './failure-actions.ts';
import { certificateProblemText } from './failure-hints.ts';
import { FailurePanel } from './failure-panel.tsx';
import { StepRow } from './step-row.tsx';
import { TranscriptDetails } from './transcript-details.tsx';

export interface CheckReportViewProps {
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
}

const sub = { h2: 'h3', h3: 'h4', h4: 'h5' } as const;

function ServerGroup({ section, props, focusFailure }: { section: ServerSection; props: CheckReportViewProps; focusFailure: boolean }) {
  const { run, actionContext, onAction, failureHeadingRef, headingLevel, idPrefix = 'report', savedSecret } = props;
  const Heading = sub[headingLevel];
  const headingId = `${idPrefix}-${section.server}`;
  const certificate = section.tls?.certificate ?? section.failure?.certificate;
  const pinned = section.tls?.pinned;
  const context = typeof actionContext === 'function' ? actionContext(section.server) : actionContext;
  const failure = section.failure;
  // The server as tested, for plain step sentences ("Nothing answered on port 993") and the failure's likely cause.
  const report = run.phase === 'finished' ? run.report : undefined;
  const checked = section.server === 'outgoing' ? (report?.outgoing?.account ?? undefined) : report?.account;
  return (
    <section className="server-report" data-server={section.server} aria-labelledby={headingId}>
      <Heading className="server-title" id={headingId}>
        {section.server === 'incoming' && report?.account.protocol === 'pop3' ? messages.report.incomingPop3 : messages.report[section.server]}
        {section.address && <span className="server-address">{format(messages.report.serverAddress, { address: section.address })}</span>}
      </Heading>
      <ol className="steps">
        {section.rows.map(({ id, step }) => (
          <StepRow
            key={id}
            id={id}
            server={section.server}
            step={step}
            certificate={id === 'tls' ? certificate : undefined}
            pinnedProblem={id === 'tls' && pinned ? format(messages.certificate.pinnedWarning, { problem: certificateProblemText(pinned.problem) }) : undefined}
            context={checked ? { host: checked.host, port: checked.port, tls: section.tls, failure } : {}}
          />
        ))}
      </ol>
      {failure && (
        <FailurePanel
          failure={failure}
          server={section.server}
          serverLine={format(messages.report.failedServer, { server: messages.report[`${section.server}Name`], address: section.address ?? '' })}
          actions={actionsFor(failure, context)}
          onAction={(action) => onAction(action, section.server)}
          headingRef={focusFailure ? failureHeadingRef : undefined}
          headingLevel={sub[Heading]}
          savedSecret={savedSecret}
          checked={checked}
          failedStep={section.rows.find((row) => row.step?.status === 'failed')?.id}
        />
      )}
    </section>
  );
}

export function CheckReportView(props: CheckReportViewProps) {
  const { run, headingLevel, errorTemplate } = props;
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
  return (
    <section className="report">
      <Heading className="report-title" tabIndex={-1}>
        {messages.test.heading}
      </Heading>
      {sections.map((section) => (
        <ServerGroup key={section.server} section={section} props={props} focusFailure={section.server === firstFailed} />
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
