// Chooses the page's language before the first render, loads its catalogue and sets <html lang dir>.
import { availableLocales, loadCatalogue } from '../../shared/i18n/catalogues.ts';
import { applyCatalogue, flattenMessages, type MessageTree } from '../../shared/i18n/flatten.ts';
import { localeDirection, matchLocale, sourceLocale } from '../../shared/i18n/locales.ts';
import { createTranslator, type Translator } from '../../shared/i18n/translator.ts';
import { englishShared } from '../../shared/messages/shared-catalogue.ts';
import { messages } from './en.ts';
import { setActiveTranslator } from './format.ts';

/** Where the Language control remembers the user's choice. */
const choiceKey = 'mail-setup.locale';

// Taken before any catalogue replaces the texts: ids and the fallback for anything untranslated.
const english = { ...flattenMessages(messages as MessageTree), ...englishShared };

function storedChoice(): string | null {
  try {
    return localStorage.getItem(choiceKey);
  } catch {
    return null;
  }
}

/**
 * The languages asked for, strongest first: `?locale=` (the harness, tests), the user's remembered
 * choice, the system's preferred languages (`?system=`, from main's app.getPreferredSystemLanguages()),
 * then the browser's.
 */
export function requestedLocales(search: string, stored: string | null, browser: readonly string[]): string[] {
  const params = new URLSearchParams(search);
  return [params.get('locale'), stored, ...(params.get('system')?.split(',') ?? []), ...browser].filter((tag): tag is string => !!tag);
}

/** Picks the language, loads its catalogue into `messages` and the formatter, and marks up <html>. */
export async function setUpLocale(): Promise<Translator> {
  const locale = await matchLocale(requestedLocales(location.search, storedChoice(), navigator.languages), availableLocales);
  const catalogue = await loadCatalogue(locale, english);
  applyCatalogue(messages as MessageTree, catalogue);
  const translator = createTranslator(locale, catalogue, english, { isolateArguments: locale !== sourceLocale });
  setActiveTranslator(translator);
  document.documentElement.lang = locale;
  document.documentElement.dir = localeDirection(locale);
  document.title = messages.app.brand;
  return translator;
}

/** Remembers the user's choice and reloads the page in it (without a `?locale=` that would override it). */
export function chooseLocale(locale: string): void {
  try {
    localStorage.setItem(choiceKey, locale);
  } catch {
    // Without storage the choice lasts for this page only.
  }
  const url = new URL(location.href);
  url.searchParams.set('locale', locale);
  location.replace(url);
}
