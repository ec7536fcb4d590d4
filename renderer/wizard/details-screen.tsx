// Steps 2–4 on one screen: what was found, the secret, and the test, so nothing is hidden behind clicks.
import type { Dispatch, FormEvent, Ref } from 'react';
import type { ServerRole } from '../../shared/check-report.ts';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { messages } from '../messages/en.ts';
import type { FailureAction } from '../report/failure-actions.ts';
import { FoundSummary } from './found-summary.tsx';
import { OutgoingStep } from './outgoing-step.tsx';
import { SecretStep } from './secret-step.tsx';
import { SettingsStep } from './settings-step.tsx';
import { TestStep } from './test-step.tsx';
import type { DetailsState, WizardAction } from './wizard-state.ts';

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
}

export function DetailsScreen(props: DetailsScreenProps) {
  const { state, dispatch, refs, onTest, onContinue, onSignIn, onCancel, onSave, onSaveIncomingOnly, onFillOutgoing, onSendTestMessage, onAction, onShowAccounts } = props;
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onTest();
  };
  return (
    <form className="screen" noValidate onSubmit={submit}>
      <h1 tabIndex={-1} ref={headingRef}>
        {state.origin === 'found' ? messages.found.heading : messages.found.manualHeading}
      </h1>
      <p className="account-line">{state.identity.email}</p>
      <FoundSummary email={state.identity.email} origin={state.origin} discovery={state.discovery} discoveryError={state.discoveryError} />
      <SettingsStep state={state} dispatch={dispatch} hostRef={refs.host} portRef={refs.port} usernameRef={refs.username} onContinue={onContinue} />
      <OutgoingStep state={state} dispatch={dispatch} hostRef={refs.outgoingHost} portRef={refs.outgoingPort} usernameRef={refs.outgoingUsername} />
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
