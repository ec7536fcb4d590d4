// The setup wizard: owns the reducer and runs its side effects (discovery, checks, saving).
import { useEffect, useRef, useState, type Dispatch, type RefObject } from 'react';
import type { AccountSummary } from '../../shared/account-summary.ts';
import type { ServerRole } from '../../shared/check-report.ts';
import { ApiError, call, newCheckId } from '../api.ts';
import { failedOnCertificate } from '../report/check-run.ts';
import type { FailureAction } from '../report/failure-actions.ts';
import { DetailsScreen } from './details-screen.tsx';
import { DiscoveryStep } from './discovery-step.tsx';
import { outgoingEmpty, toOutgoingSettings, validateOutgoing, withOutgoingSecurity, type OutgoingForm } from './outgoing-form.ts';
import { EmailStep } from './email-step.tsx';
import { asksForPassword, passwordError } from './secret-rules.ts';
import { cleanHost, toServerSettings, validateSettings, withSecurity, type SettingsForm } from './settings-form.ts';
import type { RunPurpose, WizardAction, WizardState } from './wizard-state.ts';

export interface WizardProps {
  /** The wizard's state lives with the app, so that leaving for Accounts loses nothing. */
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  onSaved: (account: AccountSummary) => void;
  onShowAccounts: () => void;
  /** Opens the accounts screen with Update password open for a saved account. */
  onUpdatePassword: (email: string) => void;
  /** Leaves the wizard from its first step; absent when there are no accounts to go back to. */
  onExit?: (() => void) | undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function Wizard({ state, dispatch, onSaved, onShowAccounts, onUpdatePassword, onExit }: WizardProps) {
  const [saved, setSaved] = useState<readonly AccountSummary[]>([]);
  const savedEmails = saved.map((account) => account.email);
  const refs = {
    host: useRef<HTMLInputElement>(null),
    port: useRef<HTMLInputElement>(null),
    username: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    outgoingHost: useRef<HTMLInputElement>(null),
    outgoingPort: useRef<HTMLInputElement>(null),
    outgoingUsername: useRef<HTMLInputElement>(null),
    outgoingPassword: useRef<HTMLInputElement>(null),
  };

  // Focus for an element that appears only after the next render.
  const pendingFocus = useRef<RefObject<HTMLInputElement | null> | null>(null);
  useEffect(() => {
    const element = pendingFocus.current?.current;
    if (!element) return;
    pendingFocus.current = null;
    element.focus();
  });

  // The saved addresses, to name a duplicate on the first screen; fetched each time the wizard shows.
  useEffect(() => {
    call('listAccounts', {}).then(
      (accounts) => setSaved(accounts),
      () => undefined,
    );
  }, []);

  const discoveryId = state.step === 'discovering' ? state.discoveryId : null;
  const discoveryEmail = state.step === 'discovering' ? state.identity.email : '';
  useEffect(() => {
    if (discoveryId === null) return;
    call('discover', { email: discoveryEmail }).then(
      (result) => dispatch({ type: 'discovery-finished', discoveryId, result }),
      (error: unknown) => dispatch({ type: 'discovery-failed', discoveryId, message: errorMessage(error) }),
    );
  }, [discoveryId, discoveryEmail, dispatch]);

  const savedAccount = state.step === 'saved' ? state.account : null;
  useEffect(() => {
    if (savedAccount) onSaved(savedAccount);
  }, [savedAccount, onSaved]);

  if (state.step === 'email') {
    return <EmailStep state={state} dispatch={dispatch} savedEmails={savedEmails} onBack={onExit} onUpdatePassword={onUpdatePassword} />;
  }
  if (state.step === 'discovering') return <DiscoveryStep email={state.identity.email} dispatch={dispatch} />;
  if (state.step === 'saved') return null;
  const details = state;

  /** Focuses the first field that stops a run, in screen order; false when every field is fine. */
  function focusFirstInvalid(form: SettingsForm, outgoingForm: OutgoingForm, check: { outgoing: boolean; secrets: boolean }): boolean {
    const checkSecrets = check.secrets;
    const errors = validateSettings(form);
    const outgoingErrors = check.outgoing ? validateOutgoing(outgoingForm) : {};
    const separate = check.outgoing && checkSecrets && !outgoingEmpty(outgoingForm) && !details.outgoing.samePassword;
    const first = [
      errors.host && refs.host,
      errors.port && refs.port,
      errors.username && refs.username,
      outgoingErrors.host && refs.outgoingHost,
      outgoingErrors.port && refs.outgoingPort,
      outgoingErrors.username && refs.outgoingUsername,
      checkSecrets && passwordError(details.password) !== undefined && refs.password,
      separate && passwordError(details.outgoing.password) !== undefined && refs.outgoingPassword,
    ].find((ref) => ref);
    if (!first) return false;
    dispatch({ type: 'errors-shown' });
    if (first === refs.outgoingHost || first === refs.outgoingPort || first === refs.outgoingUsername) {
      dispatch({ type: 'settings-opened' });
      dispatch({ type: 'outgoing-expanded' });
    }
    // The field may only appear with this render (an expanded outgoing section).
    requestAnimationFrame(() => first.current?.focus());
    return true;
  }

  async function runCheck(
    requested: RunPurpose,
    overrides: { form?: SettingsForm; outgoingForm?: OutgoingForm; trustedFingerprint?: string; outgoingTrustedFingerprint?: string } = {},
  ) {
    if (details.run.phase === 'running') return;
    // With browser sign-in there is no password: signing in runs the test (and saves).
    const purpose: RunPurpose = asksForPassword(details) ? requested : 'sign-in';
    // Enter in Server tests at once: what was typed is tidied first, as leaving the field would.
    const tidied = cleanHost(overrides.form ?? details.form);
    if (tidied.form !== (overrides.form ?? details.form)) dispatch({ type: 'host-cleaned' });
    const form = tidied.form;
    const outgoingForm = overrides.outgoingForm ?? details.outgoing.form;
    const trust = overrides.trustedFingerprint ?? details.trustedFingerprint;
    const outgoingTrust = overrides.outgoingTrustedFingerprint ?? details.outgoing.trustedFingerprint;
    const settings = toServerSettings(details.identity.email, form);
    // Browser sign-in has no password: its token serves the outgoing server (the provider's) too.
    const withSecrets = purpose !== 'sign-in';
    const outgoing = toOutgoingSettings(outgoingForm);
    if (focusFirstInvalid(form, outgoingForm, { outgoing: true, secrets: withSecrets }) || !settings || outgoing === undefined) return;
    const checkId = newCheckId();
    const options = { checkId, settings, allowInsecure: form.allowInsecure, ...(trust ? { trustCertificate: trust } : {}) };
    const outgoingRequest = {
      outgoing,
      ...(outgoing && withSecrets && !details.outgoing.samePassword ? { outgoingPassword: details.outgoing.password } : {}),
      ...(outgoing && outgoingTrust ? { outgoingTrustCertificate: outgoingTrust } : {}),
    };
    const displayName = details.identity.displayName.trim();
    dispatch({ type: 'check-started', checkId, purpose, scope: { outgoing: outgoing !== null, testMessage: purpose === 'message' } });
    try {
      if (purpose === 'test' || purpose === 'message') {
        const report = await call('startCheck', { ...options, ...outgoingRequest, password: details.password, sendTestMessage: purpose === 'message' });
        dispatch({ type: 'check-finished', checkId, report });
      } else if (purpose === 'save') {
        // Save is offered only after a test that allows it; an outgoing server that refused for now is kept to re-test later.
        const result = await call('addAccount', { ...options, ...outgoingRequest, password: details.password, displayName, outgoingLater: true });
        dispatch({ type: 'save-finished', checkId, result });
      } else {
        const outgoingTrust = outgoingRequest.outgoingTrustCertificate;
        const signInOutgoing = { outgoing, ...(outgoingTrust ? { outgoingTrustCertificate: outgoingTrust } : {}) };
        const result = await call('signInWithOAuth', { ...options, ...signInOutgoing, email: settings.email, displayName });
        dispatch({ type: 'save-finished', checkId, result });
      }
    } catch (error) {
      dispatch({ type: 'check-failed', checkId, code: error instanceof ApiError ? error.code : 'internal', message: errorMessage(error) });
    }
  }

  /** Settings confirmed: show what is wrong with them, or move on to the password. */
  function continueToSecret() {
    const tidied = cleanHost(details.form);
    if (tidied.form !== details.form) dispatch({ type: 'host-cleaned' });
    if (focusFirstInvalid(tidied.form, details.outgoing.form, { outgoing: true, secrets: false })) return;
    // The outgoing server's fields come next on the screen, unless a known provider's is shown as one line.
    (details.outgoing.collapsed ? refs.password : refs.outgoingHost).current?.focus();
  }

  function cancel() {
    if (details.run.phase !== 'running') return;
    const { checkId } = details.run;
    // A sign-in may still be waiting for the browser, which only cancelOAuth reaches.
    (details.runPurpose === 'sign-in' ? call('cancelOAuth', { checkId }) : call('cancelCheck', { checkId })).catch(() => undefined);
  }

  function focusOutgoingHost() {
    dispatch({ type: 'settings-opened' });
    dispatch({ type: 'outgoing-expanded' });
    requestAnimationFrame(() => refs.outgoingHost.current?.focus());
  }

  /** Save, but first ask when no outgoing server is filled in (sending would not work). */
  function save() {
    if (outgoingEmpty(details.outgoing.form)) dispatch({ type: 'no-outgoing-confirmation', open: true });
    else void runCheck('save');
  }

  function switchOutgoing(security: 'tls' | 'starttls', port: number | undefined) {
    const followed = withOutgoingSecurity(details.outgoing.form, security).form;
    const outgoingForm = port === undefined ? followed : { ...followed, port: String(port) };
    dispatch({ type: 'outgoing-security-changed', security });
    if (port !== undefined) dispatch({ type: 'outgoing-field-changed', field: 'port', value: String(port) });
    void runCheck('test', { outgoingForm });
  }

  function act(action: FailureAction, server: ServerRole) {
    const outgoing = server === 'outgoing';
    switch (action.kind) {
      case 'edit-password': {
        const field = outgoing && !details.outgoing.samePassword ? refs.outgoingPassword : refs.password;
        field.current?.focus();
        field.current?.select();
        return;
      }
      case 'edit-settings':
        // The form may still be a summary line: open it, then focus the field once it is there.
        dispatch({ type: 'settings-opened' });
        if (outgoing) focusOutgoingHost();
        else pendingFocus.current = refs.host;
        return;
      case 'switch-security':
        if (outgoing) {
          switchOutgoing(action.security, action.port);
          return;
        }
        dispatch({ type: 'security-changed', security: action.security });
        void runCheck('test', { form: withSecurity(details.form, action.security).form });
        return;
      case 'trust-certificate': {
        // One server often serves both protocols with one certificate: trusting it under one
        // failure trusts it for the other server too where that one failed on the very same certificate.
        const servers = new Set<ServerRole>([server, ...failedOnCertificate(details.run, action.fingerprint256)]);
        for (const role of servers) dispatch({ type: 'certificate-trusted', server: role, fingerprint256: action.fingerprint256 });
        void runCheck('test', {
          ...(servers.has('incoming') ? { trustedFingerprint: action.fingerprint256 } : {}),
          ...(servers.has('outgoing') ? { outgoingTrustedFingerprint: action.fingerprint256 } : {}),
        });
        return;
      }
      case 'retry':
        // A late test message is retried by sending another one.
        void runCheck(details.runPurpose === 'message' ? 'message' : 'test');
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
      onSave={save}
      onSaveIncomingOnly={() => void runCheck('save')}
      onFillOutgoing={() => {
        dispatch({ type: 'no-outgoing-confirmation', open: false });
        focusOutgoingHost();
      }}
      onSendTestMessage={() => void runCheck('message')}
      onAction={act}
      onShowAccounts={onShowAccounts}
      savedAccounts={saved}
    />
  );
}
