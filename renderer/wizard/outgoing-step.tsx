// The outgoing server (SMTP) beside the incoming one: a known provider's is shown, otherwise asked.
import type { Dispatch, Ref } from 'react';
import { Icon } from '../components/icons.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { outgoingEmpty, outgoingNotes, validateOutgoing } from './outgoing-form.ts';
import type { FieldNote, SettingsField } from './settings-form.ts';
import { ServerFields } from './server-fields.tsx';
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
  // "No outgoing server yet" once the user has passed the field by, not before it was reached.
  const passedBy = touched.host || state.touched.password || state.showAllErrors || state.run.phase !== 'idle';
  const warned = outgoingEmpty(form) && passedBy;
  return (
    <fieldset className="section">
      <legend>{m.legend}</legend>
      <ServerFields
        idPrefix="outgoing-"
        labels={m}
        form={form}
        errors={{ host: shown('host'), port: shown('port'), username: shown('username') }}
        notes={{ ...notes, port: [...followed, ...(notes.port ?? [])] }}
        onField={(field, value) => dispatch({ type: 'outgoing-field-changed', field, value })}
        onSecurity={(security) => dispatch({ type: 'outgoing-security-changed', security })}
        refs={{ host: hostRef, port: portRef, username: usernameRef }}
        hostInput={{ onBlur: () => dispatch({ type: 'outgoing-host-left' }) }}
        usernameAutoComplete="off"
      />
      {warned && (
        <p className="field-note note-warning">
          <Icon name="warning" /> {m.empty}
        </p>
      )}
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
