// One saved account: who, where, its status, and Re-test / Update password / Remove.
import { useEffect, useRef, useState } from 'react';
import type { AccountSummary } from '../../shared/account-summary.ts';
import type { ServerRole } from '../../shared/check-report.ts';
import type { Security } from '../../shared/server-settings.ts';
import { Notice } from '../components/notice.tsx';
import type { CopiesOutcome } from '../../shared/handoff-view.ts';
import { CopiesNote } from '../handoff/copies-note.tsx';
import { UseInOtherApps } from '../handoff/use-in-other-apps.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { CheckReportView } from '../report/check-report-view.tsx';
import type { FailureAction } from '../report/failure-actions.ts';
import { liveText } from '../report/live-text.ts';
import { TestMessageNote } from '../report/test-message-note.tsx';
import { AccountStatusLine } from './account-status.tsx';
import { TrustedCertificates } from './trusted-certificates.tsx';
import type { AccountUi } from './accounts-reducer.ts';
import { UpdatePasswordForm } from './update-password-form.tsx';

export interface AccountItemProps {
  index: number;
  account: AccountSummary;
  ui: AccountUi;
  onRetest: () => void;
  onMode: (mode: AccountUi['mode']) => void;
  onPassword: (password: string) => void;
  onOutgoingPassword: (password: string) => void;
  onSendTestMessage: () => void;
  onSubmitPassword: () => void;
  onCancelRun: () => void;
  /** `removeGnomeCopy`: the user also asked to remove the copy in GNOME Online Accounts. */
  onRemove: (options: { removeGnomeCopy: boolean }) => void;
  onRevokeCertificate: (fingerprint256: string) => void;
  onSignIn: () => void;
  /** Re-tested by "Re-test all": the same folded report as Re-test (its passed steps built only when opened), focus left alone. */
  inBulk?: boolean | undefined;
  /** The account the "Account saved and working" banner above confirms. */
  justSaved?: boolean | undefined;
  /** After a new password: what became of the copies in other programs. */
  copiesOutcome?: CopiesOutcome | undefined;
}

/** "Incoming: host:port · SSL/TLS", and the same for the outgoing server. */
function serverLine(role: ServerRole, server: { host: string; port: number; security: Security; protocol?: AccountSummary['protocol'] }): string {
  const name = role === 'incoming' && server.protocol === 'pop3' ? messages.accountServers.incomingPop3 : messages.accountServers[role];
  return format(messages.accountServers.serverLine, { role: name, host: server.host, port: server.port, security: messages.security[server.security] });
}

