// A failed check explained: the category's message and advice, the server's own words, next steps.
import type { Ref } from 'react';
import type { CheckedOutgoing, Failure, ServerRole, StepId } from '../../shared/check-report.ts';
import { assertNever } from '../../shared/failure-category.ts';
import { showControlCharacters } from '../../shared/visible-text.ts';
import { ExternalLink } from '../components/external-link.tsx';
import { Icon } from '../components/icons.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import type { FailureAction } from './failure-actions.ts';
import { certificateNames, likelySecurityMismatch } from './failure-hints.ts';

function actionLabel(action: FailureAction): string {
  const m = messages.failure;
  switch (action.kind) {
    case 'edit-password':
      return m.editPassword;
    case 'edit-settings':
      return m.editSettings;
    case 'switch-security':
      if (action.port !== undefined) return format(m.switchPort, { port: action.port, security: messages.security[action.security] });
      return action.security === 'tls' ? m.switchTls : m.switchStarttls;
    case 'open-help':
      return action.appPassword ? m.openAppPassword : m.openHelp;
    case 'trust-certificate':
      return m.trustCertificate;
    case 'retry':
      return m.tryAgain;
    default:
      return assertNever(action);
  }
}

export interface FailurePanelProps {
  failure: Failure;
  /** Which server failed (`data-server`), and the sentence that says so. */
  server: ServerRole;
  serverLine: string;
  actions: readonly FailureAction[];
  onAction: (action: FailureAction) => void;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
  headingLevel?: 'h3' | 'h4' | 'h5';
  /** The server as checked (port and security), to name the likely cause of a timeout. */
  checked?: Pick<CheckedOutgoing, 'port' | 'security'> | undefined;
  /** The check used the saved secret: a refusal means the password was changed, not mistyped. */
  savedSecret?: boolean | undefined;
  /** The step that failed, which tells a silent SSL/TLS port from an unreachable one. */
  failedStep?: StepId | undefined;
  /** How the report tells this failure when it knows more (one cause for both servers, no network). */
  told?: { heading: string | undefined; advice: string | undefined } | undefined;
}

export function FailurePanel({ failure, server, serverLine, actions: offered, onAction, headingRef, headingLevel = 'h3', checked, savedSecret, failedStep, told }: FailurePanelProps) {
  const Heading = headingLevel;
  const m = messages.failure;
  const trusting = offered.some((action) => action.kind === 'trust-certificate');
  // A port that speaks the other security mode explains a timeout better than any firewall: lead with it.
  const settingsEditable = offered.some((action) => action.kind === 'edit-settings' || action.kind === 'switch-security');
  const mismatch = settingsEditable ? likelySecurityMismatch(failure, checked, failedStep) : undefined;
  const actions: readonly FailureAction[] = mismatch
    ? [{ kind: 'switch-security', security: mismatch.expected }, ...offered.filter((action) => action.kind !== 'switch-security')]
    : offered;
  const changedPassword = savedSecret === true && failure.category === 'wrong-credentials';
  // Late is not broken: the server accepted the message, so the panel warns instead of failing.
  const late = failure.category === 'delivery-delayed';
  const heading = told?.heading
    ? told.heading
    : mismatch
    ? format(m.portExpects, { port: mismatch.port, expected: messages.security[mismatch.expected], chosen: messages.security[mismatch.chosen] })
    : changedPassword
      ? m.savedPasswordRefused
      : failure.message;
  const names = failure.category === 'certificate-hostname-mismatch' && failure.certificate ? certificateNames(failure.certificate) : [];
  return (
    <div className={late ? 'failure failure-late' : 'failure'} data-failure-category={failure.category} data-server={server}>
      <Heading className="failure-message" tabIndex={-1} ref={headingRef}>
        <Icon name={late ? 'warning' : 'failed'} className="failure-icon" /> {heading}
      </Heading>
      {serverLine && <p className="failure-server">{serverLine}</p>}
      {mismatch && <p>{failure.message}</p>}
      {names.length > 0 && <p className="certificate-names">{format(m.certificateIsFor, { names: names.join(', ') })}</p>}
      <p className="failure-advice">{changedPassword ? m.savedPasswordAdvice : (told?.advice ?? failure.advice)}</p>
      {failure.serverText && (
        <figure className="server-text">
          <figcaption>{messages.failure.serverSaid}</figcaption>
          <blockquote>
            <code>{showControlCharacters(failure.serverText)}</code>
          </blockquote>
        </figure>
      )}
      {trusting && failure.certificate && (
        <div className="trust">
          <p>
            {format(messages.common.labelColon, { label: messages.certificate.fingerprint })} <code className="fingerprint">{failure.certificate.fingerprint256}</code>
          </p>
          <p className="field-note note-warning">{messages.failure.trustNote}</p>
        </div>
      )}
      {actions.length > 0 && (
        <div className="actions">
          {actions.map((action) =>
            action.kind === 'open-help' ? (
              <ExternalLink key={action.kind} url={action.url} className="button secondary">
                {actionLabel(action)}
              </ExternalLink>
            ) : (
              <button key={`${action.kind}-${'security' in action ? action.security : ''}`} type="button" className="secondary" onClick={() => onAction(action)}>
                {actionLabel(action)}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  );
}
