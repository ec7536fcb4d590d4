// Step 5: the account is saved; shown above the accounts list, where the new account now appears.
import type { AccountSummary } from '../../shared/account-summary.ts';
import { Icon } from '../components/icons.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';

export interface SavedStepProps {
  /** The account just saved. Its entry in the list below offers "Use in other apps": one button on the page, not two. */
  account: AccountSummary;
  onAddAnother: () => void;
  onDismiss: () => void;
}

export function SavedStep({ account, onAddAnother, onDismiss }: SavedStepProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="card saved" aria-labelledby="saved-title">
      <h2 id="saved-title" tabIndex={-1} ref={headingRef}>
        <Icon name="passed" className="success-icon" /> {messages.saved.title}
      </h2>
      {/* The account by its domain: the full address is its entry's name below, and one copy of it on the page is enough. */}
      <p>{format(messages.saved.body, { domain: account.email.slice(account.email.lastIndexOf('@') + 1) })}</p>
      {account.outgoing?.lastFailureCategory === 'server-unavailable' && <p className="note-warning">{messages.saved.outgoingLater}</p>}
      <div className="action-bar">
        <button type="button" className="primary" onClick={onDismiss}>
          {messages.saved.dismiss}
        </button>
        <button type="button" className="secondary" onClick={onAddAnother}>
          {messages.saved.addAnother}
        </button>
      </div>
    </section>
  );
}
