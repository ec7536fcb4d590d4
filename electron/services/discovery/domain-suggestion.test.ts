// Tests the "did you mean …?" suggestion: the typos, and the real domains it must leave alone.
import { describe, expect, it } from 'vitest';
import { suggestAddress, suggestionFor } from './domain-suggestion.ts';
import { parseEmailAddress } from './email-address.ts';

const suggest = (address: string) => suggestAddress(parseEmailAddress(address));

describe('suggestAddress', () => {
  it.each([
    ['bob@gmial.com', 'bob@gmail.com'],
    ['bob@hotmial.com', 'bob@hotmail.com'],
    ['bob@yahooo.com', 'bob@yahoo.com'],
    ['bob@outlok.com', 'bob@outlook.com'],
    ['bob@iclod.com', 'bob@icloud.com'],
    ['bob@gmx.dee', 'bob@gmx.de'],
    ['bob@gmail.co', 'bob@gmail.com'],
    ['bob@outlook.con', 'bob@outlook.com'],
    ['bob@tonline.de', 'bob@t-online.de'],
    ['Jürgen.Ü@gmial.com', 'Jürgen.Ü@gmail.com'],
  ])('suggests %s → %s', (typed, meant) => {
    expect(suggest(typed)).toBe(meant);
  });

  it.each(['gmx.de', 'gmx.net', 'gmail.com', 'web.de', 'mail.com', 'yahoo.co.jp', 'online.de', 'mail.dk', 'example.com', 'acme.co', 'bt.com', 'mail.de', 'live.cm', 'bücher.de'])(
    'leaves %s alone',
    (domain) => {
      expect(suggest(`bob@${domain}`)).toBeNull();
    },
  );

  it('answers in a few milliseconds once warm', () => {
    suggest('bob@gmial.com');
    const started = performance.now();
    for (let round = 0; round < 50; round += 1) suggest('bob@hotmial.com');
    expect((performance.now() - started) / 50).toBeLessThan(10);
  });
});

describe('suggestionFor', () => {
  it('takes text as typed, Unicode domains included, and gives null for what is not an address', () => {
    expect(suggestionFor(' bob@gmial.com ')).toBe('bob@gmail.com');
    expect(suggestionFor('bob@gmail.com')).toBeNull();
    expect(suggestionFor('not an address')).toBeNull();
  });
});
