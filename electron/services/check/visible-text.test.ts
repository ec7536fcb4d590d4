// Server text shown to people: escapes that terminals act on are shown, not obeyed.
import { expect, it } from 'vitest';
import { showControlCharacters } from '../../../shared/visible-text.ts';

it('shows clear-screen, window-title and OSC 8 link escapes, CR, NUL and bidi overrides as visible text', () => {
  expect(showControlCharacters('\u001b[2J\u001b[HNO wrong')).toBe('\\e[2J\\e[HNO wrong');
  expect(showControlCharacters('\u001b]0;pwned\u0007ready')).toBe('\\e]0;pwned\\x07ready');
  expect(showControlCharacters('\u001b]8;;https://evil.test\u001b\\click\u001b]8;;\u001b\\')).toBe('\\e]8;;https://evil.test\\e\\click\\e]8;;\\e\\');
  expect(showControlCharacters('OK all good\rNO overwritten')).toBe('OK all good\\rNO overwritten');
  expect(showControlCharacters('a\u0000b\u009bc\u202eevil')).toBe('a\\0b\\x9bc\\u{202e}evil');
  expect(showControlCharacters('Dovecot ready. Grüße, 密码 \ufffd')).toBe('Dovecot ready. Grüße, 密码 \ufffd');
});
