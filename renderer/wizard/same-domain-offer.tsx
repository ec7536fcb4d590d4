// A second address at a domain already saved: offer that account's servers instead of asking for them again.
import type { AccountSummary } from '../../shared/account-summary.ts';
import { emailDomain } from '../../shared/server-settings.ts';
import { Icon } from '../components/icons.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import type { OutgoingForm } from './outgoing-form.ts';
import type { SettingsForm } from './settings-form.ts';

/** The saved account at the same domain as `email` (another address), if any. */
export function sameDomainAccount(email: string, saved: readonly AccountSummary[]): AccountSummary | undefined {
  const domain = emailDomain(email).toLowerCase();
  // The wizard's incoming form is IMAP's: only an IMAP account's server fits it.
  return saved.find((account) => account.protocol === 'imap' && account.email.toLowerCase() !== email.toLowerCase() && emailDomain(account.email).toLowerCase() === domain);
}

// A username that was the saved address (or its local part) becomes this address (or its local part).
function usernameFor(savedUsername: string, saved: AccountSummary, email: string): string {
  const local = (address: string) => address.slice(0, address.lastIndexOf('@'));
  if (savedUsername.toLowerCase() === local(saved.email).toLowerCase()) return local(email);
  return email;
}

/** The wizard's forms filled with the saved account's servers, for `email`. */
export function formsFrom(saved: AccountSummary, email: string): { form: SettingsForm; outgoing: OutgoingForm | null } {
  const out = saved.outgoing ?? null;
  return {
    form: { protocol: 'imap', host: saved.host, port: String(saved.port), security: saved.security, username: usernameFor(saved.username, saved, email), allowInsecure: saved.allowInsecure },
    outgoing: out ? { host: out.host, port: String(out.port), security: out.security, username: usernameFor(out.username, saved, email) } : null,
  };
}

export function SameDomainOffer({ account, onUse }: { account: AccountSummary; onUse: () => void }) {
  return (
    <div className="notice-block notice-info same-domain">
      <p>
        <Icon name="info" /> {format(messages.found.sameDomain, { email: account.email, host: account.host })}
      </p>
      <button type="button" className="secondary" onClick={onUse} data-same-domain="">
        {format(messages.found.useSameDomain, { email: account.email })}
      </button>
    </div>
  );
}
