// `mail-setup export EMAIL --to gnome` as a child process: a saved account (real Dovecot, real keyring) registered with the real goa-daemon.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextLoopbackAddress, startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import { goaMissingReason, startGoaSession, type GoaSession } from '../../e2e/fixtures/goa.ts';
import { startKeyring, type Keyring } from '../../e2e/fixtures/keyring.ts';
import { makeTempDir, type TempDir } from '../../e2e/fixtures/temp-dir.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';
import { runCli } from './test-support/spawn-cli.ts';

const alice = { user: 'alice@example.test', password: 'alice "gnome" pässword' };
const missing = goaMissingReason();
if (missing !== null) console.warn(`mail-setup export --to gnome tests skipped: ${missing}`);

describe.skipIf(missing !== null)('mail-setup export --to gnome', () => {
  let goa: GoaSession;
  let plainBus: Keyring;
  let ca: TestCa;
  let dovecot: Dovecot;
  let data: TempDir;
  const env = (bus: Keyring) => ({
    ...process.env,
    ...bus.env,
    MAIL_SETUP_DATA_DIR: data.path,
    NODE_EXTRA_CA_CERTS: ca.caCert,
    MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress(),
  });

  const addAlice = async () => {
    const add = await runCli(
      ['accounts', 'add', '--email', alice.user, '--host', dovecot.host, '--port', String(dovecot.tlsPort), '--security', 'tls', '--username', alice.user,
        '--smtp-host', dovecot.host, '--smtp-port', String(dovecot.submissionsPort), '--smtp-security', 'tls', '--smtp-username', alice.user, '--password-stdin'],
      env(goa.keyring),
      `${alice.password}\n`,
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
  };
  const goaAccounts = async () => (await goa.accountsConf()).match(/^\[Account /gm)?.length ?? 0;
  const savedEmails = async () => (JSON.parse((await runCli(['accounts', 'list', '--json'], env(goa.keyring))).stdout) as { email: string }[]).map((account) => account.email);

  beforeAll(async () => {
    [goa, plainBus, ca, data] = await Promise.all([startGoaSession(), startKeyring(), getTestCa(), makeTempDir('mail-setup-export-gnome')]);
    dovecot = await startDovecot({ users: [alice] });
    await addAlice();
  });
  afterAll(async () => {
    await Promise.all([goa?.stop(), plainBus?.stop(), dovecot?.stop(), data?.remove()]);
  });

  it('registers the saved account with the password from the keychain, and prints what was registered', async () => {
    const result = await runCli(['export', alice.user, '--to', 'gnome', '--json'], env(goa.keyring));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { target: string; registered: Record<string, unknown> };
    expect(printed).toMatchObject({
      target: 'gnome',
      registered: { email: alice.user, updated: false, imapHost: `127.0.0.1:${dovecot.tlsPort}`, smtpHost: `127.0.0.1:${dovecot.submissionsPort}`, passwordsVerified: true },
    });
    expect(result.stdout).not.toContain(alice.password);
    const stored = await goa.storedCredentials(String(printed.registered['accountId']));
    expect(stored).toContain(alice.password);
  });

  it('updates GOA\'s account the second time instead of adding another, in a plain line without --json', async () => {
    const result = await runCli(['export', alice.user, '--to', 'gnome'], env(goa.keyring));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Updated ${alice.user} in GNOME Online Accounts.\n`);
    expect(await goaAccounts()).toBe(1);
  });

  it('remembers the GNOME copy: accounts set-password hands the new password to GOA too', async () => {
    const listed = await runCli(['accounts', 'list', '--json'], env(goa.keyring));
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ email: alice.user, copies: ['gnome'] })]);
    await dovecot.setPassword(alice.user, 'a changed password');
    const changed = await runCli(['accounts', 'set-password', alice.user, '--password-stdin'], env(goa.keyring), 'a changed password\n');
    expect(changed.code).toBe(0);
    expect(changed.stderr).toBe('GNOME Online Accounts has the new password too.\n');
    const id = /^\[Account (\S+)\]$/m.exec(await goa.accountsConf())?.[1] ?? '';
    expect(await goa.storedCredentials(id)).toContain('a changed password');
    await dovecot.setPassword(alice.user, alice.password);
    expect((await runCli(['accounts', 'set-password', alice.user, '--password-stdin'], env(goa.keyring), `${alice.password}\n`)).code).toBe(0);
  });

  it('says plainly where GOA is not on the session bus, and --output is refused (exit 2, one line)', async () => {
    const absent = await runCli(['export', alice.user, '--to', 'gnome'], env(plainBus));
    expect(absent.code).toBe(2);
    expect(absent.stdout).toBe('');
    expect(absent.stderr.trim().split('\n')).toHaveLength(1);
    expect(absent.stderr).toContain('GNOME Online Accounts is not installed or not running');

    const withOutput = await runCli(['export', alice.user, '--to', 'gnome', '--output', `${data.path}/x.conf`], env(goa.keyring));
    expect(withOutput.code).toBe(2);
    expect(withOutput.stderr).toContain('writes no file');
  });

  it('accounts remove leaves GNOME\'s copy unless asked, and says on stderr where it stays and how to remove it', async () => {
    const result = await runCli(['accounts', 'remove', alice.user, '--json'], env(goa.keyring));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ removed: true, gnomeCopy: 'kept' });
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Settings › Online Accounts');
    expect(result.stderr).toContain('--remove-gnome-copy');
    expect(await savedEmails()).toEqual([]);
    expect(await goaAccounts()).toBe(1);

    // An address that is no longer saved is refused before GOA is asked: its copy stays.
    const unsaved = await runCli(['accounts', 'remove', alice.user, '--remove-gnome-copy'], env(goa.keyring));
    expect(unsaved.code).toBe(2);
    expect(unsaved.stderr).toContain(`No saved account ${alice.user}`);
    expect(await goaAccounts()).toBe(1);
  });

  it('accounts remove --remove-gnome-copy keeps the account when GOA cannot be reached, then removes both', async () => {
    await addAlice();
    const absent = await runCli(['accounts', 'remove', alice.user, '--remove-gnome-copy'], env(plainBus));
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('GNOME Online Accounts is not installed or not running');
    expect(await savedEmails()).toEqual([alice.user]);

    const result = await runCli(['accounts', 'remove', alice.user, '--remove-gnome-copy'], env(goa.keyring));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Removed ${alice.user} and its password in the keychain.\nRemoved ${alice.user} from GNOME Online Accounts too.\n`);
    expect(await goaAccounts()).toBe(0);
    expect(await savedEmails()).toEqual([]);
  });

  it('accounts remove --remove-gnome-copy --json says when GOA held no copy', async () => {
    await addAlice();
    const result = await runCli(['accounts', 'remove', alice.user, '--remove-gnome-copy', '--json'], env(goa.keyring));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ removed: true, gnomeCopy: 'none' });
    expect(await savedEmails()).toEqual([]);
  });
});
