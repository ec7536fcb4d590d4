// Step 2: the server settings, all editable, validated as typed, with notes explaining changes.
import type { Dispatch, Ref } from 'react';
import { SecuritySelect } from '../components/security-select.tsx';
import { TextField } from '../components/text-field.tsx';
import { messages } from '../messages/en.ts';
import { fieldNotes, hostCleanedNotes, portFollowedNote, validateSettings, type FieldNote, type SettingsField } from './settings-form.ts';
import type { DetailsState, WizardAction } from './wizard-state.ts';

export interface SettingsStepProps {
  state: DetailsState;
  dispatch: Dispatch<WizardAction>;
  hostRef: Ref<HTMLInputElement>;
  portRef: Ref<HTMLInputElement>;
  usernameRef: Ref<HTMLInputElement>;
  /** Confirms the settings and moves on to the secret, for those who take one question at a time. */
  onContinue: () => void;
}

export function SettingsStep({ state, dispatch, hostRef, portRef, usernameRef, onContinue }: SettingsStepProps) {
  const { form } = state;
  const m = messages.settings;
  const allErrors = validateSettings(form);
  const shown = (field: SettingsField) => (state.touched[field] || state.showAllErrors ? allErrors[field] : undefined);
  const notes = fieldNotes(form, state.found);
  const portNotes: FieldNote[] = [...(state.portFollowed ? [{ tone: 'info' as const, text: portFollowedNote(form) }] : []), ...(notes.port ?? [])];
  const change = (field: 'host' | 'port' | 'username') => (value: string) => dispatch({ type: 'field-changed', field, value });
  return (
    <fieldset className="section">
      <legend>{m.legend}</legend>
      <TextField
        id="host"
        label={m.hostLabel}
        value={form.host}
        onChange={change('host')}
        hint={m.hostHint}
        error={shown('host')}
        notes={[...hostCleanedNotes(state.hostCleaned), ...(notes.host ?? [])]}
        inputRef={hostRef}
        input={{ autoComplete: 'off', spellCheck: false, autoCapitalize: 'off', inputMode: 'url', onBlur: () => dispatch({ type: 'host-cleaned' }) }}
      />
      <TextField
        id="port"
        label={m.portLabel}
        value={form.port}
        onChange={change('port')}
        error={shown('port')}
        notes={portNotes}
        inputRef={portRef}
        input={{ inputMode: 'numeric', autoComplete: 'off', className: 'narrow' }}
      />
      <SecuritySelect
        id="security"
        label={m.securityLabel}
        value={form.security}
        onChange={(security) => dispatch({ type: 'security-changed', security })}
        notes={notes.security}
      />
      {form.security === 'none' && (
        <div className="field checkbox">
          <input
            id="allow-insecure"
            type="checkbox"
            checked={form.allowInsecure}
            onChange={(event) => dispatch({ type: 'allow-insecure-changed', allow: event.target.checked })}
          />
          <label htmlFor="allow-insecure">{m.allowInsecureLabel}</label>
        </div>
      )}
      <TextField
        id="username"
        label={m.usernameLabel}
        value={form.username}
        onChange={change('username')}
        hint={m.usernameHint}
        error={shown('username')}
        notes={notes.username}
        inputRef={usernameRef}
        input={{ autoComplete: 'username', spellCheck: false, autoCapitalize: 'off' }}
      />
      <div className="action-bar">
        <button type="button" className="secondary" onClick={onContinue}>
          {m.continue}
        </button>
      </div>
    </fieldset>
  );
}
