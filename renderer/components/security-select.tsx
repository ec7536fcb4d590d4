// The Security choice (SSL/TLS, STARTTLS, None) with its padlock and notes, for either server.
import { securityModes, type Security } from '../../shared/server-settings.ts';
import { messages } from '../messages/en.ts';
import type { FieldNote } from '../wizard/settings-form.ts';
import { Icon } from './icons.tsx';
import { describedBy, FieldMessages } from './text-field.tsx';

export interface SecuritySelectProps {
  id: string;
  label: string;
  value: Security;
  onChange: (security: Security) => void;
  notes?: readonly FieldNote[] | undefined;
}

const lockIcon: Record<Security, 'padlock' | 'open-lock'> = { tls: 'padlock', starttls: 'padlock', none: 'open-lock' };

export function SecuritySelect({ id, label, value, onChange, notes }: SecuritySelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="select-row">
        <select id={id} value={value} onChange={(event) => onChange(event.target.value as Security)} aria-describedby={describedBy(id, { notes: notes?.length ?? 0 })}>
          {securityModes.map((mode) => (
            <option key={mode} value={mode}>
              {messages.security[mode]}
            </option>
          ))}
        </select>
        <Icon name={lockIcon[value]} className={`lock lock-${value}`} />
      </div>
      <FieldMessages id={id} notes={notes} />
    </div>
  );
}
