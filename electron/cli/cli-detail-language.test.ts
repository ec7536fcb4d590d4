// A real `mail-setup check` against a server that says BYE after the sign-in: the step's detail in German for LANG=de_DE.UTF-8, the same --json in every language.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imapScript, ordinaryCapabilities, startScriptedPeer, type ScriptedPeer } from '../../e2e/fixtures/scripted-imap-peer.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';
import { runCli } from './test-support/spawn-cli.ts';

const home = mkdtempSync(join(tmpdir(), 'cli-detail-language-'));
let ca: TestCa;
let peer: ScriptedPeer;

beforeAll(async () => {
  ca = await getTestCa();
  const script = imapScript({ capabilities: ordinaryCapabilities, signIn: { kind: 'refuse', response: 'OK Logged in', after: ['* BYE Server shutting down.'], close: true } });
  peer = await startScriptedPeer({ script, tls: ca.trusted });
});

afterAll(async () => {
  await peer?.stop();
});

/** The environment with only the given locale variables, trusting the test CA. */
function env(locale: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, HOME: home, MAIL_SETUP_DATA_DIR: join(home, 'data'), NODE_EXTRA_CA_CERTS: ca.caCert };
  for (const name of ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete base[name];
  return { ...base, ...locale };
}

const check = (extra: readonly string[] = []) => ['check', '--email', 'ann@example.test', '--host', 'localhost', '--port', String(peer.port), '--security', 'tls', '--password-stdin', ...extra];

/** Step times differ from run to run; everything else must be the same bytes. */
const withoutTimes = (text: string) => text.replace(/"ms": \d+/g, '"ms": 0');

describe('mail-setup check: the technical detail of a failed step follows LANG', () => {
  it('LANG=de_DE.UTF-8 prints the BYE after the sign-in in German; LANG=C in English', async () => {
    const [de, c] = await Promise.all([runCli(check(), env({ LANG: 'de_DE.UTF-8' }), 'pw\n'), runCli(check(), env({ LANG: 'C' }), 'pw\n')]);
    expect(de.code).toBe(1);
    expect(de.stdout).toMatch(/✗ inbox +\d+ ms {2}Der Server hat die Anmeldung angenommen und dann die Sitzung beendet \(BYE\)\.\n/);
    expect(de.stdout).not.toContain('The server accepted the sign-in');
    // The passed steps' sentences too; the address, the port and the mechanism stay as they are.
    expect(de.stdout).toMatch(/✓ connect +\d+ ms {2}Verbunden mit 127\.0\.0\.1, Port \d+\n/);
    expect(de.stdout).toMatch(/✓ authenticate +\d+ ms {2}Angemeldet als ann@example\.test mit [A-Z0-9-]+ \(angeboten: /);
    // The greeting's labels too; the capability and mechanism names stay as the server sent them.
    expect(de.stdout).toMatch(/✓ greeting +\d+ ms {2}.+ · Fähigkeiten: IMAP4rev1 [^·]+ · Anmeldeverfahren: [A-Z0-9, -]+\n/);
    expect(de.stdout).not.toMatch(/Connected to|Signed in as|certificate for|capabilities:|sign-in methods:/);
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(/✗ inbox +\d+ ms {2}The server accepted the sign-in, then ended the session \(BYE\)\.\n/);
    expect(c.stdout).toMatch(/✓ greeting +\d+ ms {2}.+ · capabilities: IMAP4rev1 [^·]+ · sign-in methods: [A-Z0-9, -]+\n/);
  });

  it('--json: the English detail, no words, and the same bytes under German and C', async () => {
    const [de, c] = await Promise.all([runCli(check(['--json']), env({ LANG: 'de_DE.UTF-8' }), 'pw\n'), runCli(check(['--json']), env({ LANG: 'C' }), 'pw\n')]);
    expect(de.stdout).toContain('"detail": "The server accepted the sign-in, then ended the session (BYE)."');
    expect(de.stdout).not.toContain('"words"');
    expect(withoutTimes(de.stdout)).toBe(withoutTimes(c.stdout));
  });
});
