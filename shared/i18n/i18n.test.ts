// The language engine: locale matching, ICU formatting with isolation, pseudo-locales, failure texts in English.
import { describe, expect, it } from 'vitest';
import { failureCategories } from '../failure-category.ts';
import { failureMessages } from '../messages/failure-messages.ts';
import { sayFailure } from '../messages/failure-words.ts';
import { englishShared, englishText } from '../messages/shared-catalogue.ts';
import { localeDirection, matchLocale, normalizeTag } from './locales.ts';
import { pseudoCatalogue } from './pseudo-locale.ts';
import { createTranslator } from './translator.ts';

const available = ['en', 'de', 'fr', 'es', 'ru', 'ja', 'zh-CN', 'ar'];

describe('choosing a language', () => {
  it('reads POSIX and system forms, and takes C and POSIX for no language at all', () => {
    expect(normalizeTag('de_DE.UTF-8')).toBe('de-DE');
    expect(normalizeTag('sr_RS@latin')).toBe('sr-RS');
    expect(normalizeTag('C')).toBeUndefined();
    expect(normalizeTag('POSIX')).toBeUndefined();
    expect(normalizeTag('C.UTF-8')).toBeUndefined();
    expect(normalizeTag('???')).toBeUndefined();
  });

  it('matches the nearest available language, falling back to English', async () => {
    expect(await matchLocale(['de_DE.UTF-8'], available)).toBe('de');
    expect(await matchLocale(['de-AT'], available)).toBe('de');
    expect(await matchLocale(['zh-Hans-CN'], available)).toBe('zh-CN');
    expect(await matchLocale(['ar-EG'], available)).toBe('ar');
    expect(await matchLocale(['fr-CA', 'en-US'], available)).toBe('fr');
    expect(await matchLocale(['pt-BR'], available)).toBe('en');
    expect(await matchLocale(['C'], available)).toBe('en');
    expect(await matchLocale([], available)).toBe('en');
    expect(await matchLocale(['en-XA'], available)).toBe('en-XA');
  });

  it('knows which languages run right to left', () => {
    expect(localeDirection('ar')).toBe('rtl');
    expect(localeDirection('en-XB')).toBe('rtl');
    expect(localeDirection('de')).toBe('ltr');
  });
});

describe('formatting', () => {
  it('formats ICU plurals by the language’s rules', () => {
    const ru = createTranslator('ru', {}, {}, { isolateArguments: false });
    const text = '{n, plural, one {# пароль} few {# пароля} many {# паролей} other {# пароля}}';
    expect([1, 2, 5, 21].map((n) => ru.format(text, { n }))).toEqual(['1 пароль', '2 пароля', '5 паролей', '21 пароль']);
  });

  it('sets arguments apart with isolation marks where asked, and prints a port as given', () => {
    const ar = createTranslator('ar', {}, {}, { isolateArguments: true });
    expect(ar.format('الخادم {host}:{port}', { host: 'imap.example.com', port: 1143 })).toBe('الخادم \u2068imap.example.com\u2069:\u20681143\u2069');
    const en = createTranslator('en', {}, {}, { isolateArguments: false });
    expect(en.format('Port {port}', { port: 65535 })).toBe('Port 65535');
  });

  it('falls back to English for an id a catalogue lacks, and shows a broken text rather than failing', () => {
    const de = createTranslator('de', { 'a.b': 'Hallo {name}' }, { 'a.b': 'Hello {name}', 'a.c': 'Bye' }, { isolateArguments: false });
    expect(de.text('a.b', { name: 'Jo' })).toBe('Hallo Jo');
    expect(de.text('a.c')).toBe('Bye');
    expect(de.format('{broken', {})).toBe('{broken');
  });
});

describe('pseudo-locales', () => {
  it('en-XA accents every letter, keeps the arguments, and is about 40 % longer', () => {
    const pseudo = pseudoCatalogue({ a: 'Enter the server name, for example {host}.', b: '{n, plural, one {# account} other {# accounts}}' }, 'long');
    expect(pseudo.a).toMatch(/\{host\}/);
    expect(pseudo.a?.replace('{host}', '')).not.toMatch(/[A-Za-z]/);
    expect((pseudo.a?.length ?? 0) / 'Enter the server name, for example {host}.'.length).toBeGreaterThan(1.35);
    const en = createTranslator('en-XA', pseudo, {}, { isolateArguments: false });
    expect(en.text('b', { n: 2 })).toContain('2');
  });

  it('en-XB turns each word right to left', () => {
    expect(pseudoCatalogue({ a: 'Use {email}' }, 'rtl').a).toBe('\u202eUse\u202c {email}');
  });
});

describe('failure texts', () => {
  it('say in English exactly what the catalogue’s templates said before', () => {
    for (const category of failureCategories) {
      const values = { host: 'imap.example.com', port: '993', provider: 'Example Mail', email: 'jo@example.com', username: 'jo', letter: '' };
      const said = sayFailure({ message: { id: `failureTexts.${category}.message`, values }, advice: [{ id: `failureTexts.${category}.advice`, values }] }, englishText);
      const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: keyof typeof values) => values[name]);
      expect(said).toEqual({ message: fill(failureMessages[category].message), advice: fill(failureMessages[category].advice) });
    }
  });

  it('name an unknown provider "your provider" in the reader’s language', () => {
    const de = createTranslator('de', { 'failureExtras.yourProvider': 'Ihr Anbieter', 'x.y': '{provider} verlangt es.' }, englishShared, { isolateArguments: false });
    expect(sayFailure({ message: { id: 'x.y', values: { provider: '' } }, advice: [] }, de.text).message).toBe('Ihr Anbieter verlangt es.');
  });
});

describe('provider texts', () => {
  it('the catalogue’s POP3-only sentence is the one the provider data writes', async () => {
    const { pop3OnlyNote, pop3Difference } = await import('../providers/pop3-only.ts');
    expect(englishText('pop3Texts.onlyNote', { name: 'OCN', difference: pop3Difference })).toBe(pop3OnlyNote('OCN'));
  });
});
