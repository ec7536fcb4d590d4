// The fast English fill-in agrees with FormatJS on the texts it is for.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { fillInEnglish } from './fill-in-english.ts';

const text = 'The file could not be read ({reason, select, notJson {it is not valid JSON} noMigration {no migration to version {version}} other {{why}}}) at {path}.';

describe('fillInEnglish', () => {
  it.each([
    { reason: 'notJson', version: '', why: '', path: '/d/s.json' },
    { reason: 'noMigration', version: '3', why: '', path: '/d/s.json' },
    { reason: 'other', version: '', why: 'accounts.0.port must be a number', path: '/d/s.json' },
    { reason: 'unheard-of', version: '', why: 'something else', path: '/d/s.json' },
  ])('chooses and fills in as FormatJS does: $reason', (values) => {
    expect(fillInEnglish(text, values)).toBe(new IntlMessageFormat(text, 'en').format(values));
  });

  it('leaves an argument it has no value for as it is', () => {
    expect(fillInEnglish('Hello {name}, {who}', { name: 'Ann' })).toBe('Hello Ann, {who}');
  });
});
