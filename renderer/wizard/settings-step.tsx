// Step 2: the server settings, all editable, validated as typed, with notes explaining changes.
import type { Dispatch, Ref } from 'react';
import { messages } from '../messages/en.ts';
import { fieldNotes, hostCleanedNotes, portFollowedNote, validateSettings, type FieldNote, type SettingsField } from './settings-form.ts';
import { ProtocolChoice } from './protocol-choice.tsx';
import { ServerFields } from './server-fields.tsx';
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
  return (
    <fieldset className="section">
      <legend>{form.protocol === 'pop3' ? m.legendPop3 : m.legend}</legend>
      <ProtocolChoice value={form.protocol} onChange={(protocol) => dispatch({ type: 'protocol-changed', protocol })} />
      <ServerFields
        idPrefix=""
        labels={form.protocol === 'pop3' ? { ...m, hostHint: m.hostHintPop3 } : m}
        form={form}
        errors={{ host: shown('host'), port: shown('port'), username: shown('username') }}
        notes={{ ...notes, host: [...hostCleanedNotes(state.hostCleaned), ...(notes.host ?? [])], port: portNotes }}
        onField={(field, value) => dispatch({ type: 'field-changed', field, value })}
        onSecurity={(security) => dispatch({ type: 'security-changed', security })}
        refs={{ host: hostRef, port: portRef, username: usernameRef }}
        hostInput={{ onBlur: () => dispatch({ type: 'host-cleaned' }) }}
        usernameAutoComplete="username"
        afterSecurity={
          form.security === 'none' && (
            <div className="field checkbox">
              <input
                id="allow-insecure"
                type="checkbox"
                checked={form.allowInsecure}
                onChange={(event) => dispatch({ type: 'allow-insecure-changed', allow: event.target.checked })}
              />
              <label htmlFor="allow-insecure">{m.allowInsecureLabel}</label>
            </div>
          )
        }
      />
      <div className="action-bar">
        <button type="button" className="secondary" onClick={onContinue}>
          {m.continue}
        </button>
      </div>
    </fieldset>
  );
}
