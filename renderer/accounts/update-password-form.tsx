// Update password for a saved account: the new one is tested before it replaces the old.
import { useEffect, useRef, type FormEvent } from 'react';
import { PasswordField } from '../components/password-field.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { passwordError } from '../wizard/secret-rules.ts';

export interface UpdatePasswordFormProps {
  id: string;
  email: string;
  password: string;
  /** The new outgoing password, when the outgoing server has its own; null when one password serves both. */
  outgoingPassword: string | null;
  onOutgoingChange: (password: string) => void;
  showError: boolean;
  running: boolean;
  onChange: (password: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
  /** False when the form opened by itself during "Re-test all": the focus stays where the user is. */
  focusOnOpen?: boolean | undefined;
}

export function UpdatePasswordForm(props: UpdatePasswordFormProps) {
  const { id, email, password, outgoingPassword, onOutgoingChange, showError, running, onChange, onSubmit, onCancel, focusOnOpen = true } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnOpen) inputRef.current?.focus();
    // Only when the form opens.
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passwordError(password)) inputRef.current?.focus();
    onSubmit();
  };
  return (
    // Escape closes the form like Cancel; the account returns the focus to the button that opened it.
    <form
      className="update-form"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <fieldset>
        <legend>{format(messages.accounts.updateLegend, { email })}</legend>
        <p className="field-hint">{messages.accounts.updateNote}</p>
        <PasswordField id={id} value={password} onChange={onChange} error={showError ? passwordError(password) : undefined} inputRef={inputRef} />
        {outgoingPassword !== null && (
          <PasswordField
            id={`${id}-outgoing`}
            label={messages.outgoing.passwordLabel}
            value={outgoingPassword}
            onChange={onOutgoingChange}
            error={showError ? passwordError(outgoingPassword) : undefined}
          />
        )}
      </fieldset>
      <div className="action-bar">
        <button type="submit" className="primary" aria-disabled={running || undefined}>
          {messages.accounts.updatePassword}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {messages.common.cancel}
        </button>
      </div>
    </form>
  );
}
