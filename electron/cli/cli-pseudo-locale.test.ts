// Under the accented pseudo-locale every text a person reads is accented: plain English left in the CLI's error paths is a text not in the catalogue.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { plainEnglish } from './test-support/plain-english.ts';
import { runCli } from './test-support/spawn-cli.ts';

const home = mkdtempSync(join(tmpdir(), 'cli-pseudo-locale-'));
// No keychain: the session bus named is not there, so a command that needs one says so.
const pseudo: NodeJS.ProcessEnv = { ...process.env, HOME: home, MAIL_SETUP_DATA_DIR: join(home, 'data'), LANGUAGE: 'en_XA', LANG: 'en_US.UTF-8', DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}` };
delete pseudo.LC_ALL;
delete pseudo.LC_MESSAGES;
delete pseudo.DISPLAY;

const server = ['--email', 'ann@example.test', '--host', 'mail.example.test', '--port', '993', '--security', 'tls'];

/**
 * Command lines that fail before any server is reached, with what they get on stdin, their exit
 * status (2 unless said) and the words of another program they quote (D-Bus's own message).
 */
const errorPaths: [string[], string?, number?, RegExp?][] = [
  [[]],
  [['frobnicate']],
  [['check']],
  [['check', '--email', 'not-an-address']],
  [['check', '--email', 'ann@example.test', '--port', '-1']],
  [['check', ...server, '--security', 'ssl']],
  [['check', ...server, '--protocol', 'smtp']],
  [['check', ...server, '--timeout', '0']],
  [['check', ...server, '--trust-certificate', 'xyz']],
  [['check', ...server, '--auth', 'kerberos']],
  [['check', ...server, '--only', 'both']],
  [['check', ...server, '--only', 'outgoing']],
  [['check', ...server, '--smtp-username', 'ann']],
  [['check', ...server, '--smtp-host', 'smtp.example.test', '--smtp-port', '99999']],
  [['check', ...server, '--smtp-host', 'smtp.example.test', '--smtp-security', 'ssl']],
  [['check', ...server, '--smtp-host', 'bad host', '--password-stdin'], 'pw\n'],
  [['check', ...server, '--username', 'a\nb', '--password-stdin'], 'pw\n'],
  [['check', ...server, '--send-test-message', '--password-stdin'], 'pw\n'],
  [['check', ...server], 'pw\n'],
  [['check', ...server, '--password-stdin'], '\n'],
  [['check', ...server, '--password-stdin'], 'a\0b\n'],
  [['check', ...server, '--smtp-host', 'smtp.example.test', '--password-stdin', '--smtp-password-stdin'], 'pw\n\n'],
  [['check', ...server, '--smtp-password-stdin']],
  [['check', ...server, '--auth', 'oauth2']],
  [['check', ...server, '--auth', 'oauth2', '--access-token-stdin'], '\n'],
  [['check', ...server, '--auth', 'oauth2', '--password-stdin']],
  [['check', ...server, '--access-token-stdin']],
  [['check', ...server, 'stray-password']],
  [['accounts']],
  [['accounts', 'frobnicate']],
  [['accounts', 'retest']],
  [['accounts', 'retest', 'not-an-address']],
  [['accounts', 'remove', 'ann@example.test', 'extra']],
  [['accounts', 'add', ...server, '--only', 'incoming', '--password-stdin'], 'pw\n'],
  [['accounts', 'add', ...server, '--auth', 'oauth2', '--access-token-stdin'], 'token\n'],
  [['accounts', 'set-password', 'ann@example.test', '--smtp-password-stdin']],
  [['export']],
  [['export', 'ann@example.test']],
  [['export', 'ann@example.test', '--to', 'fax']],
  [['export', 'ann@example.test', '--to', 'gnome', '--output', 'x.txt']],
  [['token']],
  [['token', 'ann@example.test', 'extra']],
  [['discover']],
  [['discover', 'ann@example.test', 'bob@example.test']],
  [['discover', 'ann at example.test']],
  [['discover', 'ann@example']],
  [['check', '--frobnicate']],
  [['check', '--email']],
  [['discover', '--frobnicate']],
  [['accounts', 'list', '--verbose=yes']],
  [['export', 'nobody@example.test', '--to', 'msmtp']],
  [['token', 'nobody@example.test']],
  [['accounts', 'list'], '', 1, /Could not connect[^)]*/],
];

it.concurrent.each(errorPaths)('%j says nothing in plain English under en-XA', async (args, input = '', code = 2, quoted = /^$/) => {
  const result = await runCli(args, pseudo, input);
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(/^mail-setup( discover)?: \[/);
  expect(plainEnglish(result.stderr.replace(quoted, ''))).toEqual([]);
  // Several CLI processes start at once on a shared machine.
}, 60_000);

it('the check for plain English finds it (a run in English fails it)', async () => {
  const result = await runCli(['check', ...server, '--auth', 'kerberos'], { ...pseudo, LANGUAGE: '', LANG: 'C' });
  expect(plainEnglish(result.stderr)).toEqual(expect.arrayContaining(['must', 'be']));
});

it('a settings file from a newer version: its notice and the keychain error, both accented', async () => {
  const data = join(home, 'newer');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'settings.json'), JSON.stringify({ schemaVersion: 999, storeId: 'newer', accounts: [] }));
  const result = await runCli(['accounts', 'list'], { ...pseudo, MAIL_SETUP_DATA_DIR: data });
  expect(result.code).toBe(1);
  expect(result.stderr.split('\n').filter((line) => line !== '')).toHaveLength(2);
  expect(result.stderr).toContain('999');
  expect(plainEnglish(result.stderr.replace(/Could not connect[^)]*/, ''))).toEqual([]);
});
