// The outgoing server (SMTP) beside the incoming one: a known provider's is shown, otherwise asked.
import type { Dispatch, Ref } from 'react';
import { SecuritySelect } from '../components/security-select.tsx';
import { TextField } from '../components/text-field.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { outgoingEmpty, outgoingNotes, validateOutgoing } from './outgoing-form.ts';
import type { FieldNote, SettingsField } from './settings-form.ts';
import type { DetailsState, WizardAction } from './wizard-state.ts';

export interface OutgoingStepProps {
  state: DetailsState;
  dispatch: Dispatch<WizardAction>;
  hostRef: Ref<HTMLInputElement>;
  portRef: Ref<HTMLInputElement>;
  usernameRef: Ref<HTMLInputElement>;
}

export function OutgoingStep({ state, dispatch, hostRef, portRef, usernameRef }: OutgoingStepProps) {
  const { form, found, touched, collapsed, portFollowed } = state.outgoing;
  const m = messages.outgoing;
  if (collapsed) {
    return (
      <fieldset className="section">
        <legend>{m.legend}</legend>
        <p className="known-server">{format(m.knownServer, { host: form.host, port: form.port, security: messages.security[form.security] })}</p>
        <p className="field-hint">{m.knownNote}</p>
        <div className="action-bar">
          <button type="button" className="secondary" onClick={() => dispatch({ type: 'outgoing-expanded' })}>
            {m.change}
          </button>
        </div>
      </fieldset>
    );
  }
  const errors = validateOutgoing(form);
  const shown = (field: SettingsField) => (touched[field] || state.showAllErrors ? errors[field] : undefined);
  const notes = outgoingNotes(form, found);
  const followed: FieldNote[] = portFollowed ? [{ tone: 'info', text: format(messages.settings.portFollowed, { port: form.port, security: messages.security[form.security] }) }] : [];
  const change = (field: 'host' | 'port' | 'username') => (value: string) => dispatch({ type: 'outgoing-field-changed', field, value });
  const empty = outgoingEmpty(form);
  return (
    <fieldset className="section">
      <legend>{m.legend}</legend>
      <TextField
        id="outgoing-host"
        label={m.hostLabel}
        value={form.host}
        onChange={change('host')}
        hint={m.hostHint}
        error={shown('host')}
        notes={[...(empty ? [{ tone: 'warning' as const, text: m.empty }] : []), ...(notes.host ?? [])]}
        inputRef={hostRef}
        input={{ autoComplete: 'off', spellCheck: false, autoCapitalize: 'off', inputMode: 'url' }}
      />
      <TextField
        id="outgoing-port"
        label={m.portLabel}
        value={form.port}
        onChange={change('port')}
        error={shown('port')}
        notes={[...followed, ...(notes.port ?? [])]}
        inputRef={portRef}
        input={{ inputMode: 'numeric', autoComplete: 'off', className: 'narrow' }}
      />
      <SecuritySelect
        id="outgoing-security"
        label={m.securityLabel}
        value={form.security}
        onChange={(security) => dispatch({ type: 'outgoing-security-changed', security })}
        notes={notes.security}
      />
      <TextField
        id="outgoing-username"
        label={m.usernameLabel}
        value={form.username}
        onChange={change('username')}
        error={shown('username')}
        notes={notes.username}
        inputRef={usernameRef}
        input={{ autoComplete: 'off', spellCheck: false, autoCapitalize: 'off' }}
      />
    </fieldset>
  );
}

/** Shown instead of saving when no outgoing server is filled in: save incoming only, or go back. */
export function NoOutgoingConfirmation({ onSave, onFill }: { onSave: () => void; onFill: () => void }) {
  const m = messages.outgoing;
  return (
    <div className="notice-block notice-warning" role="group" aria-labelledby="no-outgoing-title">
      <p id="no-outgoing-title" className="card-title" tabIndex={-1}>
        {m.confirmTitle}
      </p>
      <p>{m.confirmBody}</p>
      <div className="action-bar">
        <button type="button" className="primary" onClick={onSave}>
          {m.confirmSave}
        </button>
        <button type="button" className="secondary" onClick={onFill}>
          {m.confirmBack}
        </button>
      </div>
    </div>
  );
}
