// The Apple Mail profile read back with a plist parser and held against Apple's device-management schema.
import { parse, type PlistValue } from 'plist';
import { describe, expect, it } from 'vitest';
import { profileIdentifiers, writeApple } from './apple-writer.ts';
import { handoffAccount } from './test-support/saved-accounts.ts';

type Kind = 'string' | 'integer' | 'boolean' | 'array';
interface KeyRule {
  type: Kind;
  required: boolean;
  range?: readonly string[];
}

const authValues = ['EmailAuthNone', 'EmailAuthPassword', 'EmailAuthCRAMMD5', 'EmailAuthNTLM', 'EmailAuthHTTPMD5'];

/** apple/device-management mdm/profiles/com.apple.mail.managed.yaml (the keys a profile without S/MIME can use) and CommonPayloadKeys.yaml. */
const mailSchema: Record<string, KeyRule> = {
  PayloadType: { type: 'string', required: true, range: ['com.apple.mail.managed'] },
  PayloadVersion: { type: 'integer', required: true },
  PayloadIdentifier: { type: 'string', required: true },
  PayloadUUID: { type: 'string', required: true },
  PayloadDisplayName: { type: 'string', required: false },
  PayloadDescription: { type: 'string', required: false },
  PayloadOrganization: { type: 'string', required: false },
  EmailAccountDescription: { type: 'string', required: false },
  EmailAccountName: { type: 'string', required: false },
  EmailAccountType: { type: 'string', required: true, range: ['EmailTypeIMAP', 'EmailTypePOP'] },
  EmailAddress: { type: 'string', required: false },
  IncomingMailServerAuthentication: { type: 'string', required: true, range: authValues },
  IncomingMailServerHostName: { type: 'string', required: true },
  IncomingMailServerPortNumber: { type: 'integer', required: false },
  IncomingMailServerUseSSL: { type: 'boolean', required: false },
  IncomingMailServerUsername: { type: 'string', required: false },
  IncomingPassword: { type: 'string', required: false },
  OutgoingPassword: { type: 'string', required: false },
  OutgoingPasswordSameAsIncomingPassword: { type: 'boolean', required: false },
  OutgoingMailServerAuthentication: { type: 'string', required: true, range: authValues },
  OutgoingMailServerHostName: { type: 'string', required: true },
  OutgoingMailServerPortNumber: { type: 'integer', required: false },
  OutgoingMailServerUseSSL: { type: 'boolean', required: false },
  OutgoingMailServerUsername: { type: 'string', required: false },
};

/** mdm/profiles/TopLevel.yaml. */
const topLevelSchema: Record<string, KeyRule> = {
  PayloadType: { type: 'string', required: true, range: ['Configuration'] },
  PayloadVersion: { type: 'integer', required: true },
  PayloadIdentifier: { type: 'string', required: true },
  PayloadUUID: { type: 'string', required: true },
  PayloadContent: { type: 'array', required: true },
  PayloadDisplayName: { type: 'string', required: false },
  PayloadDescription: { type: 'string', required: false },
  PayloadOrganization: { type: 'string', required: false },
  PayloadScope: { type: 'string', required: false, range: ['System', 'User'] },
};

function kindOf(value: PlistValue): Kind | 'other' {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'other';
  return Array.isArray(value) ? 'array' : 'other';
}

/** Every problem of `dict` against `schema`: missing required keys, unknown keys, wrong types, values out of range. */
function problems(dict: Record<string, PlistValue>, schema: Record<string, KeyRule>): string[] {
  const found: string[] = [];
  for (const [key, rule] of Object.entries(schema)) if (rule.required && !(key in dict)) found.push(`missing ${key}`);
  for (const [key, value] of Object.entries(dict)) {
    const rule = schema[key];
    if (rule === undefined) found.push(`unknown key ${key}`);
    else if (kindOf(value) !== rule.type) found.push(`${key} is not ${rule.type}`);
    else if (rule.range && !rule.range.includes(value as string)) found.push(`${key} = ${String(value)} is out of range`);
  }
  return found;
}

function read(text: string): { top: Record<string, PlistValue>; mail: Record<string, PlistValue> } {
  const top = parse(text) as Record<string, PlistValue>;
  const content = top['PayloadContent'] as PlistValue[];
  expect(content).toHaveLength(1);
  return { top, mail: content[0] as Record<string, PlistValue> };
}

