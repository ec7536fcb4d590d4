// The incoming protocol (IMAP or POP3) as a choice in the settings form, with the difference in one sentence.
import type { IncomingProtocol } from '../../shared/server-settings.ts';
import { incomingProtocols } from '../../shared/server-settings.ts';
import { messages } from '../messages/en.ts';

export interface ProtocolChoiceProps {
  value: IncomingProtocol;
  onChange: (protocol: IncomingProtocol) => void;
}

export function ProtocolChoice({ value, onChange }: ProtocolChoiceProps) {
  const m = messages.settings;
  return (
    <div className="field">
      <label htmlFor="protocol">{m.protocolLabel}</label>
      <select id="protocol" value={value} onChange={(event) => onChange(event.target.value as IncomingProtocol)} aria-describedby="protocol-note">
        {incomingProtocols.map((protocol) => (
          <option key={protocol} value={protocol}>
            {m.protocols[protocol]}
          </option>
        ))}
      </select>
      <p className="field-note" id="protocol-note">
        {m.protocolDifference}
      </p>
    </div>
  );
}
