// One server's part of the report: while it runs, every step; once finished, one line, the failed step
// and its panel, with the other steps folded (still in the page, hidden) until the user opens them.
import { useId, useState, type Ref } from 'react';
import type { ServerRole } from '../../shared/check-report.ts';
import { Icon } from '../components/icons.tsx';
import { messages } from '../messages/en.ts';
import { format, formatDuration } from '../messages/format.ts';
import type { ServerSection, CheckRun } from './check-run.ts';
import { actionsFor, type ActionContext, type FailureAction } from './failure-actions.ts';
import { certificateProblemText } from './failure-hints.ts';
import { FailurePanel } from './failure-panel.tsx';
import type { Cause } from './shared-cause.ts';
import { StepRow } from './step-row.tsx';

export interface ServerGroupProps {
  section: ServerSection;
  run: CheckRun;
  context: ActionContext;
  onAction: (action: FailureAction, server: ServerRole) => void;
  /** The failure heading to focus when the run ends, on the first failed server only. */
  failureHeadingRef: Ref<HTMLHeadingElement> | undefined;
  headingLevel: 'h3' | 'h4';
  headingId: string;
  savedSecret: boolean | undefined;
  /** How the report tells the first failure; `covers` means this (outgoing) server's failure is told there. */
  cause: Cause | undefined;
  /** This server holds the first failure (its panel tells the cause). */
  first: boolean;
  /** False: a passed server's folded steps are rendered only once opened (one line per account in "Re-test all"). */
  foldedStepsInPage: boolean;
}

const sub = { h3: 'h4', h4: 'h5' } as const;

/** The one line that stands for a server's passed steps. */
function summaryOf(section: ServerSection): string | undefined {
  const steps = section.rows.map((row) => row.step);
  if (steps.some((step) => step === undefined || step.status === 'running')) return undefined;
  const total = formatDuration(steps.reduce((sum, step) => sum + (step?.ms ?? 0), 0));
  const m = messages.report.summary;
  if (section.failure?.category === 'delivery-delayed') return m.late;
  if (section.failure) return undefined;
  if (section.server === 'incoming') return format(m.incoming, { duration: total });
  return section.rows.some((row) => row.id === 'delivery') ? format(m.delivered, { duration: total }) : format(m.outgoing, { duration: total });
}

export function ServerGroup({ section, run, context, onAction, failureHeadingRef, headingLevel, headingId, savedSecret, cause, first, foldedStepsInPage }: ServerGroupProps) {
  const Heading = headingLevel;
  const listId = useId();
  const [open, setOpen] = useState(false);
  const certificate = section.tls?.certificate ?? section.failure?.certificate;
  const pinned = section.tls?.pinned;
  const failure = section.failure;
  const finished = run.phase === 'finished';
  const report = finished ? run.report : undefined;
  // The server as tested, for plain step sentences ("Nothing answered on port 993") and the failure's likely cause.
  const checked = section.server === 'outgoing' ? (report?.outgoing?.account ?? undefined) : report?.account;
  const failedId = section.rows.find((row) => row.step?.status === 'failed')?.id;
  const summary = finished ? summaryOf(section) : undefined;
  // Folded once finished: a passed server shows one line; a failed one its failed step.
  const folded = finished && !open;
  const late = failure?.category === 'delivery-delayed';
  // Folded, a server keeps in sight its failed step, if any, and how its connection is protected
  // (the secure-connection step that passed, with its certificate details).
  const keptInSight = (id: string, status: string | undefined) => id === failedId || (id === 'tls' && status === 'passed');
  const anyInSight = section.rows.some((row) => keptInSight(row.id, row.step?.status));
  const listInPage = foldedStepsInPage || !folded || failedId !== undefined;
  const covered = !first && cause?.covers === true;
  const serverName = messages.report[`${section.server}Name`];
  const serverLine = late
    ? ''
    : first && cause?.covers
      ? format(messages.report.bothServers, { incoming: `${report?.account.host}:${report?.account.port}`, outgoing: `${report?.outgoing?.account.host}:${report?.outgoing?.account.port}` })
      : format(messages.report.failedServer, { server: serverName, address: section.address ?? '' });
  return (
    <section className="server-report" data-server={section.server} aria-labelledby={headingId}>
      <Heading className="server-title" id={headingId}>
        {section.server === 'incoming' && report?.account.protocol === 'pop3' ? messages.report.incomingPop3 : messages.report[section.server]}
        {section.address && <span className="server-address">{format(messages.report.serverAddress, { address: section.address })}</span>}
      </Heading>
      {finished && (summary || failedId) && (
        <div className="server-summary">
          {summary && (
            <p className="server-summary-line">
              <Icon name={late ? 'warning' : 'passed'} className={late ? 'late-icon' : 'success-icon'} /> {summary}
            </p>
          )}
          <button type="button" className="link-button" aria-expanded={open} aria-controls={listInPage ? listId : undefined} onClick={() => setOpen(!open)}>
            {open ? messages.report.hideSteps : messages.report.showSteps}
          </button>
        </div>
      )}
      {listInPage && (
      <ol className="steps" id={listId} hidden={folded && !anyInSight}>
        {section.rows.map(({ id, step }) => (
          <StepRow
            key={id}
            id={id}
            server={section.server}
            step={step}
            hidden={folded && !keptInSight(id, step?.status)}
            late={late && id === failedId}
            certificate={id === 'tls' ? certificate : undefined}
            pinnedProblem={id === 'tls' && pinned ? format(messages.certificate.pinnedWarning, { problem: certificateProblemText(pinned.problem) }) : undefined}
            context={checked ? { host: checked.host, port: checked.port, tls: section.tls, failure } : {}}
          />
        ))}
      </ol>
      )}
      {failure && covered && (
        <p className="failure-same" data-failure-category={failure.category} data-server={section.server}>
          {messages.report.sameCause}
        </p>
      )}
      {failure && !covered && (
        <FailurePanel
          failure={failure}
          server={section.server}
          serverLine={serverLine}
          actions={actionsFor(failure, context)}
          onAction={(action) => onAction(action, section.server)}
          headingRef={first ? failureHeadingRef : undefined}
          headingLevel={sub[Heading]}
          savedSecret={savedSecret}
          checked={checked}
          failedStep={failedId}
          told={first && cause ? { heading: cause.heading, advice: cause.advice } : undefined}
        />
      )}
    </section>
  );
}
