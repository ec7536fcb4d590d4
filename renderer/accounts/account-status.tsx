// An account's status as a badge, when it was last checked, and why it fails.
import type { AccountStatus, AccountSummary } from '../../shared/account-summary.ts';
import { failureMessages, fillMessage } from '../../shared/messages/failure-messages.ts';
import { Icon } from '../components/icons.tsx';
import { messages } from '../messages/en.ts';
import { format, formatDateTime, formatRelative } from '../messages/format.ts';

const statusIcon: Record<AccountStatus, 'passed' | 'warning' | 'failed' | 'pending'> = {
  ok: 'passed',
  'needs-password': 'warning',
  'needs-sign-in': 'warning',
  failing: 'failed',
  'never-tested': 'pending',
};

export function AccountStatusLine({ account }: { account: AccountSummary }) {
  const category = account.status === 'ok' || account.status === 'never-tested' ? null : account.lastFailureCategory;
  const reason = category
    ? fillMessage(failureMessages[category].message, { host: account.host, port: String(account.port), provider: messages.secret.yourProvider })
    : null;
  return (
    <div className="account-status">
      <span className={`badge badge-${account.status}`} data-account-status={account.status}>
        <Icon name={statusIcon[account.status]} /> {messages.accounts.status[account.status]}
      </span>
      <span className="last-checked">
        {account.lastCheckedAt ? (
          <time dateTime={account.lastCheckedAt} title={formatDateTime(account.lastCheckedAt)}>
            {format(messages.accounts.lastChecked, { when: formatRelative(account.lastCheckedAt) })}
          </time>
        ) : (
          messages.accounts.neverChecked
        )}
      </span>
      {reason && <p className="account-reason">{reason}</p>}
    </div>
  );
}
