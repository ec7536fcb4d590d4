// Step 5: the account is saved; shown above the accounts list, where the new account now appears.
import { Icon } from '../components/icons.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { messages } from '../messages/en.ts';

export interface SavedStepProps {
  onAddAnother: () => void;
  onDismiss: () => void;
}

export function SavedStep({ onAddAnother, onDismiss }: SavedStepProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="card saved">
      <h2 tabIndex={-1} ref={headingRef}>
        <Icon name="passed" className="success-icon" /> {messages.saved.title}
      </h2>
      <p>{messages.saved.body}</p>
      <div className="action-bar">
        <button type="button" className="secondary" onClick={onDismiss}>
          {messages.saved.dismiss}
        </button>
        <button type="button" className="secondary" onClick={onAddAnother}>
          {messages.saved.addAnother}
        </button>
      </div>
    </section>
  );
}
