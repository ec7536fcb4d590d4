// Tests the ASCII and Unicode forms of addresses and host names with internationalised domains.
import { describe, expect, it } from 'vitest';
import { bareHost } from './server-settings.ts';
import { hasNonAsciiLocalPart, sameEmailAddress, toAsciiDomain, toAsciiEmail, toUnicodeDomain, toUnicodeEmail } from './email-address.ts';

describe('international addresses', () => {
  it('looks jo@bücher.de up as xn--bcher-kva.de and shows it in Unicode', () => {
    expect(toAsciiEmail('jo@bücher.de')).toBe('jo@xn--bcher-kva.de');
    expect(toUnicodeEmail('jo@xn--bcher-kva.de')).toBe('jo@bücher.de');
    expect(toAsciiDomain('MAIL.Bücher.DE')).toBe('mail.xn--bcher-kva.de');
    expect(toUnicodeDomain('mail.XN--BCHER-KVA.de')).toBe('mail.bücher.de');
  });

  it('treats an address typed in either form, or decomposed, as the same account', () => {
    expect(sameEmailAddress('jo@bücher.de', 'jo@xn--bcher-kva.de')).toBe(true);
    expect(sameEmailAddress('jo@bu\u0308cher.de', 'jo@bücher.de')).toBe(true);
    expect(sameEmailAddress(' jo@Bücher.de ', 'jo@xn--bcher-kva.de')).toBe(true);
    expect(sameEmailAddress('jo@bücher.de', 'jo@bucher.de')).toBe(false);
    expect(toAsciiEmail('jo@ｇｍａｉｌ.com')).toBe('jo@gmail.com');
  });

  it('leaves ASCII names, IP literals and the local part alone', () => {
    expect(toAsciiDomain('imap.gmail.com')).toBe('imap.gmail.com');
    expect(toAsciiDomain('::1')).toBe('::1');
    expect(toAsciiDomain('192.0.2.1')).toBe('192.0.2.1');
    expect(toAsciiEmail('Jürgen@bücher.de')).toBe('Jürgen@xn--bcher-kva.de');
    expect(toUnicodeDomain('xn--broken-')).toBe('xn--broken-');
  });

  it('spots a non-ASCII local part, which needs UTF8=ACCEPT or SMTPUTF8', () => {
    expect(hasNonAsciiLocalPart('jürgen@example.com')).toBe(true);
    expect(hasNonAsciiLocalPart('jo@bücher.de')).toBe(false);
  });

  it('gives sockets, DNS and TLS the ASCII form of a server name', () => {
    expect(bareHost('IMAP.Bücher.de')).toBe('imap.xn--bcher-kva.de');
    expect(bareHost('[::1]')).toBe('::1');
  });
});
