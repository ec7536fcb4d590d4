// The command line's language: gettext's order of LANGUAGE, LC_ALL, LC_MESSAGES and LANG; texts for a person in it.
import type { MessageId, TextAt } from '../../shared/i18n/flatten.ts';
import type { ValuesParam } from '../../shared/i18n/icu-args.ts';
import { fillInEnglish } from '../../shared/i18n/fill-in-english.ts';
import { matchLocale, normalizeTag, sourceLocale } from '../../shared/i18n/locales.ts';
import type { Translator } from '../../shared/i18n/translator.ts';
import type { cliMessages } from '../../shared/messages/cli-messages.ts';
import { englishShared, idOfEnglish } from '../../shared/messages/shared-catalogue.ts';

/**
 * The languages the environment asks for, strongest first. As gettext: the locale is LC_ALL, else
 * LC_MESSAGES, else LANG; where it is C or POSIX (or unset) the answer is English and LANGUAGE is
 * ignored; otherwise LANGUAGE's list (`de:fr`) comes before it.
 */
export function requestedCliLocales(env: NodeJS.ProcessEnv): string[] {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? 'C';
  if (normalizeTag(locale) === undefined) return [];
  return [...(env.LANGUAGE ?? '').split(':'), locale].filter((tag) => tag !== '');
}

let current: Translator | undefined;

/** Chooses the language for this run from `env`, loading only that language's catalogue. */
export async function useCliLanguage(env: NodeJS.ProcessEnv): Promise<void> {
  const [{ availableLocales, loadCatalogue }, { createTranslator }] = await Promise.all([import('../../shared/i18n/catalogues.ts'), import('../../shared/i18n/translator.ts')]);
  const locale = await matchLocale(requestedCliLocales(env), availableLocales);
  const catalogue = locale === sourceLocale ? {} : await loadCatalogue(locale, englishShared);
  // No isolation marks: terminals show them as junk, and scripts match the text.
  current = createTranslator(locale, catalogue, englishShared, { isolateArguments: false });
}

/**
 * Before a language is chosen (a `--json` run, which prints no text unless on stderr, or a test
 * calling a command's parts), texts are English with their arguments filled in (`{name}`, selects): FormatJS
 * is loaded only for runs that print text for a person.
 */
const plainEnglish: Pick<Translator, 'text'> = {
  text: (id, values = {}) => fillInEnglish(englishShared[id] ?? id, Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]))),
};

function translator(): Pick<Translator, 'text'> {
  return current ?? plainEnglish;
}

type CliId = MessageId<typeof cliMessages>;

/** True when this run speaks English (or has chosen no language, as a --json run). */
export function speaksEnglish(): boolean {
  return current === undefined || current.locale === sourceLocale;
}

/** A CLI text (`report.failed` is `cli.report.failed` in the catalogue) in the run's language. */
export function say<Id extends CliId>(id: Id, ...values: ValuesParam<TextAt<typeof cliMessages, Id>>): string {
  return translator().text(`cli.${id}`, values[0]);
}

/** Any shared catalogue text by its full id (failure messages and advice), in the run's language. */
export function sayById(id: string, values?: Readonly<Record<string, string | number>>): string {
  return translator().text(id, values);
}

let notePatterns: { id: string; pattern: RegExp }[] | undefined;

/** The export notes with `{name}` arguments, as patterns that find the values in a filled-in note. */
function filledNotes(): { id: string; pattern: RegExp }[] {
  notePatterns ??= Object.entries(englishShared)
    .filter(([id, text]) => id.startsWith('exportNotes.') && /\{\w+\}/.test(text))
    .map(([id, text]) => {
      const seen = new Set<string>();
      const source = text.split(/\{(\w+)\}/).map((part, index) => {
        if (index % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (seen.has(part)) return `\\k<${part}>`;
        seen.add(part);
        return `(?<${part}>.+?)`;
      });
      return { id, pattern: new RegExp(`^${source.join('')}$`) };
    });
  return notePatterns;
}

/** A text main wrote in English (an export's note): in the run's language where the catalogue has it, else as it is. */
export function sayEnglish(text: string): string {
  const id = idOfEnglish(text);
  if (id !== undefined) return translator().text(id);
  for (const note of filledNotes()) {
    const values = note.pattern.exec(text)?.groups;
    if (values) return translator().text(note.id, values);
  }
  return text;
}
