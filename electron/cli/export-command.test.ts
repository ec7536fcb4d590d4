// `mail-setup export` as a child process: a saved account (real Dovecot, real keyring) exported to files and the terminal, and every bad input refused without writing.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextLoopbackAddress, startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import { startKeyring, type Keyring } from '../../e2e/fixtures/keyring.ts';
import { CommandError, runCommand } from '../../e2e/fixtures/run-command.ts';
import { makeTempDir, type TempDir } from '../../e2e/fixtures/temp-dir.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';
import { handoffTargets } from '../../shared/handoff-targets.ts';
import { runCli } from './test-support/spawn-cli.ts';

const alice = { user: 'alice@example.test', password: 'alice "export" pässword' };

let keyring: Keyring;
let ca: TestCa;
let dovecot: Dovecot;
let data: TempDir;
let out: TempDir;

const env = () => ({ ...process.env, ...keyring.env, MAIL_SETUP_DATA_DIR: data.path, NODE_EXTRA_CA_CERTS: ca.caCert, MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress() });
const mailSetup = (...args: string[]) => runCli(args, env());

beforeAll(async () => {
  [keyring, ca, data, out] = await Promise.all([startKeyring(), getTestCa(), makeTempDir('mail-setup-export-data'), makeTempDir('mail-setup-export-out')]);
  dovecot = await startDovecot({ users: [alice] });
  const add = await runCli(
    ['accounts', 'add', '--email', alice.user, '--host', 'localhost', '--port', String(dovecot.tlsPort), '--security', 'tls', '--username', alice.user,
      '--smtp-host', 'localhost', '--smtp-port', String(dovecot.submissionPort), '--smtp-security', 'starttls', '--smtp-username', alice.user, '--password-stdin'],
    env(),
    `${alice.password}\n`,
  );
  expect(add.stderr).toBe('');
  expect(add.code).toBe(0);
});

afterAll(async () => {
  await Promise.all([keyring?.stop(), dovecot?.stop(), data?.remove(), out?.remove()]);
});

