// The autoconfig file read back by Mail Setup's own autoconfig reader, for the account and for another address at the domain.
import { describe, expect, it } from 'vitest';
import { parseAutoconfigXml } from '../discovery/autoconfig-xml.ts';
import { parseEmailAddress } from '../discovery/email-address.ts';
import { usernameTemplate, writeAutoconfig } from './autoconfig-writer.ts';
import { handoffAccount } from './test-support/saved-accounts.ts';

const options = { platform: 'linux' as const, tokenCommand: 'mail-setup token x' };
const read = (xml: string, email: string) => parseAutoconfigXml(xml, parseEmailAddress(email));

describe('the autoconfig file', () => {
  it('gives back the saved servers for the account, and the same servers with their own username for another address', () => {
    const xml = writeAutoconfig(handoffAccount({}, { port: 587, security: 'starttls' }), options).text;
    expect(xml).toContain('<username>%EMAILADDRESS%</username>');
    expect(read(xml, 'user@domain.example')).toMatchObject({
      imap: { host: 'imap.domain.example', port: 993, security: 'tls', username: 'user@domain.example' },
      smtp: { host: 'smtp.domain.example', port: 587, security: 'starttls', username: 'user@domain.example' },
      auth: 'password',
      pop3Only: false,
    });
    expect(read(xml, 'bob@domain.example')).toMatchObject({
      imap: { username: 'bob@domain.example' },
      smtp: { username: 'bob@domain.example' },
    });
  });

  it('uses %EMAILLOCALPART% for a username that is the part before the "@"', () => {
    const xml = writeAutoconfig(handoffAccount({ username: 'user' }, { username: 'user' }), options).text;
    expect(xml).toContain('<username>%EMAILLOCALPART%</username>');
    expect(read(xml, 'carol@domain.example')).toMatchObject({ imap: { username: 'carol' }, smtp: { username: 'carol' } });
  });

  it('names any other username literally, escaped, and says the file fits this account only', () => {
    const written = writeAutoconfig(handoffAccount({ username: 'Tom & "Jerry" <x>' }), options);
    expect(read(written.text, 'user@domain.example')?.imap?.username).toBe('Tom & "Jerry" <x>');
    expect(written.notes.join(' ')).toMatch(/fits this one account only/);
  });

  it('keeps OAuth2, POP3 and an absent outgoing server', () => {
    expect(read(writeAutoconfig(handoffAccount({ authKind: 'oauth2' }), options).text, 'user@domain.example')?.auth).toBe('oauth2');
    const pop = read(writeAutoconfig(handoffAccount({ protocol: 'pop3', port: 995 } as never, null), options).text, 'user@domain.example');
    expect(pop).toMatchObject({ imap: null, pop3Only: true, smtp: null });
  });

  it('names the domain in ASCII', () => {
    const xml = writeAutoconfig(handoffAccount({ email: 'jo@bücher.example' }), options).text;
    expect(xml).toContain('<emailProvider id="xn--bcher-kva.example">');
    expect(read(xml, 'jo@bücher.example')?.imap?.host).toBe('imap.domain.example');
  });

  it('compares usernames as the placeholders expand them', () => {
    expect(usernameTemplate('User@Domain.Example', 'user@domain.example')).toBe('%EMAILADDRESS%');
    expect(usernameTemplate('USER', 'user@domain.example')).toBe('USER');
  });
});
