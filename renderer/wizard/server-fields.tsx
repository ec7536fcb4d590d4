// The four fields of one mail server (Server, Port, Security, Username), for incoming and outgoing alike.
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import type { Security } from '../../shared/server-settings.ts';
import { SecuritySelect } from '../components/security-select.tsx';
import { TextField } from '../components/text-field.tsx';
import type { FieldNote } from './settings-form.ts';

type TextFieldName = 'host' | 'port' | 'username';

/** What one server's fields show: values, labels, errors and notes, and where edits go. */
export interface ServerFieldsProps {
  /** Prefix of the input ids ("" for incoming, "outgoing-" for outgoing). */
  idPrefix: string;
  labels: { hostLabel: string; hostHint: string; portLabel: string; securityLabel: string; usernameLabel: string; usernameHint?: string };
  form: { host: string; port: string; security: Security; username: string };
  errors: Partial<Record<TextFieldName, string | undefined>>;
  notes: Partial<Record<TextFieldName | 'security', readonly FieldNote[] | undefined>>;
  onField: (field: TextFieldName, value: string) => void;
  onSecurity: (security: Security) => void;
  refs: { host: Ref<HTMLInputElement>; port: Ref<HTMLInputElement>; username: Ref<HTMLInputElement> };
  /** Extra input attributes: the incoming host tidies pasted values on blur; usernames differ in autocomplete. */
  hostInput?: InputHTMLAttributes<HTMLInputElement>;
  usernameAutoComplete: string;
  /** Shown between Security and Username (the incoming server's "allow unencrypted" choice). */
  afterSecurity?: ReactNode;
}

/** Server, Port, Security and Username in that order, each validated and described the same way. */
export function ServerFields({ idPrefix, labels, form, errors, notes, onField, onSecurity, refs, hostInput, usernameAutoComplete, afterSecurity }: ServerFieldsProps) {
  const change = (field: TextFieldName) => (value: string) => onField(field, value);
  return (
    <>
      <TextField
        id={`${idPrefix}host`}
        label={labels.hostLabel}
        value={form.host}
        onChange={change('host')}
        hint={labels.hostHint}
        error={errors.host}
        notes={notes.host}
        inputRef={refs.host}
        input={{ autoComplete: 'off', spellCheck: false, autoCapitalize: 'off', inputMode: 'url', ...hostInput }}
      />
      <TextField
        id={`${idPrefix}port`}
        label={labels.portLabel}
        value={form.port}
        onChange={change('port')}
        error={errors.port}
        notes={notes.port}
        inputRef={refs.port}
        input={{ inputMode: 'numeric', autoComplete: 'off', className: 'narrow' }}
      />
      <SecuritySelect id={`${idPrefix}security`} label={labels.securityLabel} value={form.security} onChange={onSecurity} notes={notes.security} />
      {afterSecurity}
      <TextField
        id={`${idPrefix}username`}
        label={labels.usernameLabel}
        value={form.username}
        onChange={change('username')}
        hint={labels.usernameHint}
        error={errors.username}
        notes={notes.username}
        inputRef={refs.username}
        input={{ autoComplete: usernameAutoComplete, spellCheck: false, autoCapitalize: 'off' }}
      />
    </>
  );
}
