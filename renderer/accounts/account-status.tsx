// An account's status per server as badges, when it was last checked, and why a server fails.
import type { AccountStatus, AccountSummary } from '../../shared/account-summary.ts';
import type { FailureCategory } from '../../shared/failure-category.ts';
import type { ServerRole } from '../../shared/check-report.ts';
import { Icon } from '../components/icons.tsx';
import { messages } from '../messages/en.ts';
import { activeTranslator, format, formatDateTime, formatRelative } from '../messages/format.ts';

const statusIcon: Record<AccountStatus, 'passed' | 'warning' | 'failed' | 'pending'> = {
  ok: 'passed',
  'needs-password': 'warning',
  'needs-sign-in': 'warning',
  failing: 'failed',
  'never-tested': 'pending',
};

interface ServerStatus {
  readonly server: ServerRole;
  readonly status: AccountStatus;
  readonly category: FailureCategory | null;
  readonly host: string;
  readonly port: number;
}

function reasonOf({ status, category, host, port }: ServerStatus, email: string): string | null {
  if (status === 'ok' || status === 'never-tested' || !category) return null;
  return activeTranslator().text(`failureTexts.${category}.message`, { host, port: String(port), email, provider: messages.secret.yourProvider });
}

/** One server's badge; without an outgoing server the incoming badge speaks for the account. */
function StatusBadge({ entry, named, email }: { entry: ServerStatus; named: boolean; email: string }) {
  // A server that only refused for now (a 4xx, say its relay was down) is not broken: it wants a re-test later.
  const text = entry.status === 'failing' && entry.category === 'server-unavailable' ? messages.accounts.retestLater : messages.accounts.status[entry.status];
  const reason = reasonOf(entry, email);
  return (
    <div className="server-status" data-server={entry.server}>
      <span className={`badge badge-${entry.status}`} data-account-status={entry.status}>
        <Icon name={statusIcon[entry.status]} /> {named ? format(messages.accountServers.status, { role: messages.accountServers[entry.server], status: text }) : text}
      </span>
      {reason && <p className="account-reason">{named ? format(messages.accountServers.status, { role: messages.accountServers[entry.server], status: reason }) : reason}</p>}
    </div>
  );
}

export function AccountStatusLine({ account }: { account: AccountSummary }) {
  const incoming: ServerStatus = { server: 'incoming', status: account.status, category: account.lastFailureCategory, host: account.host, port: account.port };
  const out = account.outgoing;
  const outgoing: ServerStatus | null = out ? { server: 'outgoing', status: out.status, category: out.lastFailureCategory, host: out.host, port: out.port } : null;
  return (
    <div className="account-status">
      <StatusBadge entry={incoming} named={outgoing !== null} email={account.email} />
      {outgoing && <StatusBadge entry={outgoing} named email={account.email} />}
      <span className="last-checked">
        {account.lastCheckedAt ? (
          <time dateTime={account.lastCheckedAt} title={formatDateTime(account.lastCheckedAt)}>
            {format(messages.accounts.lastChecked, { when: formatRelative(account.lastCheckedAt) })}
          </time>
        ) : (
          messages.accounts.neverChecked
        )}
      </span>
    </div>
  );
}
