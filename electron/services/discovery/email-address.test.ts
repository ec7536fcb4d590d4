// Tests the address parser: what counts as an address, IDN to punycode, and the error it throws.
import { describe, expect, it } from 'vitest';
import { InvalidEmailError, parseEmailAddress } from './email-address.ts';

describe('parseEmailAddress', () => {
  it('splits an address and lower-cases only the domain', () => {
    expect(parseEmailAddress('  Alice.Smith+tag@Example.COM ')).toEqual({
      address: 'Alice.Smith+tag@example.com',
      localPart: 'Alice.Smith+tag',
      domain: 'example.com',
      unicodeDomain: 'example.com',
    });
  });

  it('converts an internationalised domain to punycode and keeps the readable form', () => {
    const parsed = parseEmailAddress('jürgen@bücher.example');
    expect(parsed.domain).toBe('xn--bcher-kva.example');
    expect(parsed.address).toBe('jürgen@xn--bcher-kva.example');
    expect(parsed.unicodeDomain).toBe('bücher.example');
    expect(parseEmailAddress('user@ΠΑΡΆΔΕΙΓΜΑ.ΔΟΚΙΜΉ').domain).toBe('xn--hxajbheg2az3al.xn--jxalpdlp');
  });

  it.each([
    ['', 'it is empty'],
    ['plainaddress', 'it has no "@"'],
    ['@example.com', 'there is nothing before the "@"'],
    ['alice@', 'there is no domain after the "@"'],
    ['alice@localhost', 'has no dot'],
    ['alice@exa mple.com', 'not a valid domain name'],
    ['al ice@example.com', 'contains a space'],
    ['alice@@example.com', 'contains a space or a character'],
    ['.alice@example.com', 'misplaced dot'],
    ['alice..b@example.com', 'misplaced dot'],
    ['alice@[192.0.2.1]', 'address literals'],
    ['alice@192.0.2.1', 'IP address'],
    ['alice@-bad-.com', 'not a valid domain name'],
    ['alice@example.com\r\nA1 LOGOUT', 'control characters'],
    [`${'a'.repeat(65)}@example.com`, 'longer than 64 bytes'],
    [`alice@${'a'.repeat(64)}.com`, 'not a valid domain name'],
    [`${'a'.repeat(300)}@${'b'.repeat(30)}.com`, 'longer than 320'],
  ])('rejects %j with a clear reason', (input, reason) => {
    let thrown: unknown;
    try {
      parseEmailAddress(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEmailError);
    const error = thrown as InvalidEmailError;
    expect(error.message).toContain('is not an email address');
    expect(error.message).toContain(reason);
    expect(error.message).not.toMatch(/[\r\n]/);
  });
});
