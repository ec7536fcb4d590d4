// "Did you mean bob@gmail.com?" with a button that uses the likely address: on the email step as it is typed, and beside what discovery found.
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';

export function AddressSuggestion({ email, onUse }: { email: string; onUse: (email: string) => void }) {
  return (
    <div className="notice-block notice-warning" data-address-suggestion={email}>
      <p>{format(messages.found.suggestion, { email })}</p>
      <button type="button" className="secondary" data-suggestion="" onClick={() => onUse(email)}>
        {format(messages.found.useSuggestion, { email })}
      </button>
    </div>
  );
}
