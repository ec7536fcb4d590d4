// The GNOME desktop: registers the account with GNOME Online Accounts on request and says what GNOME now holds.
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { ExportStatus } from './export-status.tsx';
import { useExport } from './use-export.ts';

export function GnomePanel({ email }: { email: string }) {
  const m = messages.handoff;
  const { state, run } = useExport(email, 'gnome');
  const registration = state.phase === 'done' && state.view.kind === 'gnome' ? state.view.registration : null;
  return (
    <div className="handoff-panel">
      <p>{format(m.gnomeIntro, { email })}</p>
      <div className="action-bar">
        <button type="button" className="primary" onClick={run} aria-disabled={state.phase === 'loading' || undefined}>
          {m.gnomeAdd}
        </button>
      </div>
      <div role="status">
        <ExportStatus state={state} busyText={m.gnomeAdding} />
        {registration && (
          <div className="notice-block notice-success" data-gnome-account={registration.accountId}>
            <Notice tone="success">{registration.updated ? format(m.gnomeUpdated, { email }) : m.gnomeAdded}</Notice>
            <p>{format(m.gnomeServers, { imap: registration.imapHost, smtp: registration.smtpHost ?? m.gnomeNoOutgoing })}</p>
          </div>
        )}
      </div>
    </div>
  );
}
