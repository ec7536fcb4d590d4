// `mail-setup accounts …` as a child process on real faulty storage, after a killed lock holder, and against a server that goes away after OK:
// `--json` always one document, exit 1 with the folder and the cause named, nothing sent in vain, nothing lost.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { imapScript, ordinaryCapabilities, startScriptedPeer, type ScriptedPeer } from '../../e2e/fixtures/scripted-imap-peer.ts';
import { startKeyring, type Keyring } from '../../e2e/fixtures/keyring.ts';
import { makeTempDir, type TempDir } from '../../e2e/fixtures/temp-dir.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';
import { openConfSettingsStore } from '../adapters/conf-settings-store.ts';
import { settingsSchemaVersion, type StoredAccount } from '../services/accounts/settings-schema.ts';
import { canMount, fillUp, mountSkipReason, readOnly, smallDisk, type Mounted } from '../services/accounts/test-support/fault-mounts.ts';
import { keychainAccountName } from '../services/secrets/secret-store.ts';
import { reportCliError } from './cli-errors.ts';
import { plainEnglish } from './test-support/plain-english.ts';
import { runCli } from './test-support/spawn-cli.ts';

const storeId = 'fa0175fa0175';
const password = 'correct horse';
let keyring: Keyring;
let ca: TestCa;
let ok: ScriptedPeer;
let restarting: ScriptedPeer;
const dirs: TempDir[] = [];
const undo: Mounted[] = [];

beforeAll(async () => {
  [keyring, ca] = await Promise.all([startKeyring(), getTestCa()]);
  const accepting = (after?: readonly string[]) =>
    startScriptedPeer({ script: imapScript({ capabilities: ordinaryCapabilities, signIn: { kind: 'refuse', response: 'OK Logged in', ...(after ? { after, close: true } : {}) } }), tls: ca.trusted });
  [ok, restarting] = await Promise.all([accepting(), accepting(['* BYE Server shutting down.'])]);
});
afterEach(() => {
  for (const mounted of undo.splice(0).reverse()) mounted.undo();
});
afterAll(async () => {
  await Promise.all([ok?.stop(), restarting?.stop(), keyring?.stop(), ...dirs.map((dir) => dir.remove())]);
});

async function dataDir(): Promise<string> {
  const dir = await makeTempDir('mail-setup-cli-faults');
  dirs.push(dir);
  return dir.path;
}

const env = (data: string) => ({ ...process.env, ...keyring.env, MAIL_SETUP_DATA_DIR: data, NODE_EXTRA_CA_CERTS: ca.caCert });
const cli = (args: readonly string[], data: string, input = '') => runCli(['accounts', ...args], env(data), input);
/** The same in German (a glibc LANG) or in the accented pseudo-locale, whatever the test run's own locale. */
const inLanguage = (language: 'de' | 'en-XA', args: readonly string[], data: string, input = '') =>
  runCli(['accounts', ...args], { ...env(data), LC_ALL: '', LC_MESSAGES: '', ...(language === 'de' ? { LANGUAGE: '', LANG: 'de_DE.UTF-8' } : { LANGUAGE: 'en_XA', LANG: 'en_US.UTF-8' }) }, input);
const serverFlags = (email: string, peer: ScriptedPeer) => ['--email', email, '--host', '127.0.0.1', '--port', String(peer.port), '--security', 'tls'];

function account(email: string, peer: ScriptedPeer): StoredAccount {
  return {
    email, displayName: '', host: '127.0.0.1', port: peer.port, security: 'tls', username: email, protocol: 'imap', authKind: 'password', allowInsecure: false,
    lastCheckedAt: '2026-01-01T00:00:00.000Z', lastFailureCategory: null, trustedCertificates: [], outgoing: null,
  };
}

async function savedAccount(data: string, email: string, peer: ScriptedPeer = ok): Promise<string> {
  const settings = openConfSettingsStore(data);
  settings.write({ storeId, accounts: [account(email, peer)] });
  await keyring.storeSecret('mail-setup', keychainAccountName(storeId, email), password);
  return settings.path;
}

const secretOf = async (email: string) => (await keyring.listSecrets()).find((item) => item.account === keychainAccountName(storeId, email))?.secret;

