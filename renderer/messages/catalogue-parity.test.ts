// Every locale file translates every English text, as valid ICU with the same arguments and plural forms it needs.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { availableLocales, loadCatalogue } from '../../shared/i18n/catalogues.ts';
import { flattenMessages, type MessageTree } from '../../shared/i18n/flatten.ts';
import { sourceLocale } from '../../shared/i18n/locales.ts';
import { englishShared, sharedMessages } from '../../shared/messages/shared-catalogue.ts';
import { messages } from './en.ts';

const english = { ...flattenMessages(messages as MessageTree), ...englishShared };

/** Argument names with their kinds (`count:plural`), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) found.add(`${element.value}:plain`);
    if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.add(`${element.value}:${element.type === TYPE.select ? 'select' : 'plural'}`);
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
  }
  return found;
}

/** Each plural's categories must include `other`, and those the language's rules use for whole numbers. */
function pluralProblems(elements: MessageFormatElement[], locale: string): string[] {
  const problems: string[] = [];
  const needed = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      const options = Object.keys(element.options);
      if (!options.includes('other')) problems.push(`plural ${element.value} lacks "other"`);
      for (const category of needed) if (!options.includes(category) && !options.some((o) => o.startsWith('='))) problems.push(`plural ${element.value} lacks "${category}"`);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) problems.push(...pluralProblems(option.value, locale));
  }
  return problems;
}

it('the renderer and the shared texts do not share an id group', () => {
  const overlap = Object.keys(sharedMessages).filter((group) => group in messages);
  expect(overlap).toEqual([]);
});

it('every English text is valid ICU', () => {
  for (const [id, text] of Object.entries(english)) expect(() => parse(text), id).not.toThrow();
});

describe.each(availableLocales.filter((locale) => locale !== sourceLocale))('%s', (locale) => {
  it('has every message, and nothing else', async () => {
    const catalogue = await loadCatalogue(locale, english);
    expect(Object.keys(catalogue).filter((id) => !(id in english)), 'ids English does not have').toEqual([]);
    expect(Object.keys(english).filter((id) => !(id in catalogue)), 'untranslated ids').toEqual([]);
  });

  it('has no English stand-ins (a sentence left as in English)', async () => {
    const catalogue = await loadCatalogue(locale, english);
    // Words outside arguments; command-line flags (--protocol pop3) and product names are the same in every language.
    const sentence = (text: string) => /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(text.replace(/\{[^}]*\}|--[\w-]+( \w+)?|Mail Setup|Apple Mail/g, ''));
    expect(Object.keys(catalogue).filter((id) => catalogue[id] === english[id] && sentence(english[id] ?? ''))).toEqual([]);
  });

  it('is valid ICU with the same arguments as English, and the plural forms the language needs', async () => {
    const catalogue = await loadCatalogue(locale, english);
    const problems: string[] = [];
    for (const [id, text] of Object.entries(catalogue)) {
      const source = english[id];
      if (source === undefined) continue;
      let ast: MessageFormatElement[];
      try {
        ast = parse(text);
      } catch (error) {
        problems.push(`${id}: not ICU (${(error as Error).message})`);
        continue;
      }
      const expected = [...argumentsOf(parse(source))].sort();
      const actual = [...argumentsOf(ast)].sort();
      if (expected.join() !== actual.join()) problems.push(`${id}: arguments ${actual.join(', ')} instead of ${expected.join(', ')}`);
      for (const problem of pluralProblems(ast, locale)) problems.push(`${id}: ${problem}`);
      if (text.trim() === '') problems.push(`${id}: empty`);
    }
    expect(problems).toEqual([]);
  });
});
it('offers English and at least the seven translated languages', () => {
  expect(availableLocales).toEqual(expect.arrayContaining([sourceLocale, 'de', 'fr', 'es', 'ru', 'ja', 'zh-CN', 'ar']));
});

