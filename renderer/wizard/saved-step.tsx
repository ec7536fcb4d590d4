// Step 5: the account is saved; shown above the accounts list, where the new account now appears.
import type { AccountSummary } from '../../shared/account-summary.ts';
import { Icon } from '../components/icons.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { messages } from '../messages/en.ts';

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
      <p>{messages.saved.body}</p>
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