export function AccountItem(props: AccountItemProps) {
  const { index, account, ui, onRetest, onMode, onPassword, onOutgoingPassword, onSendTestMessage, onSubmitPassword, onCancelRun, onRemove, onRevokeCertificate, onSignIn, inBulk = false, justSaved = false, copiesOutcome } = props;
  const hasGnomeCopy = account.copies?.includes('gnome') ?? false;
  const [removeGnomeCopy, setRemoveGnomeCopy] = useState(false);
  const m = messages.accounts;
  const running = ui.run.phase === 'running';
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const updateRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const previousMode = useRef(ui.mode);
  // Focus follows the inline forms: into the question, and back to the button that opened it.
  useEffect(() => {
    const previous = previousMode.current;
    previousMode.current = ui.mode;
    if (ui.mode === 'confirm-remove') confirmRef.current?.focus();
    else if (ui.mode === 'view' && previous === 'confirm-remove') removeRef.current?.focus();
    else if (ui.mode === 'view' && previous === 'update-password') updateRef.current?.focus();
  }, [ui.mode]);
  const outgoing = account.outgoing ?? null;
  const act = (action: FailureAction) => {
    if (action.kind === 'edit-password') {
      if (account.authKind === 'oauth2') onSignIn();
      else onMode('update-password');
    }
    if (action.kind === 'retry') (ui.purpose === 'test-message' ? onSendTestMessage : onRetest)();
  };
  return (
    // Named by the address so that each account's buttons can be found within it.
    <li className={justSaved ? 'account just-saved' : 'account'} aria-label={account.email}>
      <div className="account-head">
        <span className="provider-badge" aria-hidden="true">
          {(account.displayName || account.email).slice(0, 1).toUpperCase()}
        </span>
        <div className="account-who">
          <h2 className="account-name">{account.displayName || account.email}</h2>
          {justSaved && <p className="just-saved-mark">{m.justSaved}</p>}
          {account.displayName && <p className="account-line">{account.email}</p>}
          <p className="account-line">
            {serverLine('incoming', account)}
          </p>
          {outgoing ? <p className="account-line">{serverLine('outgoing', outgoing)}</p> : <p className="account-line note-warning">{messages.accountServers.noOutgoing}</p>}
        </div>
        <AccountStatusLine account={account} />
      </div>
      <TrustedCertificates certificates={account.trustedCertificates} onRevoke={onRevokeCertificate} />
      <div className="action-bar">
        <button type="button" className="secondary" onClick={onRetest} aria-disabled={running || undefined}>
          {m.retest}
        </button>
        {outgoing && (
          <button type="button" className="secondary" onClick={onSendTestMessage} aria-disabled={running || undefined}>
            {messages.testMessage.send}
          </button>
        )}
        {account.authKind === 'oauth2' ? (
          <button type="button" className="secondary" onClick={onSignIn} aria-disabled={running || undefined}>
            {m.signInAgain}
          </button>
        ) : (
          ui.mode !== 'update-password' && (
            <button type="button" className="secondary" ref={updateRef} onClick={() => onMode('update-password')}>
              {m.updatePassword}
            </button>
          )
        )}
        <UseInOtherApps account={account} />
        {ui.mode !== 'confirm-remove' && (
          <button type="button" className="secondary danger" ref={removeRef} onClick={() => onMode('confirm-remove')}>
            {m.remove}
          </button>
        )}
        {running && ui.mode !== 'update-password' && (
          <button type="button" className="secondary" onClick={onCancelRun}>
            {messages.test.cancel}
          </button>
        )}
      </div>
      {ui.mode === 'confirm-remove' && (
        <div className="confirm">
          <p tabIndex={-1} ref={confirmRef}>
            {format(m.removeQuestion, { email: account.email })}
          </p>
          {hasGnomeCopy && (
            <div className="field checkbox">
              <input id={`account-${index}-remove-gnome`} type="checkbox" checked={removeGnomeCopy} onChange={(event) => setRemoveGnomeCopy(event.target.checked)} />
              <label htmlFor={`account-${index}-remove-gnome`}>{messages.handoff.removeGnomeCopy}</label>
            </div>
          )}
          <div className="action-bar">
            <button type="button" className="primary danger" onClick={() => onRemove({ removeGnomeCopy: hasGnomeCopy && removeGnomeCopy })}>
              {m.remove}
            </button>
            <button type="button" className="secondary" onClick={() => onMode('view')}>
              {messages.common.cancel}
            </button>
          </div>
        </div>
      )}
      <p className="sr-only" role="status">
        {liveText(ui.run)}
      </p>
      {ui.message && <Notice tone={ui.message.tone}>{ui.message.text}</Notice>}
      {copiesOutcome && <CopiesNote outcome={copiesOutcome} />}
      {/* Right under the account's buttons, above the report: after a refused password it is the next thing to do. */}
      {ui.mode === 'update-password' && (
        <UpdatePasswordForm
          id={`account-${index}-password`}
          email={account.email}
          password={ui.password}
          outgoingPassword={outgoing && !outgoing.sharedPassword ? ui.outgoingPassword : null}
          onOutgoingChange={onOutgoingPassword}
          showError={ui.showPasswordError}
          running={running}
          onChange={onPassword}
          onSubmit={onSubmitPassword}
          onCancel={() => (running ? onCancelRun() : onMode('view'))}
          focusOnOpen={!inBulk}
        />
      )}
      {running && ui.purpose === 'test-message' && <Notice tone="info">{format(messages.testMessage.sending, { email: account.email })}</Notice>}
      <CheckReportView
        run={ui.run}
        headingLevel="h3"
        savedSecret={ui.purpose === 'retest'}
        onAction={act}
        errorTemplate={ui.purpose === 'sign-in' ? messages.secret.oauthFailed : undefined}
        idPrefix={`account-${index}`}
        actionContext={(server) => ({
          security: server === 'outgoing' && outgoing ? outgoing.security : account.security,
          settingsEditable: false,
          certificatesTrustable: false,
          hidden: ui.mode === 'update-password' ? ['edit-password'] : [],
        })}
        sharedPassword={outgoing?.sharedPassword === true}
        // "Re-test all" keeps each passed account to its lines; its steps are built when opened.
        foldedStepsInPage={!inBulk}
      />
      {ui.run.phase === 'finished' && <TestMessageNote report={ui.run.report} email={account.email} />}
    </li>
  );
}
