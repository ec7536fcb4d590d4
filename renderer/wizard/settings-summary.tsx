// A known provider's server settings as one line, with "Edit settings" to open the full form.
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { toUnicodeDomain } from '../../shared/email-address.ts';
import type { DetailsState } from './wizard-state.ts';

export interface SettingsSummaryProps {
  state: DetailsState;
  onEdit: () => void;
}

export function SettingsSummary({ state, onEdit }: SettingsSummaryProps) {
  const m = messages.settings;
  const { form, discovery } = state;
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
      <button type="button" className="link-button" onClick={onEdit}>
        {m.editSettings}
      </button>
    </div>
  );
}