/** Exit 1, exactly one JSON document on stdout (the error), and one line on stderr that names `place`. */
function expectStorageRefusal(result: { code: number | null; stdout: string; stderr: string }, reason: string, place: string): void {
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout)).toEqual({ ok: false, error: { code: 'storage-unavailable', reason, message: expect.stringContaining(place) } });
  // The error is the last line (a notice about the file may come before it).
  expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^mail-setup: .*${place.replace(/[.]/g, '\\.')}`));
  expect(result.stderr).not.toContain(password);
}

describe.skipIf(!canMount)(`the CLI on real faulty storage (${mountSkipReason})`, () => {
  it('a full disk: add --json refuses before the password leaves, one JSON document naming the folder and ENOSPC; remove and set-password keep everything', async () => {
    const disk = await smallDisk();
    undo.push(disk);
    const path = await savedAccount(disk.data, 'kept@example.test');
    const text = await readFile(path, 'utf8');
    fillUp(disk.path);
    const before = ok.credentials.length;
    const added = await cli(['add', ...serverFlags('new@example.test', ok), '--password-stdin', '--json'], disk.data, `${password}\n`);
    expectStorageRefusal(added, 'disk-full', disk.data);
    expect(added.stderr).toMatch(/the disk is full \(ENOSPC\)\. Nothing was sent to the server and nothing was saved\./);
    // Said in the user's language, --json or not the same refusal; the document stays English.
    const german = await inLanguage('de', ['add', ...serverFlags('new@example.test', ok), '--password-stdin'], disk.data, `${password}\n`);
    expect(german.code).toBe(1);
    expect(german.stderr).toBe(
      `mail-setup: Die gespeicherten Konten konnten in ${disk.data} nicht geschrieben werden: der Datenträger ist voll (ENOSPC). Es wurde nichts an den Server gesendet und nichts gespeichert. Schaffen Sie auf diesem Datenträger etwas Platz und versuchen Sie es dann erneut.\n`,
    );
    const germanJson = await inLanguage('de', ['add', ...serverFlags('new@example.test', ok), '--password-stdin', '--json'], disk.data, `${password}\n`);
    expect(germanJson.stdout).toBe(added.stdout);
    const pseudo = await inLanguage('en-XA', ['remove', 'kept@example.test'], disk.data);
    expect(pseudo.code).toBe(1);
    expect(pseudo.stderr).toContain(disk.data);
    expect(plainEnglish(pseudo.stderr)).toEqual([]);
    expectStorageRefusal(await cli(['remove', 'kept@example.test', '--json'], disk.data), 'disk-full', disk.data);
    expectStorageRefusal(await cli(['set-password', 'kept@example.test', '--password-stdin', '--json'], disk.data, 'another\n'), 'disk-full', disk.data);
    expect(ok.credentials.length).toBe(before);
    expect(await secretOf('kept@example.test')).toBe(password);
    expect(await readFile(path, 'utf8')).toBe(text);
    const listed = await cli(['list', '--json'], disk.data);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ email: 'kept@example.test', hasPassword: true, status: 'ok' }]);
  }, 90_000);

  it('a read-only data folder: list works and says the list is read-only now; add --json is refused before sending', async () => {
    const disk = await smallDisk({ size: '1m' });
    undo.push(disk);
    await savedAccount(disk.data, 'ro@example.test');
    undo.push(readOnly(disk.data));
    const listed = await cli(['list', '--json'], disk.data);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ email: 'ro@example.test', hasPassword: true }]);
    expect(listed.stderr).toMatch(new RegExp(`^mail-setup: The saved accounts are shown read-only for now\\. Could not (lock|write) the saved accounts in ${disk.data}: the file system is read-only \\(EROFS\\)\\.`));
    const german = await inLanguage('de', ['list'], disk.data);
    expect(german.code).toBe(0);
    expect(german.stdout).toMatch(/^ro@example\.test/);
    expect(german.stderr).toMatch(
      new RegExp(
        `^mail-setup: Die gespeicherten Konten werden vorerst nur angezeigt und können nicht geändert werden\\. Die gespeicherten Konten (in ${disk.data} konnten nicht für diesen Vorgang gesperrt|konnten in ${disk.data} nicht geschrieben) werden: das Dateisystem ist schreibgeschützt \\(EROFS\\)\\. (Es wurde nichts geändert\\. )?Dieses Dateisystem ist schreibgeschützt eingehängt: .*MAIL_SETUP_DATA_DIR.*\n$`,
      ),
    );
    const germanAdd = await inLanguage('de', ['add', ...serverFlags('new@example.test', ok), '--password-stdin'], disk.data, `${password}\n`);
    expect(germanAdd.code).toBe(1);
    expect(germanAdd.stderr).toContain('das Dateisystem ist schreibgeschützt (EROFS). Es wurde nichts an den Server gesendet und nichts gespeichert.');
    for (const args of [['list'], ['add', ...serverFlags('new@example.test', ok), '--password-stdin']]) {
      const pseudo = await inLanguage('en-XA', args, disk.data, `${password}\n`);
      expect(pseudo.stderr).toContain(disk.data);
      expect(plainEnglish(pseudo.stderr)).toEqual([]);
    }
    const before = ok.credentials.length;
    expectStorageRefusal(await cli(['add', ...serverFlags('new@example.test', ok), '--password-stdin', '--json'], disk.data, `${password}\n`), 'read-only', disk.data);
    expect(ok.credentials.length).toBe(before);
  }, 90_000);

  it('a folder out of inodes: list works read-only; set-password sends nothing and keeps the old password', async () => {
    const disk = await smallDisk({ size: '1m', inodes: 64 });
    undo.push(disk);
    await savedAccount(disk.data, 'inodes@example.test');
    fillUp(disk.path, 'inodes');
    const listed = await cli(['list'], disk.data);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^inodes@example\.test/);
    expect(listed.stderr).toMatch(/read-only for now.*no free inodes \(ENOSPC\)/);
    const before = ok.credentials.length;
    expectStorageRefusal(await cli(['set-password', 'inodes@example.test', '--password-stdin', '--json'], disk.data, 'another\n'), 'disk-full', disk.data);
    expect(ok.credentials.length).toBe(before);
    expect(await secretOf('inodes@example.test')).toBe(password);
  });
});

describe('the CLI with a settings file from a newer version', () => {
  it('lists what it can read, refuses to change anything naming the newer version, and leaves the file exactly as it was', async () => {
    const data = await dataDir();
    const newer = JSON.stringify({ schemaVersion: settingsSchemaVersion + 1, storeId, accounts: [{ ...account('future@example.test', ok), protocol: 'imap' }] });
    await writeFile(join(data, 'settings.json'), newer);
    await keyring.storeSecret('mail-setup', keychainAccountName(storeId, 'future@example.test'), password);
    const listed = await cli(['list', '--json'], data);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ email: 'future@example.test', hasPassword: true }]);
    expect(listed.stderr).toMatch(/newer version of Mail Setup .*left as it is/);
    const before = ok.credentials.length;
    const removed = await cli(['remove', 'future@example.test', '--json'], data);
    expectStorageRefusal(removed, 'newer-version', join(data, 'settings.json'));
    expect(removed.stderr).toMatch(new RegExp(`settings version ${settingsSchemaVersion + 1}`));
    expectStorageRefusal(await cli(['add', ...serverFlags('other@example.test', ok), '--password-stdin', '--json'], data, `${password}\n`), 'newer-version', data);
    expect(ok.credentials.length).toBe(before);
    expect(await readFile(join(data, 'settings.json'), 'utf8')).toBe(newer);
    expect(await secretOf('future@example.test')).toBe(password);
  });
});

describe('the CLI after a process was killed holding the lock', () => {
  it('says that it waits for another Mail Setup process, then takes the stale lock and answers', async () => {
    const data = await dataDir();
    await savedAccount(data, 'waits@example.test');
    // A real holder: a Mail Setup process that takes the saved accounts' lock, and is then killed with -9.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createStoreLock } from './electron/services/accounts/store-lock.ts'; void createStoreLock(${JSON.stringify(data)}).run(() => { console.log('locked'); return new Promise(() => {}); }); setInterval(() => {}, 1000);`,
      ],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const started = Date.now();
    const listed = await cli(['list', '--json'], data);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ email: 'waits@example.test' }]);
    expect(listed.stderr).toBe(`mail-setup: waiting for another Mail Setup process, which was stopped, to release the saved accounts (lock ${join(data, 'settings.json.lock')}); its lock is taken over once stale, within 10 s…\n`);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});

