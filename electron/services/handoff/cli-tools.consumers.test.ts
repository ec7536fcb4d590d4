// The command-line configs against the real programs: msmtp sends through Dovecot's submission, mbsync copies the INBOX, aerc signs in, NeoMutt reads its config — each with the password from the real keyring.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../e2e/fixtures/dovecot.ts';
import { startKeyring, type Keyring } from '../../../e2e/fixtures/keyring.ts';
import { killProcessTree } from '../../../e2e/fixtures/kill-process-tree.ts';
import { runCommand } from '../../../e2e/fixtures/run-command.ts';
import { getTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { makeTempDir, type TempDir } from '../../../e2e/fixtures/temp-dir.ts';
import type { Security } from '../../../shared/server-settings.ts';
import { keychainAccountName, keychainService } from '../secrets/secret-store.ts';
import { writeAerc } from './aerc-writer.ts';
import { writeMbsync } from './mbsync-writer.ts';
import { writeMsmtp } from './msmtp-writer.ts';
import { writeNeomutt } from './neomutt-writer.ts';
import { handoffAccount, testStoreId } from './test-support/saved-accounts.ts';

// Spaces, quotes, a backslash, a dollar and non-ASCII: everything a shell or config quoting could break.
const alice = { user: 'alice@example.test', password: `pä ss "wörd" \\ $HOME 'x'` };
const options = { platform: 'linux' as const, tokenCommand: 'mail-setup token alice@example.test' };

let ca: TestCa;
let server: Dovecot;
let keyring: Keyring;
let home: TempDir;

beforeAll(async () => {
  [ca, server, keyring, home] = await Promise.all([getTestCa(), startDovecot({ users: [alice] }), startKeyring(), makeTempDir('mail-setup-handoff-home')]);
  await keyring.storeSecret(keychainService, keychainAccountName(testStoreId, alice.user), alice.password);
});

afterAll(async () => {
  await Promise.all([server?.stop(), keyring?.stop(), home?.remove()]);
});

/** Alice's account on the test server, reached as `localhost` (a name the test certificate carries). */
function account(incoming: Security, outgoing: Security) {
  return handoffAccount(
    { email: alice.user, displayName: 'Alice Example', username: alice.user, host: 'localhost', port: incoming === 'tls' ? server.tlsPort : server.starttlsPort, security: incoming },
    { host: 'localhost', port: outgoing === 'tls' ? server.submissionsPort : server.submissionPort, security: outgoing, username: alice.user },
  );
}

/** The programs run with the test keyring's session bus and a private HOME. */
const env = () => ({ ...process.env, ...keyring.env, HOME: home.path });

async function privateFile(name: string, text: string): Promise<string> {
  const path = join(home.path, name);
  await writeFile(path, text, { mode: 0o600 });
  return path;
}

/** Every message file in a Maildir folder (new and cur). */
async function maildirMessages(folder: string): Promise<string[]> {
  const texts: string[] = [];
  for (const sub of ['new', 'cur']) {
    const names = await readdir(join(folder, sub)).catch(() => [] as string[]);
    for (const name of names) texts.push(await readFile(join(folder, sub, name), 'utf8'));
  }
  return texts;
}

async function waitForInbox(subject: string): Promise<void> {
  const inbox = join(server.home(alice.user), 'Maildir');
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await maildirMessages(inbox)).some((text) => text.includes(subject))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`"${subject}" never reached the INBOX`);
}

