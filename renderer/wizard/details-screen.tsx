// Steps 2–4 on one screen: what was found, the secret, and the test, so nothing is hidden behind clicks.
import { useEffect, useRef, type Dispatch, type FormEvent, type Ref } from 'react';
import type { AccountSummary } from '../../shared/account-summary.ts';
import type { ServerRole } from '../../shared/check-report.ts';
import { newCheckId } from '../api.ts';
import { messages } from '../messages/en.ts';
import type { FailureAction } from '../report/failure-actions.ts';
import { FoundSummary } from './found-summary.tsx';
import { OutgoingStep } from './outgoing-step.tsx';
import { SecretStep } from './secret-step.tsx';
import { SettingsStep } from './settings-step.tsx';
import { SettingsSummary } from './settings-summary.tsx';
import { TestStep } from './test-step.tsx';
import type { DetailsState, WizardAction } from './wizard-state.ts';
import { formsFrom, SameDomainOffer, sameDomainAccount } from './same-domain-offer.tsx';

export interface DetailsScreenProps {
  state: DetailsState;
  dispatch: Dispatch<WizardAction>;
  refs: {
    host: Ref<HTMLInputElement>;
    port: Ref<HTMLInputElement>;
    username: Ref<HTMLInputElement>;
    password: Ref<HTMLInputElement>;
    outgoingHost: Ref<HTMLInputElement>;
    outgoingPort: Ref<HTMLInputElement>;
    outgoingUsername: Ref<HTMLInputElement>;
    outgoingPassword: Ref<HTMLInputElement>;
  };
  onTest: () => void;
  onContinue: () => void;
  onSignIn: () => void;
  onCancel: () => void;
  onSave: () => void;
  onSaveIncomingOnly: () => void;
  onFillOutgoing: () => void;
  onSendTestMessage: () => void;
  onAction: (action: FailureAction, server: ServerRole) => void;
  onShowAccounts: () => void;
  /** The saved accounts, to offer the servers of one at the same domain. */
  savedAccounts?: readonly AccountSummary[] | undefined;
}

export function DetailsScreen(props: DetailsScreenProps) {
  const { state, dispatch, refs, onTest, onContinue, onSignIn, onCancel, onSave, onSaveIncomingOnly, onFillOutgoing, onSendTestMessage, onAction, onShowAccounts, savedAccounts = [] } = props;
  // Nothing found for the domain, but an account there is saved: its servers, once asked.
  const sibling = state.origin === 'none' || state.origin === 'failed' ? sameDomainAccount(state.identity.email, savedAccounts) : undefined;
  const offerSibling = sibling !== undefined && state.form.host !== sibling.host;
  const formRef = useRef<HTMLFormElement>(null);
  // The cursor starts where the user's first answer goes: the password (or the sign-in button)
  // when the provider's settings are known, the server name otherwise.
  useEffect(() => {
    // A likely typo in the address comes before everything: its "Use …" button is the first answer.
    // So is the offer of a saved account's servers at the same domain.
    focusFirst(formRef.current, state.settingsOpen ? ['[data-suggestion]', '[data-same-domain]', '#host'] : ['[data-suggestion]', '#password', '[data-sign-in]', '#host']);
    // Only when the screen appears.
  }, []);
  const settingsOpen = useRef(state.settingsOpen);
  useEffect(() => {
    // The summary line opened into the form: its button is gone, so focus moves to the first field.
    if (state.settingsOpen && !settingsOpen.current && (document.activeElement === document.body || document.activeElement === null)) focusFirst(formRef.current, ['#host']);
    settingsOpen.current = state.settingsOpen;
  }, [state.settingsOpen]);
  useEffect(() => {
    // The sign-in card gave way to the password box: focus follows, rather than falling to the page.
    if (state.passwordInsteadOfOAuth) focusFirst(formRef.current, ['#password']);
  }, [state.passwordInsteadOfOAuth]);
  // A test starts: the report comes into view and the focus goes to it, where the steps are announced.
  const runningId = state.run.phase === 'running' ? state.run.checkId : null;
  useEffect(() => {
    if (runningId === null) return;
    const heading = formRef.current?.querySelector<HTMLElement>('.report .report-title');
    if (!heading) return;
    heading.scrollIntoView?.({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [runningId]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onTest();
  };
  return (
    <form className="screen" noValidate onSubmit={submit} ref={formRef}>
      <h1 tabIndex={-1}>
        {state.origin === 'found' ? messages.found.heading : messages.found.manualHeading}
      </h1>
      <p className="account-line">{state.identity.email}</p>
      <FoundSummary
        email={state.identity.email}
        origin={state.origin}
        discovery={state.discovery}
        discoveryError={state.discoveryError}
        onUseSuggestion={(email) => dispatch({ type: 'suggestion-used', email, discoveryId: newCheckId() })}
      />
      {offerSibling && (
        <SameDomainOffer
          account={sibling}
          onUse={() => {
            dispatch({ type: 'saved-servers-used', ...formsFrom(sibling, state.identity.email) });
            // The servers are filled in: the password is what is left to answer.
            requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('#password')?.focus());
          }}
        />
      )}
      {state.settingsOpen ? (
        <>
          <SettingsStep state={state} dispatch={dispatch} hostRef={refs.host} portRef={refs.port} usernameRef={refs.username} onContinue={onContinue} />
          <OutgoingStep state={state} dispatch={dispatch} hostRef={refs.outgoingHost} portRef={refs.outgoingPort} usernameRef={refs.outgoingUsername} />
        </>
      ) : (
        <SettingsSummary state={state} onEdit={() => dispatch({ type: 'settings-opened' })} onProtocol={(protocol) => dispatch({ type: 'protocol-changed', protocol })} />
      )}
      <SecretStep state={state} dispatch={dispatch} passwordRef={refs.password} outgoingPasswordRef={refs.outgoingPassword} onSignIn={onSignIn} />
      <TestStep
        state={state}
        onBack={() => {
          onCancel();
          dispatch({ type: 'back' });
        }}
        onCancel={onCancel}
        onSave={onSave}
        onSaveIncomingOnly={onSaveIncomingOnly}
        onFillOutgoing={onFillOutgoing}
        onSendTestMessage={onSendTestMessage}
        onAction={onAction}
        onShowAccounts={onShowAccounts}
      />
    </form>
  );
}

/** Focuses the first element that matches, in the order given. */
function focusFirst(root: HTMLElement | null, selectors: readonly string[]): void {
  for (const selector of selectors) {
    const element = root?.querySelector<HTMLElement>(selector);
    if (element) {
      element.focus();
      return;
    }
  }
}
