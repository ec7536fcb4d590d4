// The setup wizard: owns the reducer and runs its side effects (discovery, checks, saving).
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AccountSummary } from '../../shared/account-summary.ts';
import type { CheckProgress } from '../../shared/check-report.ts';
import { ApiError, call, newCheckId } from '../api.ts';
import type { FailureAction } from '../report/failure-actions.ts';
import { useCheckProgress } from '../report/use-check-progress.ts';
import { DetailsScreen } from './details-screen.tsx';
import { DiscoveryStep } from './discovery-step.tsx';
import { EmailStep } from './email-step.tsx';
import { asksForPassword, passwordError } from './secret-rules.ts';
import { toServerSettings, validateSettings, withSecurity, type SettingsForm } from './settings-form.ts';
import { initialWizardState, wizardReducer } from './wizard-reducer.ts';
import type { RunPurpose } from './wizard-state.ts';

export interface WizardProps {
  onSaved: (account: AccountSummary) => void;
  onShowAccounts: () => void;
  /** Leaves the wizard from its first step; absent when there are no accounts to go back to. */
  onExit?: (() => void) | undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function Wizard({ onSaved, onShowAccounts, onExit }: WizardProps) {
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const refs = {
    host: useRef<HTMLInputElement>(null),
    port: useRef<HTMLInputElement>(null),
    username: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  useCheckProgress(useCallback((progress: CheckProgress) => dispatch({ type: 'check-progress', checkId: progress.checkId, step: progress.step }), []));

  const discoveryId = state.step === 'discovering' ? state.discoveryId : null;
  const discoveryEmail = state.step === 'discovering' ? state.identity.email : '';
  useEffect(() => {
    if (discoveryId === null) return;
    call('discover', { email: discoveryEmail }).then(
      (result) => dispatch({ type: 'discovery-finished', discoveryId, result }),
      (error: unknown) => dispatch({ type: 'discovery-failed', discoveryId, message: errorMessage(error) }),
    );
  }, [discoveryId, discoveryEmail]);

  const savedAccount = state.step === 'saved' ? state.account : null;
  useEffect(() => {
    if (savedAccount) onSaved(savedAccount);
  }, [savedAccount, onSaved]);

  if (state.step === 'email') return <EmailStep identity={state.identity} emailError={state.emailError} dispatch={dispatch} onBack={onExit} />;
  if (state.step === 'discovering') return <DiscoveryStep email={state.identity.email} dispatch={dispatch} />;
  if (state.step === 'saved') return null;
  const details = state;

  async function runCheck(requested: RunPurpose, overrides: { form?: SettingsForm; trustedFingerprint?: string } = {}) {
    if (details.run.phase === 'running') return;
    // With browser sign-in there is no password: signing in runs the test (and saves).
    const purpose: RunPurpose = asksForPassword(details) ? requested : 'sign-in';
    const form = overrides.form ?? details.form;
    const trust = overrides.trustedFingerprint ?? details.trustedFingerprint;
    const settings = toServerSettings(details.identity.email, form);
    const passwordMissing = purpose !== 'sign-in' && passwordError(details.password) !== undefined;
    if (!settings || passwordMissing) {
      dispatch({ type: 'errors-shown' });
      const errors = validateSettings(form);
      const first = errors.host ? refs.host : errors.port ? refs.port : errors.username ? refs.username : refs.password;
      first.current?.focus();
      return;
    }
    const checkId = newCheckId();
    const options = { checkId, settings, allowInsecure: form.allowInsecure, ...(trust ? { trustCertificate: trust } : {}) };
    const displayName = details.identity.displayName.trim();
    dispatch({ type: 'check-started', checkId, purpose });
    try {
      if (purpose === 'test') {
        dispatch({ type: 'check-finished', checkId, report: await call('startCheck', { ...options, password: details.password }) });
      } else if (purpose === 'save') {
        const result = await call('addAccount', { ...options, password: details.password, displayName });
        dispatch({ type: 'save-finished', checkId, result });
      } else {
        const result = await call('signInWithOAuth', { ...options, email: settings.email, displayName });
        dispatch({ type: 'save-finished', checkId, result });
      }
    } catch (error) {
      dispatch({ type: 'check-failed', checkId, code: error instanceof ApiError ? error.code : 'internal', message: errorMessage(error) });
    }
  }

  /** Settings confirmed: show what is wrong with them, or move on to the password. */
  function continueToSecret() {
    const errors = validateSettings(details.form);
    const first = errors.host ? refs.host : errors.port ? refs.port : errors.username ? refs.username : undefined;
    if (first) {
      dispatch({ type: 'errors-shown' });
      first.current?.focus();
      return;
    }
    refs.password.current?.focus();
  }

  function cancel() {
    if (details.run.phase !== 'running') return;
    const { checkId } = details.run;
    // A sign-in may still be waiting for the browser, which only cancelOAuth reaches.
    (details.runPurpose === 'sign-in' ? call('cancelOAuth', { checkId }) : call('cancelCheck', { checkId })).catch(() => undefined);
  }

  function act(action: FailureAction) {
    switch (action.kind) {
      case 'edit-password':
        refs.password.current?.focus();
        refs.password.current?.select();
        return;
      case 'edit-settings':
        refs.host.current?.focus();
        return;
      case 'switch-security':
        dispatch({ type: 'security-changed', security: action.security });
        void runCheck('test', { form: withSecurity(details.form, action.security).form });
        return;
      case 'trust-certificate':
        dispatch({ type: 'certificate-trusted', fingerprint256: action.fingerprint256 });
        void runCheck('test', { trustedFingerprint: action.fingerprint256 });
        return;
      case 'retry':
        void runCheck('test');
        return;
      case 'open-help':
        return;
    }
  }

  return (
    <DetailsScreen
      state={details}
      dispatch={dispatch}
      refs={refs}
      onTest={() => void runCheck('test')}
      onContinue={continueToSecret}
      onSignIn={() => void runCheck('sign-in')}
      onCancel={cancel}
      onSave={() => void runCheck('save')}
      onAction={act}
      onShowAccounts={onShowAccounts}
    />
  );
}
