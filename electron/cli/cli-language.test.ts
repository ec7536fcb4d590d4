// The CLI speaks the language of LANGUAGE, LC_ALL, LC_MESSAGES and LANG (gettext's order), and --json is the same in every one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';
import { requestedCliLocales } from './cli-language.ts';
import { runCli } from './test-support/spawn-cli.ts';

const alice = { user: 'alice@example.test', password: 'correct horse battery staple' };
let ca: TestCa;
let dovecot: Dovecot;

beforeAll(async () => {
  ca = await getTestCa();
  dovecot = await startDovecot({ users: [alice] });
});
afterAll(async () => {
  await dovecot?.stop();
});

/** The environment with only the given locale variables (the test runner's own are dropped). */
function env(locale: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: ca.caCert };
  for (const name of ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete base[name];
  return { ...base, ...locale };
}

const wrongPassword = () => ['check', '--email', alice.user, '--host', 'localhost', '--port', String(dovecot.tlsPort), '--security', 'tls', '--password-stdin'];

describe('which language', () => {
  it('follows gettext: LC_ALL over LC_MESSAGES over LANG, LANGUAGE first unless the locale is C', () => {
    expect(requestedCliLocales({ LANG: 'de_DE.UTF-8' })).toEqual(['de_DE.UTF-8']);
    expect(requestedCliLocales({ LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'de_DE.UTF-8' })).toEqual(['fr_FR.UTF-8']);
    expect(requestedCliLocales({ LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'de_DE.UTF-8' })).toEqual(['ru_RU.UTF-8']);
    expect(requestedCliLocales({ LANGUAGE: 'ja:de', LANG: 'de_DE.UTF-8' })).toEqual(['ja', 'de', 'de_DE.UTF-8']);
    expect(requestedCliLocales({ LANGUAGE: 'ja', LANG: 'C.UTF-8' })).toEqual([]);
    expect(requestedCliLocales({ LANG: 'POSIX' })).toEqual([]);
    expect(requestedCliLocales({})).toEqual([]);
  });
});

describe('mail-setup check against Dovecot, with a wrong password', () => {
  it('prints German for LANG=de_DE.UTF-8, English for LANG=C, and the same JSON for both', async () => {
    const [german, english, germanJson, englishJson, arabicJson] = await Promise.all([
      runCli(wrongPassword(), env({ LANG: 'de_DE.UTF-8' }), 'wrong\n'),
      runCli(wrongPassword(), env({ LANG: 'C' }), 'wrong\n'),
      runCli([...wrongPassword(), '--json'], env({ LANG: 'de_DE.UTF-8' }), 'wrong\n'),
      runCli([...wrongPassword(), '--json'], env({ LANG: 'C' }), 'wrong\n'),
      runCli([...wrongPassword(), '--json'], env({ LC_ALL: 'ar_EG.UTF-8' }), 'wrong\n'),
    ]);
    expect(german.code).toBe(1);
    expect(german.stdout).toContain('Fehlgeschlagen: wrong-credentials');
    expect(german.stdout).toContain('Der Server hat Benutzername oder Passwort abgelehnt.');
    expect(german.stdout).toContain('Was tun: Bei Passwörtern zählt die Groß- und Kleinschreibung');
    expect(german.stdout).not.toMatch(/[\u2066-\u2069]/);
    expect(english.stdout).toContain('Failed: wrong-credentials');
    expect(english.stdout).toContain('The server rejected the username or password.');
    // Step times differ between runs; everything else is byte for byte the same.
    const timeless = (json: string) => json.replace(/"ms": \d+/g, '"ms": 0');
    expect(timeless(germanJson.stdout)).toBe(timeless(englishJson.stdout));
    expect(timeless(arabicJson.stdout)).toBe(timeless(englishJson.stdout));
    expect(JSON.parse(germanJson.stdout).failure).toEqual(expect.objectContaining({ message: 'The server rejected the username or password.' }));
    expect(germanJson.stdout).not.toContain('"words"');
  });

  it('--help is headed in the language asked for, and LANGUAGE=ja:de is Japanese', async () => {
    const [japanese, posix] = await Promise.all([runCli(['--help'], env({ LANGUAGE: 'ja:de', LANG: 'de_DE.UTF-8' })), runCli(['--help'], env({ LANG: 'POSIX', LANGUAGE: 'ja' }))]);
    expect(japanese.stdout.split('\n')[0]).toBe('使い方:');
    expect(posix.stdout.split('\n')[0]).toBe('Usage:');
  });
});
