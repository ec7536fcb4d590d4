// Step 1: the email address (and an optional name), then Continue; a saved, cut-short or mistyped address is caught here.
import { useEffect, useRef, type Dispatch } from 'react';
import { TextField } from '../components/text-field.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { newCheckId } from '../api.ts';
import type { EmailState, WizardAction } from './wizard-state.ts';
import { AddressSuggestion } from './address-suggestion.tsx';
import { useAddressSuggestion } from './use-address-suggestion.ts';

export interface EmailStepProps {
  state: EmailState;
  dispatch: Dispatch<WizardAction>;
  /** The addresses already saved, to name a duplicate before anything else is asked. */
  savedEmails: readonly string[];
  /** Leaves the wizard; absent when there is nowhere to go back to. */
  onBack?: (() => void) | undefined;
  /** Opens Update password for a saved account. */
  onUpdatePassword: (email: string) => void;
}

export function EmailStep({ state, dispatch, savedEmails, onBack, onUpdatePassword }: EmailStepProps) {
  const { identity, emailError, savedAs, confirmDiscard, kept } = state;
  const emailRef = useFocusOnMount<HTMLInputElement>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const m = messages.email;
  // A mistyped provider domain is offered in its likely form as soon as the typing stops, before anything is looked up.
  const suggestion = useAddressSuggestion(identity.email);
  const submit = () => {
    dispatch({ type: 'email-submitted', discoveryId: newCheckId(), savedEmails });
    emailRef.current?.focus();
  };
  // A question or a duplicate appears below the field: focus goes to it, so it is read at once.
  useEffect(() => {
    if (savedAs || confirmDiscard) noticeRef.current?.focus();
  }, [savedAs, confirmDiscard]);
  return (
    <form
      className="screen"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
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
        // type="email" would turn an international domain into xn--… as it is typed; the address stays as typed.
        input={{ type: 'text', inputMode: 'email', autoComplete: 'email', spellCheck: false, autoCapitalize: 'off', required: true }}
      />
      <div aria-live="polite">
        {suggestion && !savedAs && (
          <AddressSuggestion
            email={suggestion}
            onUse={(email) => {
              // The likely address replaces the typed one and is looked up at once, as Continue would.
              dispatch({ type: 'email-changed', email });
              submit();
            }}
          />
        )}
      </div>
      {savedAs && (
        <div className="notice-block notice-warning" data-duplicate={savedAs}>
          <p tabIndex={-1} ref={noticeRef}>
            <strong>{format(m.savedAs, { email: savedAs })}</strong> {m.savedAsHint}
          </p>
          <button type="button" className="secondary" onClick={() => onUpdatePassword(savedAs)}>
            {messages.accounts.updatePassword}
          </button>
        </div>
      )}
      {confirmDiscard && kept && (
        <div className="notice-block notice-warning">
          <p tabIndex={-1} ref={noticeRef}>
            {format(m.discardQuestion, { email: kept.identity.email })}
          </p>
          <div className="action-bar">
            <button type="button" className="primary" onClick={() => dispatch({ type: 'discard-confirmed', discoveryId: newCheckId() })}>
              {m.discardConfirm}
            </button>
            <button type="button" className="secondary" onClick={() => dispatch({ type: 'discard-declined' })}>
              {format(m.discardKeep, { email: kept.identity.email })}
            </button>
          </div>
        </div>
      )}
      <TextField
        id="display-name"
        label={m.nameLabel}
        labelSuffix={messages.common.optional}
        value={identity.displayName}
        onChange={(displayName) => dispatch({ type: 'name-changed', displayName })}
        hint={m.nameHint}
        input={{ autoComplete: 'name' }}
      />
      {/* Continue comes first, so Tab from the name lands on it, not on the way out. */}
      <div className="action-bar">
        <button type="submit" className="primary">
          {m.continue}
        </button>
        {onBack && (
          <button type="button" className="secondary" onClick={onBack}>
            {messages.common.back}
          </button>
        )}
      </div>
    </form>
  );
}
