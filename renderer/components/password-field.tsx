// The password input: show/hide toggle, a Caps Lock warning, paste allowed, errors tied to it.
import { useState, type KeyboardEvent, type Ref } from 'react';
import { messages } from '../messages/en.ts';
import type { FieldNote } from '../wizard/settings-form.ts';
import { Icon } from './icons.tsx';
import { describedBy, FieldMessages } from './text-field.tsx';

export interface PasswordFieldProps {
  id: string;
  /** The field's label; "Password" unless another secret is asked ("Outgoing password"). */
  label?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  notes?: readonly FieldNote[] | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

export function PasswordField({ id, label = messages.secret.passwordLabel, value, onChange, error, notes, inputRef }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  // getModifierState reports the lock itself, not the key, so any key event keeps it current.
  const trackCapsLock = (event: KeyboardEvent<HTMLInputElement>) => setCapsLock(event.getModifierState('CapsLock'));
  const capsId = `${id}-caps`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="password-row">
        <input
          id={id}
          dir="ltr"
          ref={inputRef}
          type={visible ? 'text' : 'password'}
          autoComplete="current-password"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={trackCapsLock}
          onKeyUp={trackCapsLock}
          onBlur={() => setCapsLock(false)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { error, notes: notes?.length ?? 0, extra: capsLock ? [capsId] : [] })}
        />
        {/* The name comes from the text, not aria-label, so the field's label stays unique. */}
        <button type="button" className="secondary toggle" aria-controls={id} onClick={() => setVisible(!visible)}>
          <span aria-hidden="true">{visible ? messages.secret.hide : messages.secret.show}</span>
          <span className="sr-only">{visible ? messages.secret.hidePassword : messages.secret.showPassword}</span>
        </button>
      </div>
      <div aria-live="polite" className="caps-region">
        {capsLock && (
          <p id={capsId} className="field-note note-warning">
            <Icon name="warning" /> {messages.secret.capsLock}
          </p>
        )}
      </div>
      <FieldMessages id={id} error={error} notes={notes} />
    </div>
  );
}
