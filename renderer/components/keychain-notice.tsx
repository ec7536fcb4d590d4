// Tells the user at start, in plain words, when the system keychain cannot keep passwords.
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import { messages } from '../messages/en.ts';
import { Icon } from './icons.tsx';

export function KeychainNotice() {
  const [detail, setDetail] = useState<string | null>(null);
  useEffect(() => {
    call('getKeychainStatus', {}).then(
      (status) => setDetail(status.available ? null : status.detail),
      // A call that fails says nothing about the keychain; Save will report what happens then.
      () => undefined,
    );
  }, []);
  if (detail === null) return null;
  const m = messages.keychain;
  return (
    // Not a heading: it comes before the screen's h1, and headings follow the page order.
    <div className="notice-block notice-warning app-notices" role="status" data-keychain="unavailable">
      <p className="card-title">
        <Icon name="warning" /> {m.title}
      </p>
      <p>{m.body}</p>
      <p>{m.next}</p>
      <details className="technical">
        <summary>{messages.report.technicalDetails}</summary>
        <p>{detail}</p>
      </details>
    </div>
  );
}