describe('mail-setup export', () => {
  it('prints a config whose keychain command finds the saved password (the documented service and account attributes)', async () => {
    const run = await mailSetup('export', alice.user, '--to', 'msmtp');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(alice.password);
    const command = /^passwordeval "(secret-tool lookup service mail-setup account '([^']+)')"$/m.exec(run.stdout);
    expect(command?.[2]).toMatch(/^alice@example\.test#[0-9a-f]{12}$/);
    const lookup = await runCommand('secret-tool', ['lookup', 'service', 'mail-setup', 'account', command?.[2] ?? ''], { env: { ...process.env, ...keyring.env } });
    expect(lookup.stdout).toBe(alice.password);
  });

  it('writes the QR code as a private PNG that decodes to the --json payload, without the password unless asked', async () => {
    const file = join(out.path, 'phone.png');
    const run = await mailSetup('export', alice.user, '--to', 'thunderbird-mobile', '--output', file, '--json');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { payload: unknown[]; text: string; containsPassword: boolean; output: string };
    expect(printed).toMatchObject({ containsPassword: false, output: file });
    expect(printed.payload[2]).toEqual([0, 'localhost', dovecot.tlsPort, 3, 1, alice.user]);
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600');
    const decoded = await runCommand('zbarimg', ['--raw', '-q', '-Sbinary', file]);
    expect(JSON.parse(decoded.stdout)).toEqual(printed.payload);
    expect(decoded.stdout).not.toContain(alice.password);

    const withPassword = await mailSetup('export', alice.user, '--to', 'thunderbird-mobile', '--include-password', '--json');
    const carrying = JSON.parse(withPassword.stdout) as { payload: unknown[][]; containsPassword: boolean };
    expect(carrying.containsPassword).toBe(true);
    expect(carrying.payload[2]).toEqual([0, 'localhost', dovecot.tlsPort, 3, 1, alice.user, '', alice.password]);
    expect(carrying.payload[3]).toEqual([[[0, 'localhost', dovecot.submissionPort, 2, 1, alice.user, alice.password], [alice.user, '']]]);
  });

  it('prints the QR code for a terminal by default, and writes an SVG for a .svg name', async () => {
    const run = await mailSetup('export', alice.user, '--to', 'thunderbird-mobile');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/[\u2580\u2584\u2588]/);
    expect(run.stderr).toMatch(/Scan QR code/);
    const svg = join(out.path, 'phone.svg');
    expect((await mailSetup('export', alice.user, '--to', 'thunderbird-mobile', '--output', svg)).code).toBe(0);
    expect(await readFile(svg, 'utf8')).toMatch(/^<svg /);
  });

  it('never replaces an existing file without --force, and replaces it whole with --force', async () => {
    const file = join(out.path, 'existing.conf');
    await writeFile(file, 'keep me\n');
    const refused = await mailSetup('export', alice.user, '--to', 'neomutt', '--output', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists; nothing was written \(add --force to replace it\)/);
    expect(await readFile(file, 'utf8')).toBe('keep me\n');
    const forced = await mailSetup('export', alice.user, '--to', 'neomutt', '--output', file, '--force');
    expect(forced.code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^# NeoMutt settings for alice@example\.test/);
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600');
  });

  it('writes the Apple profile with the password only when asked', async () => {
    const file = join(out.path, 'alice.mobileconfig');
    expect((await mailSetup('export', alice.user, '--to', 'apple', '--output', file)).code).toBe(0);
    expect(await readFile(file, 'utf8')).not.toContain('<key>IncomingPassword</key>');
    const withPassword = join(out.path, 'alice-with-password.mobileconfig');
    const run = await mailSetup('export', alice.user, '--to', 'apple', '--output', withPassword, '--include-password');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/holds the password/);
    const profile = parse(await readFile(withPassword, 'utf8')) as { PayloadContent: Record<string, unknown>[] };
    expect(profile.PayloadContent[0]).toMatchObject({ IncomingPassword: alice.password, OutgoingPassword: alice.password });
  });

  it('says its notes and the file it wrote in the language of LANG; the --json notes stay English', async () => {
    const german = { ...env(), LANG: 'de_DE.UTF-8', LANGUAGE: '', LC_ALL: '', LC_MESSAGES: '' };
    const file = join(out.path, 'de.msmtprc');
    const [msmtp, mbsync, json] = await Promise.all([
      runCli(['export', alice.user, '--to', 'msmtp', '--output', file], german),
      runCli(['export', alice.user, '--to', 'mbsync'], german),
      runCli(['export', alice.user, '--to', 'mbsync', '--json'], german),
    ]);
    expect(msmtp.stdout).toBe(`${file} gespeichert (nur für Sie lesbar).\n`);
    expect(msmtp.stderr).toBe('Hinweis: Speichern Sie sie als ~/.config/msmtp/config (oder ~/.msmtprc), nur für Sie lesbar (chmod 600).\n');
    expect(mbsync.stderr).toMatch(/^Hinweis: Speichern Sie sie als ~\/\.mbsyncrc, legen Sie den Ordner ~\/Mail\/(\S+)\/ an und führen Sie dann aus: mbsync \1\n$/);
    expect((JSON.parse(json.stdout) as { notes: string[] }).notes[0]).toMatch(/^Save it as ~\/\.mbsyncrc, create the folder/);
  });

  it.each(handoffTargets.filter((target) => target !== 'gnome'))('--to %s: every note is accented under en-XA (none left in English)', async (target) => {
    const run = await runCli(['export', alice.user, '--to', target, '--output', join(out.path, `xa-${target}${target === 'thunderbird-mobile' ? '.png' : ''}`)], { ...env(), LANGUAGE: 'en_XA', LANG: 'en_US.UTF-8', LC_ALL: '' });
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of [...lines, run.stdout]) expect(line).not.toMatch(/\b(the|and|you|your|with|from|it|is)\b/i);
  });

  it('refuses bad input with exit 2 and one line, writing nothing', async () => {
    const before = await readdir(out.path);
    const unknownTarget = await mailSetup('export', alice.user, '--to', 'outlook', '--output', join(out.path, 'x'));
    expect(unknownTarget.code).toBe(2);
    expect(unknownTarget.stderr).toBe(`mail-setup: unknown target "outlook"; the targets are: ${handoffTargets.join(', ')}\n`);
    const unknownAccount = await mailSetup('export', 'nobody@example.test', '--to', 'msmtp');
    expect(unknownAccount.code).toBe(2);
    expect(unknownAccount.stderr).toBe('mail-setup: No saved account nobody@example.test.\n');
    const passwordInConfig = await mailSetup('export', alice.user, '--to', 'msmtp', '--include-password');
    expect(passwordInConfig.code).toBe(2);
    expect(passwordInConfig.stderr).toMatch(/never holds the password/);
    const wrongImage = await mailSetup('export', alice.user, '--to', 'thunderbird-mobile', '--output', join(out.path, 'code.jpg'));
    expect(wrongImage.code).toBe(2);
    expect(wrongImage.stderr).toMatch(/\.png or \.svg/);
    for (const run of [unknownTarget, unknownAccount, passwordInConfig, wrongImage]) expect(run.stdout).toBe('');
    expect(await readdir(out.path)).toEqual(before);
  });

  it('says plainly when the output folder cannot be written, leaving nothing behind', async () => {
    const run = await mailSetup('export', alice.user, '--to', 'aerc', '--output', join(out.path, 'missing-folder', 'accounts.conf'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^mail-setup: Could not write .*accounts\.conf: its folder does not exist\. Nothing was written\.\n$/);
  });
});

describe('start-up of export and token', () => {
  // A module hook in the child logs every module it loads (in-thread and synchronous, so no line is
  // lost at exit): these commands must start like `discover`, without the IMAP and SMTP libraries,
  // the settings library or the keychain module.
  const register =
    "import { registerHooks } from 'node:module'; import { writeSync } from 'node:fs';" +
    "registerHooks({ load(url, context, next) { if (!url.startsWith('node:')) writeSync(2, 'LOADED ' + url + '\\n'); return next(url, context); } });";
  const bin = fileURLToPath(new URL('../../bin/mail-setup.js', import.meta.url));

  async function loadedBy(args: string[]): Promise<string[]> {
    const argv = ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, ...args];
    const stderr = await runCommand(process.execPath, argv, { env: env() }).then(
      (result) => result.stderr,
      (error: unknown) => (error instanceof CommandError ? error.stderr : Promise.reject(error)),
    );
    const lines = stderr.split('\n');
    // The command's own line on stderr (token of a password account refuses) is kept for the failure message.
    return lines.filter((line) => line.startsWith('LOADED ')).map((line) => line.slice('LOADED '.length)).concat(lines.filter((line) => line.startsWith('mail-setup:')));
  }

  it.each([
    [['export', alice.user, '--to', 'msmtp']],
    [['export', alice.user, '--to', 'thunderbird-mobile', '--json']],
    [['token', alice.user]],
  ])('mail-setup %j loads no IMAP, SMTP, settings or keychain library', async (args) => {
    const loaded = await loadedBy(args);
    expect(loaded.some((url) => url.includes('/.vite/cli/') || url.includes('/electron/cli/')), loaded.join('\n')).toBe(true);
    expect(loaded.filter((url) => /node_modules\/(imapflow|nodemailer|conf|keytar|electron-store)\//.test(url))).toEqual([]);
  });
});
