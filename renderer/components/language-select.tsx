// The "Language" control: every available language in its own name; a choice is remembered and reloads the page.
import { useId } from 'react';
import { availableLocales } from '../../shared/i18n/catalogues.ts';
import { localeName } from '../../shared/i18n/locales.ts';
import { messages } from '../messages/en.ts';
import { activeTranslator } from '../messages/format.ts';
import { chooseLocale } from '../messages/locale-setup.ts';

export function LanguageSelect() {
  const id = useId();
  const current = activeTranslator().locale;
  return (
    <div className="language-select">
      <label htmlFor={id}>{messages.app.language}</label>
      <select id={id} value={current} onChange={(event) => chooseLocale(event.target.value)}>
        {/* A pseudo-locale in use (tests) stays selectable so the control shows the truth. */}
        {(availableLocales.includes(current) ? availableLocales : [...availableLocales, current]).map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {localeName(tag)}
          </option>
        ))}
      </select>
    </div>
  );
}