describe.each([
  ['tls', 'tls'],
  ['starttls', 'starttls'],
] as const)('incoming %s, outgoing %s', (incoming, outgoing) => {
  const subject = `Hand-off test ${incoming} ${Date.now()}`;

  it('msmtp sends a message through submission with the password from the keyring, and it arrives', async () => {
    const written = writeMsmtp(account(incoming, outgoing), options);
    expect(written.text).not.toContain(alice.password);
    // The only change a test makes: trust the test CA (a real server's certificate needs none).
    const config = await privateFile(`msmtprc-${incoming}`, `defaults\ntls_trust_file ${ca.caCert}\n\n${written.text}`);
    const message = `From: Alice <${alice.user}>\nTo: ${alice.user}\nSubject: ${subject}\n\nSent by msmtp with Mail Setup's config.\n`;
    await runCommand('msmtp', ['-C', config, '-a', alice.user, alice.user], { input: message, env: env() });
    await waitForInbox(subject);
  });

  it('mbsync copies the INBOX into a Maildir with the password from the keyring', async () => {
    const written = writeMbsync(account(incoming, outgoing), options);
    expect(written.text).not.toContain(alice.password);
    const text = written.text.replace(/^(SSLType .*)$/m, `$1\nCertificateFile ${ca.caCert}`);
    const config = await privateFile(`mbsyncrc-${incoming}`, text);
    await mkdir(join(home.path, 'Mail', alice.user), { recursive: true });
    await runCommand('mbsync', ['-c', config, alice.user], { env: env() });
    const copied = await maildirMessages(join(home.path, 'Mail', alice.user, 'INBOX'));
    expect(copied.some((message) => message.includes(subject))).toBe(true);
  });
});

describe('NeoMutt', () => {
  const query = async (config: string, variable: string) => (await runCommand('neomutt', ['-n', '-F', config, '-Q', variable], { env: env() })).stdout.trim();
  const muttQuoted = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

  it('reads the config, taking both passwords from the keyring', async () => {
    const written = writeNeomutt(account('tls', 'starttls'), options);
    expect(written.text).not.toContain(alice.password);
    const config = await privateFile('neomuttrc', written.text);
    expect(await query(config, 'imap_pass')).toBe(`set imap_pass = ${muttQuoted(alice.password)}`);
    expect(await query(config, 'smtp_pass')).toBe(`set smtp_pass = ${muttQuoted(alice.password)}`);
    expect(await query(config, 'folder')).toBe(`set folder = "imaps://localhost:${server.tlsPort}/"`);
    expect(await query(config, 'smtp_url')).toBe(`set smtp_url = "smtp://alice%40example.test@localhost:${server.submissionPort}/"`);
    expect(await query(config, 'imap_user')).toBe(`set imap_user = "${alice.user}"`);
    expect(await query(config, 'ssl_force_tls')).toBe('set ssl_force_tls = yes');
  });

  it.each(['tls', 'starttls'] as const)('signs in to IMAP (%s) with the password from the keyring', async (security) => {
    const written = writeNeomutt(account(security, 'starttls'), options);
    // The only change a test makes: trust the test CA.
    const config = await privateFile(`neomuttrc-${security}`, `${written.text}set ssl_ca_certificates_file = "${ca.caCert}"\n`);
    await signsIn(`neomutt -n -F ${config}`, {});
  });
});

/**
 * Runs a terminal mail program in a pseudo-terminal (script(1)) until Dovecot logs its IMAP
 * sign-in, which proves the config parsed, the keychain command ran, and the URL, security and
 * password were right. Neither aerc nor NeoMutt has a command that only checks a config.
 */
async function signsIn(command: string, extraEnv: NodeJS.ProcessEnv): Promise<void> {
  const before = (await server.readLog()).length;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...env(), TERM: 'xterm', ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
  try {
    let signedIn = false;
    for (let attempt = 0; attempt < 150 && !signedIn; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      signedIn = /imap-login: Info: Login: user=<alice@example\.test>, method=PLAIN.*TLS/.test((await server.readLog()).slice(before));
    }
    // eslint-disable-next-line no-control-regex -- removing the terminal's escape sequences is the point
    expect(signedIn, `${command} did not sign in; it showed: ${screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ' ').slice(0, 500)}`).toBe(true);
  } finally {
    killProcessTree(child);
  }
}

describe('aerc 0.14', () => {
  it('loads accounts.conf, reads the password from the keyring and signs in to IMAP', async () => {
    const written = writeAerc(account('tls', 'tls'), options);
    expect(written.text).not.toContain(alice.password);
    const configDir = join(home.path, 'aerc-config');
    await mkdir(join(configDir, 'aerc'), { recursive: true });
    await writeFile(join(configDir, 'aerc', 'accounts.conf'), written.text, { mode: 0o600 });
    // Go's TLS takes extra roots from SSL_CERT_FILE: the test CA, as tls_trust_file does for msmtp.
    await signsIn('aerc', { XDG_CONFIG_HOME: configDir, SSL_CERT_FILE: ca.caCert });
  });
});
