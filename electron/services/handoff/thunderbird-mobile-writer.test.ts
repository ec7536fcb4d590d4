// The phone's QR code: the payload against the format spec's own examples, drawn and then read back by a real decoder (zbarimg).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../e2e/fixtures/run-command.ts';
import { makeTempDir, type TempDir } from '../../../e2e/fixtures/temp-dir.ts';
import { qrPng, qrTerminal } from './qr-image.ts';
import { handoffAccount } from './test-support/saved-accounts.ts';
import { thunderbirdMobilePayload, writeThunderbirdMobile } from './thunderbird-mobile-writer.ts';

/*
 * Examples from thunderbird/thunderbird-android: "One IMAP account" in
 * feature/migration/qrcode/qr-code-format.md, and the payload with passwords of the reader's own
 * test (QrCodePayloadParserTest.kt), both format version 1.
 */
const specOneImapAccount =
  '[1,[1,1],[0,"imap.domain.example",993,3,1,"user@domain.example"],[[[0,"smtp.domain.example",465,3,1,"user@domain.example"],["user@domain.example","Jane Doe"]]]]';
const parserTestWithPasswords =
  '[1,[1,1],[0,"imap.domain.example",993,3,2,"username","","imap-password"],[[[0,"smtp.domain.example",587,2,1,"username","smtp-password"],["user@domain.example","Firstname Lastname"]]]]';

const options = { platform: 'linux' as const, tokenCommand: 'mail-setup token user@domain.example' };
let temp: TempDir;

beforeAll(async () => {
  temp = await makeTempDir('mail-setup-qr');
});
afterAll(async () => {
  await temp?.remove();
});

/** What a phone's camera would read: the image decoded by zbarimg (ZBar), as raw bytes in UTF-8. */
async function decode(file: string): Promise<string> {
  const { stdout } = await runCommand('zbarimg', ['--raw', '-q', '-Sbinary', file]);
  return stdout.replace(/\n$/, '');
}

describe('the payload', () => {
  it('is the spec\'s own example for the same account, byte for byte', () => {
    const written = writeThunderbirdMobile(handoffAccount(), options);
    expect(written.text).toBe(specOneImapAccount);
    expect(written.containsPassword).toBe(false);
  });

  it('carries the passwords where the reader\'s own test has them, with "" (never null) for the account name', () => {
    // The parser test's account signs in with auth 2 (encrypted password); ours with 1 (cleartext inside TLS): the one field that differs.
    const account = handoffAccount(
      { email: 'user@domain.example', displayName: 'Firstname Lastname', username: 'username' },
      { port: 587, security: 'starttls', username: 'username', sharedPassword: false },
    );
    const payload = thunderbirdMobilePayload(account, { incoming: 'imap-password', outgoing: 'smtp-password' });
    const expected = JSON.parse(parserTestWithPasswords) as unknown[];
    (expected[2] as unknown[])[4] = 1;
    expect(payload).toEqual(expected);
    expect(JSON.stringify(payload)).not.toContain('null');
  });

  it('signs OAuth2 accounts in with auth 6 and carries no password', () => {
    const payload = thunderbirdMobilePayload(handoffAccount({ authKind: 'oauth2' }));
    expect(payload[2]).toEqual([0, 'imap.domain.example', 993, 3, 6, 'user@domain.example']);
    expect((payload[3] as unknown[][][])[0]?.[0]).toEqual([0, 'smtp.domain.example', 465, 3, 6, 'user@domain.example']);
  });

  it('maps STARTTLS to 2, no encryption to 0, and POP3 to protocol 1', () => {
    const payload = thunderbirdMobilePayload(handoffAccount({ protocol: 'pop3', port: 110, security: 'none' } as never, { port: 587, security: 'starttls' }));
    expect(payload[2]).toEqual([1, 'imap.domain.example', 110, 0, 1, 'user@domain.example']);
    expect((payload[3] as unknown[][][])[0]?.[0]).toEqual([0, 'smtp.domain.example', 587, 2, 1, 'user@domain.example']);
  });

  it('writes internationalised server names and domains as punycode, and keeps display names on one line', () => {
    const payload = thunderbirdMobilePayload(handoffAccount({ email: 'jo@bücher.example', host: 'imap.bücher.example', displayName: 'Jo\r\nBücher' }, { host: 'smtp.bücher.example' }));
    expect((payload[2] as unknown[])[1]).toBe('imap.xn--bcher-kva.example');
    expect((payload[3] as unknown[][][])[0]).toEqual([[0, 'smtp.xn--bcher-kva.example', 465, 3, 1, 'user@domain.example'], ['jo@xn--bcher-kva.example', 'Jo Bücher']]);
  });

  it('refuses an address with non-ASCII characters before the "@", which the format cannot hold', () => {
    expect(() => thunderbirdMobilePayload(handoffAccount({ email: 'jürgen@domain.example' }))).toThrow(/non-ASCII characters before the "@".*ASCII addresses/);
  });

  it('refuses an account without an outgoing server', () => {
    expect(() => thunderbirdMobilePayload(handoffAccount({}, null))).toThrow(/no outgoing server saved/);
  });
});

describe('the drawn code', () => {
  it('decodes (PNG) to exactly the payload, passwords and non-ASCII names included', async () => {
    const account = handoffAccount({ displayName: 'Jörg "Jo" Müller' });
    const written = writeThunderbirdMobile(account, { ...options, secrets: { incoming: 'pä ss', outgoing: 'pä ss' } });
    const file = join(temp.path, 'code.png');
    await writeFile(file, await qrPng(written.text));
    const decoded = await decode(file);
    expect(decoded).toBe(written.text);
    expect(JSON.parse(decoded)).toEqual(written.payload);
  });

  it('decodes from the terminal drawing too (half blocks, black on white, with its quiet zone)', async () => {
    const text = writeThunderbirdMobile(handoffAccount(), options).text;
    const drawing = await qrTerminal(text);
    // Back from characters to modules: each character is an upper and a lower module.
    // eslint-disable-next-line no-control-regex -- the colour codes around each line are removed
    const rows = drawing.trimEnd().split('\n').map((line) => [...line.replace(/\u001b\[[0-9;]*m/g, '')]);
    const modules = rows.flatMap((row) => [row.map((c) => c === '\u2588' || c === '\u2580'), row.map((c) => c === '\u2588' || c === '\u2584')]);
    expect(modules[0]?.every((dark) => !dark)).toBe(true);
    const scale = 4;
    const width = (modules[0]?.length ?? 0) * scale;
    const pixels = modules.flatMap((row) => Array.from({ length: scale }, () => row.flatMap((dark) => Array<string>(scale).fill(dark ? '1' : '0')).join(' ')));
    const file = join(temp.path, 'terminal.pbm');
    await writeFile(file, `P1\n${width} ${pixels.length}\n${pixels.join('\n')}\n`);
    expect(await decode(file)).toBe(text);
  });
});
