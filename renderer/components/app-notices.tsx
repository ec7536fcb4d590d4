// Things main tells the user once at start (e.g. a damaged settings file was set aside), until dismissed.
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import { messages } from '../messages/en.ts';
import { sayWords } from '../messages/localize-answers.ts';
import { Icon } from './icons.tsx';

export function AppNotices() {
  const [notices, setNotices] = useState<readonly string[]>([]);
  useEffect(() => {
    // A failure here only means there is nothing to tell.
    call('getNotices', {}).then(
      (answer) => setNotices(answer.notices.map((notice, index) => (answer.words?.[index] ? sayWords(answer.words[index]) : notice))),
      () => undefined,
    );
  }, []);
  if (notices.length === 0) return null;
  return (
    <div className="notice-block notice-warning app-notices" role="status">
      {notices.map((text) => (
        <p key={text} className="field-note">
          <Icon name="warning" /> <span>{text}</span>
        </p>
      ))}
      <button type="button" className="secondary" onClick={() => setNotices([])}>
        {messages.app.dismiss}
      </button>
    </div>
  );
}