const options = { platform: 'darwin' as const, tokenCommand: 'mail-setup token user@domain.example' };
const uuid = /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

describe('the Apple Mail profile', () => {
  it('holds every key the schema requires, only keys it knows, with their types and ranges', () => {
    const { top, mail } = read(writeApple(handoffAccount(), options).text);
    expect(problems(top, topLevelSchema)).toEqual([]);
    expect(problems(mail, mailSchema)).toEqual([]);
    expect(mail).toMatchObject({
      EmailAccountType: 'EmailTypeIMAP',
      EmailAddress: 'user@domain.example',
      EmailAccountName: 'Jane Doe',
      IncomingMailServerHostName: 'imap.domain.example',
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      IncomingMailServerUsername: 'user@domain.example',
      OutgoingMailServerHostName: 'smtp.domain.example',
      OutgoingMailServerPortNumber: 465,
      OutgoingMailServerUseSSL: true,
    });
  });

  it('leaves the password out and lets the system ask once, unless the user asked for it (then says so)', () => {
    const without = writeApple(handoffAccount(), options);
    const { mail } = read(without.text);
    expect(mail['OutgoingPasswordSameAsIncomingPassword']).toBe(true);
    expect(mail).not.toHaveProperty('IncomingPassword');
    expect(without.containsPassword).toBe(false);

    const withPassword = writeApple(handoffAccount(), { ...options, secrets: { incoming: 'in <&> "pw"', outgoing: 'out pw' } });
    const parsed = read(withPassword.text).mail;
    expect(parsed['IncomingPassword']).toBe('in <&> "pw"');
    expect(parsed['OutgoingPassword']).toBe('out pw');
    expect(parsed).not.toHaveProperty('OutgoingPasswordSameAsIncomingPassword');
    expect(withPassword.containsPassword).toBe(true);
    expect(withPassword.notes.join(' ')).toMatch(/holds the password/);
  });

  it('asks for each password when the outgoing server has its own', () => {
    const { mail } = read(writeApple(handoffAccount({}, { sharedPassword: false }), options).text);
    expect(mail['OutgoingPasswordSameAsIncomingPassword']).toBe(false);
  });

  it('keeps the same identifiers on every export of an account, so installing again replaces it', () => {
    const first = read(writeApple(handoffAccount(), options).text);
    const again = read(writeApple(handoffAccount({ displayName: 'Renamed', port: 143, security: 'starttls' }), options).text);
    expect(again.top['PayloadIdentifier']).toBe(first.top['PayloadIdentifier']);
    expect(again.top['PayloadUUID']).toBe(first.top['PayloadUUID']);
    expect(again.mail['PayloadUUID']).toBe(first.mail['PayloadUUID']);
    expect(first.top['PayloadUUID']).toMatch(uuid);
    expect(first.mail['PayloadUUID']).toMatch(uuid);
    expect(first.mail['PayloadUUID']).not.toBe(first.top['PayloadUUID']);
    // Case and the domain's form name the same account; another address is another profile.
    expect(profileIdentifiers('USER@Domain.Example')).toEqual(profileIdentifiers('user@domain.example'));
    expect(profileIdentifiers('other@domain.example').profileId).not.toBe(profileIdentifiers('user@domain.example').profileId);
  });

  it('writes POP3 accounts as EmailTypePOP and unencrypted servers without SSL', () => {
    const { mail } = read(writeApple(handoffAccount({ protocol: 'pop3', port: 110, security: 'none' } as never), options).text);
    expect(mail['EmailAccountType']).toBe('EmailTypePOP');
    expect(mail['IncomingMailServerUseSSL']).toBe(false);
  });

  it('refuses OAuth2 accounts, saying Apple Mail signs in to the provider itself', () => {
    expect(() => writeApple(handoffAccount({ authKind: 'oauth2' }), options)).toThrow(/Apple Mail signs in to Google and Microsoft itself/);
  });

  it('refuses an account without an outgoing server (the schema requires one)', () => {
    expect(() => writeApple(handoffAccount({}, null), options)).toThrow(/no outgoing server saved/);
  });
});
