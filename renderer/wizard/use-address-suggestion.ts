// Asks main, a moment after the typing stops, whether the address as typed looks like a mistyped provider domain.
import { useEffect, useState } from 'react';
import { call } from '../api.ts';

/** Long enough not to ask at every keystroke, short enough to show before the user reaches Continue. */
const pauseMs = 300;

/** Only text shaped like a whole address (a dot in the domain) is worth asking about. */
const wholeAddress = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

/**
 * The likely address for `email` as typed (`bob@gmial.com` → `bob@gmail.com`), or null. An answer
 * counts only for the text it was asked for, so a late reply never shows under newer typing; a
 * failed call shows nothing, since the suggestion is only a help.
 */
export function useAddressSuggestion(email: string): string | null {
  const [answer, setAnswer] = useState<{ for: string; suggestion: string | null } | null>(null);
  const typed = email.trim();
  useEffect(() => {
    if (!wholeAddress.test(typed)) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      call('suggestAddress', { email: typed })
        .then(({ suggestion }) => {
          if (current) setAnswer({ for: typed, suggestion });
        })
        .catch(() => undefined);
    }, pauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed]);
  return answer?.for === typed ? answer.suggestion : null;
}
