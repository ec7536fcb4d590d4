// Step 4: Test Account Settings with its live report and Cancel; after a pass, Save account.
import { useEffect, useRef } from 'react';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import type { ServerRole } from '../../shared/check-report.ts';
import { CheckReportView } from '../report/check-report-view.tsx';
import { outgoingLater, outgoingPassed } from '../report/check-run.ts';
import type { ActionContext, FailureAction } from '../report/failure-actions.ts';
import { liveText } from '../report/live-text.ts';
import { NoOutgoingConfirmation } from './outgoing-step.tsx';
import { TestMessageNote } from '../report/test-message-note.tsx';
import { asksForPassword } from './secret-rules.ts';
import { canSave, knownProviderOf, runKeyOf } from './wizard-reducer.ts';
import type { DetailsState } from './wizard-state.ts';

export interface TestStepProps {
  state: DetailsState;
  onBack: () => void;
  onCancel: () => void;
  onSave: () => void;
  /** Saves without an outgoing server, after the user confirmed it. */
  onSaveIncomingOnly: () => void;
  onFillOutgoing: () => void;
  onSendTestMessage: () => void;
  onAction: (action: FailureAction, server: ServerRole) => void;
  onShowAccounts: () => void;
}

export function TestStep(props: TestStepProps) {
  const { state, onBack, onCancel, onSave, onSaveIncomingOnly, onFillOutgoing, onSendTestMessage, onAction, onShowAccounts } = props;
  const { run } = state;
  const running = run.phase === 'running';
  const failureRef = useRef<HTMLHeadingElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const testRef = useRef<HTMLButtonElement>(null);
  const finishedId = run.phase === 'finished' ? run.checkId : null;
  const saveAllowed = canSave(state);
  const stale = run.phase === 'finished' && state.runKey !== runKeyOf(state);
  // A test message needs a working outgoing server, proven by the test on screen.
  const messageAllowed = saveAllowed && run.phase === 'finished' && outgoingPassed(run.report);
  const confirmRef = useRef<HTMLDivElement>(null);
  const context = (server: ServerRole): ActionContext => ({
    security: server === 'outgoing' ? state.outgoing.form.security : state.form.security,
    settingsEditable: true,
    certificatesTrustable: true,
  });

  // Focus follows the outcome: the failure to read and act on, or the button that saves.
  useEffect(() => {
    if (finishedId === null) return;
    (failureRef.current ?? saveRef.current)?.focus();
  }, [finishedId]);
  useEffect(() => {
    if (state.duplicateOf) noticeRef.current?.focus();
  }, [state.duplicateOf]);
  useEffect(() => {
    if (state.confirmingNoOutgoing) confirmRef.current?.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  }, [state.confirmingNoOutgoing]);
  // Cancel disappears once the check stops, so its focus goes back to the test button.
  useEffect(() => {
    if (run.phase === 'cancelled' && document.activeElement === document.body) testRef.current?.focus();
  }, [run.phase]);

  return (
    <div className="section test-section">
      <div className="action-bar">
        <button type="button" className="secondary" onClick={onBack}>
          {messages.common.back}
        </button>
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
        {asksForPassword(state) && (
          <button type="submit" className="primary" ref={testRef} aria-disabled={running || undefined}>
            {messages.test.run}
          </button>
        )}
        {running && (
          <button type="button" className="secondary" onClick={onCancel}>
            {messages.test.cancel}
          </button>
        )}
      </div>
      <p className="sr-only" role="status">
        {liveText(run)}
      </p>
      {running && state.runPurpose === 'save' && <Notice tone="info">{messages.test.saving}</Notice>}
      {running && state.runPurpose === 'message' && <Notice tone="info">{format(messages.testMessage.sending, { email: state.identity.email })}</Notice>}
      <CheckReportView
        run={run}
        headingLevel="h2"
        onAction={onAction}
        failureHeadingRef={failureRef}
        errorTemplate={state.runPurpose === 'sign-in' ? messages.secret.oauthFailed : undefined}
        actionContext={context}
        sharedPassword={state.outgoing.samePassword}
        knownProvider={knownProviderOf(state)}
      />
      {run.phase === 'finished' && <TestMessageNote report={run.report} email={state.identity.email} />}
      {saveAllowed && run.phase === 'finished' && outgoingLater(run.report) && <Notice tone="warning">{messages.test.outgoingLater}</Notice>}
      {stale && (
        <Notice tone="warning">{messages.test.stale}</Notice>
      )}
      {state.duplicateOf && (
        <div className="notice-block notice-warning">
          <p tabIndex={-1} ref={noticeRef}>
            {format(messages.test.duplicate, { email: state.duplicateOf })}
          </p>
          <button type="button" className="secondary" onClick={onShowAccounts}>
            {messages.test.showAccounts}
          </button>
        </div>
      )}
      {messageAllowed && (
        <div className="test-message">
          <p className="field-hint" id="test-message-hint">
            {format(messages.testMessage.hint, { email: state.identity.email })}
          </p>
          <button type="button" className="secondary" onClick={onSendTestMessage} aria-describedby="test-message-hint">
            {messages.testMessage.send}
          </button>
        </div>
      )}
      {saveAllowed && state.confirmingNoOutgoing && (
        <div ref={confirmRef}>
          <NoOutgoingConfirmation onSave={onSaveIncomingOnly} onFill={onFillOutgoing} />
        </div>
      )}
      {saveAllowed && !state.confirmingNoOutgoing && (
        <div className="action-bar end">
          <button type="button" className="primary" ref={saveRef} onClick={onSave}>
            {messages.test.save}
          </button>
        </div>
      )}
    </div>
  );
}
