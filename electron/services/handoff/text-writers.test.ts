// The command-line and autoconfig writers on the accounts the consumer tests do not reach: OAuth2, POP3, international names, version traps.
import { describe, expect, it } from 'vitest';
import { writeAerc } from './aerc-writer.ts';
import { writeAutoconfig } from './autoconfig-writer.ts';
import { writeMbsync } from './mbsync-writer.ts';
import { writeMsmtp } from './msmtp-writer.ts';
import { writeNeomutt } from './neomutt-writer.ts';
import { handoffAccount } from './test-support/saved-accounts.ts';
import type { HandoffWriter } from './writer.ts';

const linux = { platform: 'linux' as const, tokenCommand: 'mail-setup token user@domain.example' };
const writers: [string, HandoffWriter][] = [
  ['msmtp', writeMsmtp],
  ['mbsync', writeMbsync],
  ['aerc', writeAerc],
  ['neomutt', writeNeomutt],
  ['autoconfig', writeAutoconfig],
];

describe('the text writers', () => {
  it.each(writers)('%s writes internationalised server names as punycode', (_name, write) => {
    const text = write(handoffAccount({ host: 'imap.bücher.example' }, { host: 'smtp.bücher.example' }), linux).text;
    expect(text).toMatch(/xn--bcher-kva\.example/);
    expect(text).not.toMatch(/bücher/);
  });

  it('reads the password through the keychain command of each platform, naming the exact item', () => {
    const account = handoffAccount();
    expect(writeMsmtp(account, linux).text).toContain(`passwordeval "secret-tool lookup service mail-setup account 'user@domain.example#0123456789ab'"`);
    expect(writeMbsync(account, { ...linux, platform: 'darwin' }).text).toContain(`PassCmd "security find-generic-password -s mail-setup -a 'user@domain.example#0123456789ab' -w"`);
    const separate = handoffAccount({}, { sharedPassword: false });
    expect(writeAerc(separate, linux).text).toContain("outgoing-cred-cmd = `secret-tool lookup service mail-setup account 'user@domain.example#0123456789ab#outgoing'`");
  });

  it('uses `mail-setup token` and XOAUTH2 for an OAuth2 account', () => {
    const account = handoffAccount({ authKind: 'oauth2' });
    expect(writeMsmtp(account, linux).text).toMatch(/^auth xoauth2$/m);
    expect(writeMsmtp(account, linux).text).toContain('passwordeval "mail-setup token user@domain.example"');
    expect(writeMbsync(account, linux).text).toMatch(/^AuthMechs XOAUTH2$/m);
    expect(writeAerc(account, linux).text).toMatch(/^source = imaps\+xoauth2:\/\/user%40domain\.example@imap\.domain\.example:993$/m);
    expect(writeNeomutt(account, linux).text).toContain('set imap_oauth_refresh_command = "mail-setup token user@domain.example"');
    expect(writeNeomutt(account, linux).text).not.toMatch(/_pass =/);
  });

  it('names the version traps in the files themselves', () => {
    expect(writeMbsync(handoffAccount(), linux).text).toMatch(/^# .*isync 1\.5 renamed "SSLType" to "TLSType"/m);
    const aerc = writeAerc(handoffAccount({}, { port: 587, security: 'starttls' }), linux).text;
    expect(aerc).toMatch(/^# Written for aerc 0\.14, where "smtp:\/\/" without "smtp-starttls = true" means NO encryption\./m);
    expect(aerc).toMatch(/^outgoing = smtp\+plain:\/\/.*:587$/m);
    expect(aerc).toMatch(/^smtp-starttls = true$/m);
    expect(writeAerc(handoffAccount({}, { port: 587, security: 'none' }), linux).notes.join(' ')).toMatch(/smtp\+insecure/);
  });

  it('refuses POP3 where the program reads IMAP only, and writes it where the program can', () => {
    const pop = handoffAccount({ protocol: 'pop3', port: 995 } as never);
    expect(() => writeMbsync(pop, linux)).toThrow('mbsync reads mail over IMAP only, and user@domain.example uses POP3.');
    expect(() => writeAerc(pop, linux)).toThrow(/aerc reads mail over IMAP only/);
    expect(writeNeomutt(pop, linux).text).toMatch(/^set spoolfile = "pops:\/\/imap\.domain\.example:995\/"$/m);
    expect(writeMsmtp(pop, linux).text).toMatch(/^host smtp\.domain\.example$/m);
  });

  it('keeps aerc values whole where its INI reader would cut them (# and ; start comments there)', () => {
    const text = writeAerc(handoffAccount({ displayName: 'Team #1; "Sales"' }), linux).text;
    expect(text).toMatch(/^from = `Team #1; Sales <user@domain\.example>`$/m);
  });

  it('needs an outgoing server for msmtp and aerc only', () => {
    const incomingOnly = handoffAccount({}, null);
    expect(() => writeMsmtp(incomingOnly, linux)).toThrow(/has no outgoing server saved, and msmtp needs one/);
    expect(() => writeAerc(incomingOnly, linux)).toThrow(/aerc needs one/);
    expect(writeNeomutt(incomingOnly, linux).text).not.toMatch(/smtp_url/);
    expect(writeMbsync(incomingOnly, linux).text).toMatch(/^IMAPAccount /m);
  });
});
