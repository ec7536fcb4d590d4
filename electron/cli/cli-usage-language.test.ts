// Bad usage and the password prompt's errors in the user's language, as real `mail-setup` processes; --json the same in every one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './test-support/spawn-cli.ts';

const home = mkdtempSync(join(tmpdir(), 'cli-usage-language-'));

/** The environment with only the given locale variables (the test runner's own are dropped); no keychain or network is reached. */
function env(locale: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, HOME: home, MAIL_SETUP_DATA_DIR: join(home, 'data') };
  for (const name of ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete base[name];
  return { ...base, ...locale };
}

/** A server given by hand, so that no run looks anything up. */
const server = ['--email', 'ann@example.test', '--host', 'mail.example.test', '--port', '993', '--security', 'tls'];

const german = env({ LANG: 'de_DE.UTF-8' });
const english = env({ LANG: 'C' });

describe('a bad command line says what is wrong in the language of LANG', () => {
  it('--port -1: German for de_DE.UTF-8, English for C, exit 2 in both', async () => {
    const args = ['check', '--email', 'ann@example.test', '--port', '-1'];
    const [de, c] = await Promise.all([runCli(args, german), runCli(args, english)]);
    expect(de).toMatchObject({ code: 2, stdout: '', stderr: 'mail-setup: --port muss eine Zahl von 1 bis 65535 sein\n' });
    expect(c).toMatchObject({ code: 2, stdout: '', stderr: 'mail-setup: --port must be a number from 1 to 65535\n' });
  });

  it('no password on a pipe without --password-stdin: German advice, and nothing is asked', async () => {
    const [de, c] = await Promise.all([runCli(['check', ...server], german, 'typed\n'), runCli(['check', ...server], english, 'typed\n')]);
    expect(de.code).toBe(2);
    expect(de.stderr).toBe('mail-setup: kein Passwort: Übergeben Sie es über stdin mit --password-stdin, oder starten Sie den Befehl in einem Terminal\n');
    expect(c.stderr).toBe('mail-setup: no password: pass it on stdin with --password-stdin, or run in a terminal\n');
  });

  // util-linux `script` gives the CLI a terminal, so it asks instead of refusing.
  it.skipIf(spawnSync('script', ['--version']).error !== undefined)('on a terminal the no-echo prompt asks in German', () => {
    const bin = fileURLToPath(new URL('../../bin/mail-setup.js', import.meta.url));
    const command = [process.execPath, bin, 'check', ...server.slice(0, 2), '--host', '127.0.0.1', '--port', '1', '--security', 'tls', '--timeout', '2'].join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { env: german, input: 'typed\n', encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toContain('Passwort: ');
    expect(run.stdout).not.toContain('Password:');
  });

  it('an empty password and an unknown export target, in Japanese', async () => {
    const ja = env({ LANG: 'ja_JP.UTF-8' });
    const [empty, target] = await Promise.all([runCli(['check', ...server, '--password-stdin'], ja, '\n'), runCli(['export', 'ann@example.test', '--to', 'fax'], ja)]);
    expect(empty).toMatchObject({ code: 2, stderr: 'mail-setup: パスワードが空です\n' });
    expect(target.code).toBe(2);
    expect(target.stderr).toMatch(/^mail-setup: 不明な出力先です: "fax"。指定できる出力先: thunderbird-mobile, apple, gnome, /);
  });

  it('the values a person typed stay as typed inside a translation (quoted, no isolation marks)', async () => {
    const result = await runCli(['check', '--email', 'not-an-address'], env({ LC_ALL: 'ar_EG.UTF-8' }));
    expect(result).toMatchObject({ code: 2, stderr: 'mail-setup: --email "not-an-address": ليس عنوان بريد إلكتروني\n' });
  });
});

describe('--json: usage errors are the same bytes in every language', () => {
  const cases = [
    ['check', '--email', 'ann@example.test', '--port', '-1', '--json'],
    ['check', ...server, '--json'],
    ['check', ...server, '--auth', 'kerberos', '--json'],
    ['accounts', 'frobnicate', '--json'],
    ['check', '--frobnicate', '--json'],
    ['export', 'ann@example.test', '--to', 'fax', '--json'],
  ];
  const locales = [{ LANG: 'C' }, { LANG: 'de_DE.UTF-8' }, { LANG: 'ja_JP.UTF-8' }, { LC_ALL: 'ar_EG.UTF-8' }, { LANGUAGE: 'en_XA', LANG: 'en_US.UTF-8' }];

  it.each(cases)('%s %s …', async (...args) => {
    const runs = await Promise.all(locales.map((locale) => runCli(args, env(locale))));
    const [reference] = runs as [CliResult];
    expect(reference.code).toBe(2);
    expect(reference.stderr).toMatch(/^mail-setup: [\x20-\x7e]+\n$/);
    for (const run of runs) expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: reference.code, stdout: reference.stdout, stderr: reference.stderr });
  }, 60_000);
});
