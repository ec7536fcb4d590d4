// Step 4: Test Account Settings with its live report and Cancel; after a pass, Save account.
import { useEffect, useRef } from 'react';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { CheckReportView } from '../report/check-report-view.tsx';
import type { FailureAction } from '../report/failure-actions.ts';
import { liveText } from '../report/live-text.ts';
import { asksForPassword } from './secret-rules.ts';
import { canSave, runKeyOf } from './wizard-reducer.ts';
import type { DetailsState } from './wizard-state.ts';

export interface TestStepProps {
  state: DetailsState;
  onBack: () => void;
  onCancel: () => void;
  onSave: () => void;
  onAction: (action: FailureAction) => void;
  onShowAccounts: () => void;
}

export function TestStep({ state, onBack, onCancel, onSave, onAction, onShowAccounts }: TestStepProps) {
  const { run } = state;
  const running = run.phase === 'running';
  const failureRef = useRef<HTMLHeadingElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const testRef = useRef<HTMLButtonElement>(null);
  const finishedId = run.phase === 'finished' ? run.checkId : null;
  const saveAllowed = canSave(state);
  const stale = run.phase === 'finished' && state.runKey !== runKeyOf(state);

  // Focus follows the outcome: the failure to read and act on, or the button that saves.
  useEffect(() => {
    if (finishedId === null) return;
    (failureRef.current ?? saveRef.current)?.focus();
  }, [finishedId]);
  useEffect(() => {
    if (state.duplicateOf) noticeRef.current?.focus();
  }, [state.duplicateOf]);
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
      <CheckReportView
        run={run}
        headingLevel="h2"
        onAction={onAction}
        failureHeadingRef={failureRef}
        errorTemplate={state.runPurpose === 'sign-in' ? messages.secret.oauthFailed : undefined}
        actionContext={{ security: state.form.security, settingsEditable: true, certificatesTrustable: true }}
      />
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
      {saveAllowed && (
        <div className="action-bar end">
          <button type="button" className="primary" ref={saveRef} onClick={onSave}>
            {messages.test.save}
          </button>
        </div>
      )}
    </div>
  );
}
