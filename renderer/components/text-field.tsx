// A labelled text input whose hint, error and notes are tied to it with aria-describedby.
import type { InputHTMLAttributes, Ref } from 'react';
import type { FieldNote } from '../wizard/settings-form.ts';
import { Icon } from './icons.tsx';

export interface TextFieldProps {
  id: string;
  label: string;
  /** Shown after the label in a quieter style, e.g. "(optional)". */
  labelSuffix?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  notes?: readonly FieldNote[] | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
  input?: InputHTMLAttributes<HTMLInputElement> | undefined;
}

/** The ids of a field's description parts, in reading order. */
export function describedBy(id: string, parts: { hint?: unknown; error?: unknown; notes?: number; extra?: string[] }): string | undefined {
  const ids = [
    ...(parts.error ? [`${id}-error`] : []),
    ...Array.from({ length: parts.notes ?? 0 }, (_, index) => `${id}-note-${index}`),
    ...(parts.hint ? [`${id}-hint`] : []),
    ...(parts.extra ?? []),
  ];
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Error first, then notes, so a screen reader reads the problem before the help. */
export function FieldMessages({ id, hint, error, notes }: { id: string; hint?: string | undefined; error?: string | undefined; notes?: readonly FieldNote[] | undefined }) {
  return (
    <>
      {error && (
        <p id={`${id}-error`} className="field-error">
          <Icon name="warning" /> {error}
        </p>
      )}
      {notes?.map((note, index) => (
        <p key={note.text} id={`${id}-note-${index}`} className={`field-note note-${note.tone}`}>
          <Icon name={note.tone === 'warning' ? 'warning' : 'info'} /> {note.text}
        </p>
      ))}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </>
  );
}

/** Whether a field holds machine text (no spell-checking, or an address, URL or number keyboard), not words. */
function machineText(input: InputHTMLAttributes<HTMLInputElement> | undefined): boolean {
  return input?.spellCheck === false || ['url', 'numeric', 'email'].includes(input?.inputMode ?? '');
}

export function TextField({ id, label, labelSuffix, value, onChange, hint, error, notes, inputRef, input }: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {labelSuffix && <span className="label-suffix"> {labelSuffix}</span>}
      </label>
      <input
        {...input}
        // Addresses, host names, ports and usernames read left to right, also inside an Arabic page.
        dir={input?.dir ?? (machineText(input) ? 'ltr' : undefined)}
        id={id}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error, notes: notes?.length ?? 0 })}
      />
      <FieldMessages id={id} hint={hint} error={error} notes={notes} />
    </div>
  );
}