describe('the CLI against a server that accepts the sign-in and then says BYE', () => {
  it('retest reports server-unavailable, and the account does not turn to "needs password"', async () => {
    const data = await dataDir();
    await savedAccount(data, 'restart@example.test', restarting);
    const retest = await cli(['retest', 'restart@example.test', '--json'], data);
    expect(retest.code).toBe(1);
    expect(JSON.parse(retest.stdout).failure).toMatchObject({ category: 'server-unavailable', serverText: 'Server shutting down.' });
    const human = await cli(['retest', 'restart@example.test'], data);
    expect(human.stdout).not.toMatch(/password no longer works|set-password/);
    expect(JSON.parse((await cli(['list', '--json'], data)).stdout)).toMatchObject([{ hasPassword: true, status: 'failing', lastFailureCategory: 'server-unavailable' }]);
  });
});

describe('an unexpected error', () => {
  it('leaves a line for support (the kind and where), never the error text, and --json one document', async () => {
    let caught: unknown;
    try {
      // A real fault in real code: text that is not JSON; the parser quotes it in its message.
      JSON.parse(`{"password": "${password}"`);
    } catch (error) {
      caught = error;
    }
    let stdout = '';
    let stderr = '';
    const sink = (add: (text: string) => void) => new Writable({ write: (chunk: Buffer, _encoding, done) => (add(chunk.toString()), done()) });
    const status = reportCliError(caught, ['accounts', 'list', '--json'], {
      stdin: process.stdin,
      stdout: sink((text) => (stdout += text)),
      stderr: sink((text) => (stderr += text)),
      env: {},
    });
    expect(status).toBe(1);
    const document = JSON.parse(stdout);
    expect(document).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String), support: expect.stringMatching(/^SyntaxError at .*\(accounts-faults\.test\.ts:\d+:\d+\) in "mail-setup accounts list"; Mail Setup \S+, Node v\d+/) } });
    expect(stderr).toBe(`mail-setup: ${document.error.message}\nmail-setup: for support: ${document.error.support}\n`);
    expect(stdout + stderr).not.toContain(password);
  });
});
