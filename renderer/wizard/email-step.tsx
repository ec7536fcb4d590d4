// Step 1: the email address (and an optional name), then Continue.
import type { Dispatch } from 'react';
import { TextField } from '../components/text-field.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { messages } from '../messages/en.ts';
import { newCheckId } from '../api.ts';
import type { Identity, WizardAction } from './wizard-state.ts';

export interface EmailStepProps {
  identity: Identity;
  emailError: string | null;
  dispatch: Dispatch<WizardAction>;
  /** Leaves the wizard; absent when there is nowhere to go back to. */
  onBack?: (() => void) | undefined;
}

export function EmailStep({ identity, emailError, dispatch, onBack }: EmailStepProps) {
  const emailRef = useFocusOnMount<HTMLInputElement>();
  const m = messages.email;
  return (
    <form
      className="screen"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        dispatch({ type: 'email-submitted', discoveryId: newCheckId() });
        emailRef.current?.focus();
      }}
    >
      <h1>{m.heading}</h1>
      <p className="lead">{m.intro}</p>
      <TextField
        id="email"
        label={m.emailLabel}
        value={identity.email}
        onChange={(email) => dispatch({ type: 'email-changed', email })}
        error={emailError ?? undefined}
        inputRef={emailRef}
        input={{ type: 'email', autoComplete: 'email', spellCheck: false, autoCapitalize: 'off', required: true }}
      />
      <TextField
        id="display-name"
        label={m.nameLabel}
        labelSuffix={messages.common.optional}
        value={identity.displayName}
        onChange={(displayName) => dispatch({ type: 'name-changed', displayName })}
        hint={m.nameHint}
        input={{ autoComplete: 'name' }}
      />
      <div className="action-bar">
        {onBack && (
          <button type="button" className="secondary" onClick={onBack}>
            {messages.common.back}
          </button>
        )}
        <button type="submit" className="primary">
          {m.continue}
        </button>
      </div>
    </form>
  );
}
