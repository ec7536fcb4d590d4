// One locale's formatter (FormatJS): ICU texts by id or as templates, with arguments set apart for bidi.
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { Catalogue } from './flatten.ts';

type Value = string | number | Date;

/** Formats the texts of one locale. */
export interface Translator {
  readonly locale: string;
  readonly intl: IntlShape;
  /** Formats an ICU text in this locale; a broken text or a missing value shows the text as it is. */
  format(template: string, values?: Readonly<Record<string, Value>>): string;
  /** The catalogue's text for an id (English where the catalogue has none), formatted. */
  text(id: string, values?: Readonly<Record<string, Value>>): string;
}

/** First Strong Isolate … Pop Directional Isolate: an address inside Arabic stays in one piece, left to right. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The text without isolation marks (a terminal shows them as junk). */
export function stripIsolation(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}

/**
 * A translator for `locale`. With `isolateArguments`, every string argument (an address, a host,
 * a server's words) is wrapped in isolation marks; English does without, because its texts are
 * the contract that tests match literally.
 */
export function createTranslator(locale: string, catalogue: Catalogue, english: Catalogue, options: { isolateArguments: boolean }): Translator {
  const intl = createIntl({ locale, defaultLocale: 'en', messages: { ...english, ...catalogue }, onError: () => undefined }, createIntlCache());
  const prepare = (template: string, values: Readonly<Record<string, Value>> | undefined) => {
    if (!values) return values;
    return Object.fromEntries(
      Object.entries(values).map(([name, value]) => {
        // A number in a plain `{port}` is an identifier, printed as given ("1143", not "1,143");
        // plurals and `{n, number}` get the number itself, and a select its keyword unmarked, or it would match no option.
        const typed = new RegExp(`\\{\\s*${name}\\s*,`).test(template);
        const text = typeof value === 'number' && !typed ? String(value) : value;
        return [name, options.isolateArguments && !typed && typeof text === 'string' && text !== '' ? isolate(text) : text];
      }),
    );
  };
  const format = (template: string, values?: Readonly<Record<string, Value>>): string => {
    try {
      const formatted = intl.formatters.getMessageFormat(template, locale, intl.formats, { formatters: intl.formatters }).format(prepare(template, values));
      return Array.isArray(formatted) ? formatted.join('') : String(formatted);
    } catch {
      return template;
    }
  };
  return {
    locale,
    intl,
    format,
    text: (id, values) => format(catalogue[id] ?? english[id] ?? id, values),
  };
}
