// A known provider's server settings as one line, with "Edit settings" to open the full form.
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { toUnicodeDomain } from '../../shared/email-address.ts';
import type { IncomingProtocol } from '../../shared/server-settings.ts';
import type { DetailsState } from './wizard-state.ts';

export interface SettingsSummaryProps {
  state: DetailsState;
  onEdit: () => void;
  /** Switches between IMAP and POP3 where the provider offers both (one click, the found settings). */
  onProtocol: (protocol: IncomingProtocol) => void;
}

export function SettingsSummary({ state, onEdit, onProtocol }: SettingsSummaryProps) {
  const m = messages.settings;
  const { form, discovery } = state;
  const other: IncomingProtocol = form.protocol === 'pop3' ? 'imap' : 'pop3';
  const otherOffered = other === 'pop3' ? Boolean(discovery?.pop3) : Boolean(discovery?.imap);
  const smtp = state.outgoing.form.host.trim() === '' ? null : state.outgoing.form;
  return (
    <div className="section settings-summary" data-settings-summary="">
      <p className="summary-line">
        {format(m.summary, {
          provider: discovery?.provider?.name ?? toUnicodeDomain(form.host),
          host: toUnicodeDomain(form.host),
          port: form.port,
          security: messages.security[form.security],
        })}
      </p>
      {smtp && (
        <p className="summary-line quiet">
          {format(m.outgoingSummary, { host: toUnicodeDomain(smtp.host), port: smtp.port, security: messages.security[smtp.security] })}
        </p>
      )}
      {form.protocol === 'pop3' && <p className="summary-line quiet">{m.summaryPop3}</p>}
      <button type="button" className="link-button" onClick={onEdit}>
        {m.editSettings}
      </button>
      {otherOffered && (
        <p className="summary-line quiet" data-protocol-switch="">
          <button type="button" className="link-button" onClick={() => onProtocol(other)}>
            {other === 'pop3' ? m.switchToPop3 : m.switchToImap}
          </button>
          <span className="protocol-difference">{m.protocolDifference}</span>
        </p>
      )}
    </div>
  );
}
