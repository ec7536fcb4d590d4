// Runs `mail-setup accounts …` as a child process against a real gnome-keyring and a real Dovecot.
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSummarySchema } from '../../shared/account-summary.ts';
import { CheckReportSchema } from '../../shared/check-report.ts';
import { nextLoopbackAddress, startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import { startKeyring, type Keyring } from '../../e2e/fixtures/keyring.ts';
import { makeTempDir, type TempDir } from '../../e2e/fixtures/temp-dir.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';

const bin = fileURLToPath(new URL('../../bin/mail-setup.js', import.meta.url));
const alice = { user: 'alice@example.test', password: 'alice "first" pässword' };
const bob = { user: 'bob@example.test', password: 'bob-before' };
const cora = { user: 'cora@example.test', password: 'cora pw' };
const dana = { user: 'dana@example.test', password: 'dana pw' };
const eve = { user: 'eve@example.test', password: 'eve pw' };
// Eve's outgoing server signs in with a login and password of its own.
const eveRelay = { user: 'eve-relay@example.test', password: 'eve relay pw' };
const finn = { user: 'finn@example.test', password: 'finn pw' };
const finnRelay = { user: 'finn-relay@example.test', password: 'finn relay pw' };

let keyring: Keyring;
let ca: TestCa;
let dovecot: Dovecot;
const dirs: TempDir[] = [];
/** Every argument list the tests gave the CLI, to prove no password ever travels that way. */
const argvSeen: string[][] = [];
/** Everything the CLI printed. */
const printed: string[] = [];

beforeAll(async () => {
  [keyring, ca] = await Promise.all([startKeyring(), getTestCa()]);
  dovecot = await startDovecot({ users: [alice, bob, cora, dana, eve, eveRelay, finn, finnRelay] });
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), keyring?.stop(), ...dirs.map((dir) => dir.remove())]);
});

async function dataDir(): Promise<string> {
  const dir = await makeTempDir('mail-setup-cli-data');
  dirs.push(dir);
  return dir.path;
}

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { data: string; input?: string; env?: Record<string, string> }): Promise<CliResult> {
  argvSeen.push(args);
  const child = spawn(process.execPath, [bin, ...args], {
    env: {
      ...process.env,
      ...keyring.env,
      MAIL_SETUP_DATA_DIR: options.data,
      NODE_EXTRA_CA_CERTS: ca.caCert,
      // Every run from its own source address, so a failed login never delays the next one.
      MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress(),
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.on('error', () => {});
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      printed.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

const serverFlags = (user: string) => ['--email', user, '--host', '127.0.0.1', '--port', String(dovecot.tlsPort), '--security', 'tls'];

async function settingsFile(data: string): Promise<string> {
  return readFile(join(data, 'settings.json'), 'utf8');
}

const secretsFor = async (email: string) => (await keyring.listSecrets()).filter((item) => item.account.startsWith(`${email}#`));

describe('mail-setup accounts', () => {
  it('add → list → retest after a server-side change → set-password wrong, then right → remove', async () => {
    const data = await dataDir();

    const added = await cli(['accounts', 'add', ...serverFlags(alice.user), '--password-stdin', '--json'], { data, input: `${alice.password}\n` });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const report = CheckReportSchema.parse(JSON.parse(added.stdout));
    expect(report.ok).toBe(true);
    expect(Object.keys(JSON.parse(added.stdout))).toEqual(['ok', 'account', 'steps', 'tls', 'failure', 'outgoing']);
    expect(report.account).toEqual({ email: alice.user, host: '127.0.0.1', port: dovecot.tlsPort, security: 'tls', username: alice.user, protocol: 'imap' });
    expect((await secretsFor(alice.user)).map((item) => item.secret)).toEqual([alice.password]);
    expect(await settingsFile(data)).not.toContain(alice.password);

    const listed = await cli(['accounts', 'list', '--json'], { data });
    expect(listed.code).toBe(0);
    const summaries = AccountSummarySchema.array().parse(JSON.parse(listed.stdout));
    expect(summaries).toMatchObject([{ email: alice.user, hasPassword: true, status: 'ok', lastFailureCategory: null }]);

    const human = await cli(['accounts', 'list'], { data });
    expect(human.stdout).toContain(`${alice.user}\n  127.0.0.1:${dovecot.tlsPort} (tls)`);
    expect(human.stdout).toContain('status ok');

    await dovecot.setPassword(alice.user, 'alice second password');
    const retest = await cli(['accounts', 'retest', alice.user, '--json'], { data });
    expect(retest.code).toBe(1);
    expect(JSON.parse(retest.stdout).failure.category).toBe('wrong-credentials');
    const flagged = JSON.parse((await cli(['accounts', 'list', '--json'], { data })).stdout);
    expect(flagged[0]).toMatchObject({ status: 'needs-password', lastFailureCategory: 'wrong-credentials', hasPassword: true });
    const humanRetest = await cli(['accounts', 'retest', alice.user], { data });
    expect(humanRetest.stdout).toContain(`mail-setup accounts set-password ${alice.user}`);

    const wrong = await cli(['accounts', 'set-password', alice.user, '--password-stdin', '--json'], { data, input: 'a wrong guess\n' });
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).failure.category).toBe('wrong-credentials');
    expect((await secretsFor(alice.user)).map((item) => item.secret)).toEqual([alice.password]);

    const right = await cli(['accounts', 'set-password', alice.user, '--password-stdin'], { data, input: 'alice second password\r\n' });
    expect(right.code).toBe(0);
    expect(right.stdout).toContain('The new password for alice@example.test is saved in the system keychain.');
    expect((await secretsFor(alice.user)).map((item) => item.secret)).toEqual(['alice second password']);
    const passing = await cli(['accounts', 'retest', alice.user, '--json'], { data });
    expect(passing.code).toBe(0);
    expect(JSON.parse(passing.stdout).ok).toBe(true);
    expect(JSON.parse((await cli(['accounts', 'list', '--json'], { data })).stdout)[0].status).toBe('ok');

    const text = await settingsFile(data);
    for (const secret of [alice.password, 'a wrong guess', 'alice second password']) expect(text).not.toContain(secret);

    const removed = await cli(['accounts', 'remove', alice.user, '--json'], { data });
    expect(removed).toEqual({ code: 0, stdout: '{"removed":true,"gnomeCopy":"none"}\n', stderr: '' });
    expect(await secretsFor(alice.user)).toEqual([]);
    expect(JSON.parse(await settingsFile(data)).accounts).toEqual([]);
    expect(JSON.parse((await cli(['accounts', 'list', '--json'], { data })).stdout)).toEqual([]);
    const again = await cli(['accounts', 'remove', alice.user], { data });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`mail-setup: No saved account ${alice.user}.\n`);
    // Fourteen CLI processes one after another: slow when the machine is busy.
  }, 120_000);

  it('refuses a duplicate with exit 2 and points to set-password; a failing add saves nothing', async () => {
    const data = await dataDir();
    expect((await cli(['accounts', 'add', ...serverFlags(bob.user), '--password-stdin'], { data, input: `${bob.password}\n` })).code).toBe(0);
    const duplicate = await cli(['accounts', 'add', ...serverFlags(bob.user), '--password-stdin', '--json'], { data, input: `${bob.password}\n` });
    expect(duplicate.code).toBe(2);
    expect(duplicate.stdout).toBe('');
    expect(duplicate.stderr).toMatch(/already saved as bob@example\.test; to change its password: mail-setup accounts set-password bob@example\.test\n$/);
    expect(await secretsFor(bob.user)).toHaveLength(1);

    const other = await dataDir();
    const failing = await cli(['accounts', 'add', ...serverFlags(cora.user), '--password-stdin', '--json'], { data: other, input: 'wrong\n' });
    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.stdout).failure.category).toBe('wrong-credentials');
    expect(await readdir(other)).toEqual([]);
    expect(await secretsFor(cora.user)).toEqual([]);
  });

  it('with the keychain daemon stopped: a clear error, nothing written, no password sent', async () => {
    const stopped = await startKeyring();
    try {
      await stopped.stopDaemonOnly();
      const data = await dataDir();
      const result = await cli(['accounts', 'add', ...serverFlags(dana.user), '--password-stdin', '--json'], {
        data,
        input: `${dana.password}\n`,
        env: { ...stopped.env },
      });
      expect(result.code).toBe(1);
      // --json keeps its promise of one document, the error's.
      expect(JSON.parse(result.stdout)).toEqual({ ok: false, error: { code: 'keychain-unavailable', message: expect.stringMatching(/^No system keychain is running/) } });
      expect(result.stderr).toMatch(/^mail-setup: No system keychain is running: .*then try again\. \(The system said: .*\)\n$/);
      expect(await readdir(data)).toEqual([]);
      expect(await dovecot.readLog()).not.toContain(dana.user);

      const listed = await cli(['accounts', 'list'], { data, env: { ...stopped.env } });
      expect(listed.code).toBe(1);
      expect(listed.stderr).toMatch(/No system keychain is running/);
    } finally {
      await stopped.stop();
    }
  });

  it('sets a corrupt settings file aside and says so once; leaves a newer one alone, listing it read-only', async () => {
    const data = await dataDir();
    await writeFile(join(data, 'settings.json'), '{"schemaVersion":1,"accounts":[{"email":');
    const first = await cli(['accounts', 'list', '--json'], { data });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual([]);
    expect(first.stderr).toMatch(/^mail-setup: The settings file could not be read \(it is not valid JSON\)\. It was kept as .*settings\.corrupt-.*\.json and Mail Setup started with no saved accounts; their passwords were left in the keychain\.\n$/);
    const backups = (await readdir(data)).filter((name) => name.startsWith('settings.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(data, backups[0] ?? ''), 'utf8')).toBe('{"schemaVersion":1,"accounts":[{"email":');
    expect((await cli(['accounts', 'list', '--json'], { data })).stderr).toBe('');

    const newerText = JSON.stringify({ schemaVersion: 9, accounts: [] });
    await writeFile(join(data, 'settings.json'), newerText);
    const newer = await cli(['accounts', 'list'], { data });
    expect(newer.code).toBe(0);
    expect(newer.stdout).toBe('No saved accounts.\n');
    expect(newer.stderr).toMatch(/newer version of Mail Setup \(settings version 9; .*left as it is/);
    expect(await settingsFile(data)).toBe(newerText);
  });

  it('an account with its own outgoing password: list shows both servers, retest tests both, set-password takes the second line, remove deletes both items', async () => {
    const data = await dataDir();
    const storeId = 'abcdef012345';
    const outgoing = { host: '127.0.0.1', port: dovecot.submissionsPort, security: 'tls', username: eveRelay.user };
    const account = {
      email: eve.user, displayName: '', host: '127.0.0.1', port: dovecot.tlsPort, security: 'tls', username: eve.user, authKind: 'password',
      allowInsecure: false, lastCheckedAt: null, lastFailureCategory: null, trustedCertificates: [],
      outgoing: { ...outgoing, sharedPassword: false, lastCheckedAt: null, lastFailureCategory: null },
    };
    await writeFile(join(data, 'settings.json'), JSON.stringify({ schemaVersion: 2, storeId, accounts: [account] }));
    await keyring.storeSecret('mail-setup', `${eve.user}#${storeId}`, eve.password);
    await keyring.storeSecret('mail-setup', `${eve.user}#${storeId}#outgoing`, eveRelay.password);

    const listed = AccountSummarySchema.array().parse(JSON.parse((await cli(['accounts', 'list', '--json'], { data })).stdout));
    expect(listed[0]?.outgoing).toEqual({ ...outgoing, sharedPassword: false, hasPassword: true, status: 'never-tested', lastFailureCategory: null });

    const retest = await cli(['accounts', 'retest', eve.user, '--json'], { data });
    expect(retest.code).toBe(0);
    expect(JSON.parse(retest.stdout)).toMatchObject({ ok: true, outgoing: { account: outgoing, failure: null } });
    const human = await cli(['accounts', 'list'], { data });
    expect(human.stdout).toContain(`  outgoing 127.0.0.1:${dovecot.submissionsPort} (tls), username ${eveRelay.user}\n  outgoing status ok, password its own, in the keychain`);

    await dovecot.setPassword(eveRelay.user, 'eve relay pw 2');
    const failing = await cli(['accounts', 'retest', eve.user, '--json'], { data });
    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.stdout).outgoing.failure.category).toBe('wrong-credentials');
    expect(JSON.parse((await cli(['accounts', 'list', '--json'], { data })).stdout)[0]).toMatchObject({
      status: 'ok',
      outgoing: { status: 'needs-password', lastFailureCategory: 'wrong-credentials' },
    });

    const updated = await cli(['accounts', 'set-password', eve.user, '--password-stdin', '--smtp-password-stdin'], { data, input: `${eve.password}\neve relay pw 2\n` });
    expect(updated.code).toBe(0);
    expect((await secretsFor(eve.user)).map((item) => [item.account, item.secret])).toEqual([
      [`${eve.user}#${storeId}`, eve.password],
      [`${eve.user}#${storeId}#outgoing`, 'eve relay pw 2'],
    ]);
    expect(JSON.parse((await cli(['accounts', 'list', '--json'], { data })).stdout)[0].outgoing.status).toBe('ok');

    expect((await cli(['accounts', 'remove', eve.user], { data })).code).toBe(0);
    expect(await secretsFor(eve.user)).toEqual([]);
  }, 120_000);

  it('accounts add takes the outgoing flags of check: its own login and password (second stdin line), listed with both servers', async () => {
    const data = await dataDir();
    const smtpFlags = ['--smtp-host', '127.0.0.1', '--smtp-port', String(dovecot.submissionsPort), '--smtp-security', 'tls', '--smtp-username', finnRelay.user];
    const checked = await cli(['check', ...serverFlags(finn.user), ...smtpFlags, '--password-stdin', '--smtp-password-stdin', '--json'], { data, input: `${finn.password}\n${finnRelay.password}\n` });
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout).outgoing).toMatchObject({ account: { port: dovecot.submissionsPort, username: finnRelay.user }, failure: null });

    const added = await cli(['accounts', 'add', ...serverFlags(finn.user), ...smtpFlags, '--password-stdin', '--smtp-password-stdin'], { data, input: `${finn.password}\n${finnRelay.password}\n` });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`Outgoing mail: ${finn.user} on 127.0.0.1:${dovecot.submissionsPort} (tls)`);
    expect(added.stdout).toContain(`Signed in as ${finnRelay.user}`);
    expect(added.stdout).toContain(`Saved ${finn.user}; the passwords are in the system keychain.`);
    const [listed] = JSON.parse((await cli(['accounts', 'list', '--json'], { data })).stdout);
    expect(listed.outgoing).toEqual({
      host: '127.0.0.1', port: dovecot.submissionsPort, security: 'tls', username: finnRelay.user, sharedPassword: false, hasPassword: true, status: 'ok', lastFailureCategory: null,
    });
    expect((await secretsFor(finn.user)).map((item) => item.secret)).toEqual([finn.password, finnRelay.password]);

    const noHost = await cli(['accounts', 'add', '--email', 'x@example.test', '--host', '127.0.0.1', '--smtp-port', '-1'], { data });
    expect(noHost).toMatchObject({ code: 2, stderr: 'mail-setup: --smtp-port must be a number from 1 to 65535\n' });
  }, 120_000);

  it('migrates a settings file written before outgoing servers: nothing lost, the old file kept beside it', async () => {
    const data = await dataDir();
    const version1 = `${JSON.stringify(
      {
        schemaVersion: 1,
        storeId: '0123456789ab',
        accounts: [
          {
            email: 'old@example.test', displayName: 'Old', host: 'imap.example.test', port: 993, security: 'tls', username: 'old', authKind: 'password',
            allowInsecure: false, lastCheckedAt: '2026-11-30T10:00:00.000Z', lastFailureCategory: 'wrong-credentials', trustedCertificates: [],
          },
        ],
      },
      null,
      '\t',
    )}\n`;
    await writeFile(join(data, 'settings.json'), version1);
    const listed = await cli(['accounts', 'list', '--json'], { data });
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { email: 'old@example.test', displayName: 'Old', username: 'old', protocol: 'imap', lastFailureCategory: 'wrong-credentials', lastCheckedAt: '2026-11-30T10:00:00.000Z', outgoing: null },
    ]);
    const backups = (await readdir(data)).filter((name) => name.startsWith('settings.v1-backup-'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(data, backups[0] ?? ''), 'utf8')).toBe(version1);
    expect(JSON.parse(await settingsFile(data))).toMatchObject({ schemaVersion: 3, accounts: [{ email: 'old@example.test', outgoing: null, protocol: 'imap' }] });
  });

  it('answers bad usage with exit 2 and one line, touching nothing', async () => {
    const data = await dataDir();
    const cases: [string[], RegExp][] = [
      [['accounts'], /accounts needs a command/],
      [['accounts', 'frobnicate'], /unknown accounts command: "frobnicate"/],
      [['accounts', 'retest'], /needs the account's email address/],
      [['accounts', 'retest', 'not-an-email'], /^mail-setup: accounts retest: the account must be named by its email address\n$/],
      [['accounts', 'set-password', 'a@b.test', 'typed-password'], /^mail-setup: unexpected argument; passwords are read from stdin/],
      [['accounts', 'list', 'typed-password'], /^mail-setup: unexpected argument; passwords are read/],
      [['accounts', 'list', '--password', 'x'], /Unknown option '--password'/],
      [['accounts', 'add', '--email', 'a@b.test', '--password=typed-password'], /Unknown option '--password'/],
      [['accounts', 'add', '--email', 'a@b.test', '--host', '127.0.0.1'], /no password: pass it on stdin/],
      [['accounts', 'set-password', 'a@b.test', '--password-stdin'], /the password is empty/],
      // A CR or LF from the command line is shown escaped, never sent to the terminal.
      [['accounts', 'add', '--email', 'u@x\r\nX: y', '--password-stdin'], /^mail-setup: --email "u@x\\r\\nX: y": not an email address\n$/],
      [['accounts', 'fr\robnicate'], /^mail-setup: unknown accounts command: "fr\\robnicate"/],
      [['accounts', 'add', '--email', 'a@b.test', '--host', '127.0.0.1', '--port', '-1'], /^mail-setup: --port must be a number from 1 to 65535\n$/],
      [['accounts', 'retest', 'a@b.test', '--timeout', '-5'], /^mail-setup: --timeout must be a number of seconds, more than 0 and at most 300\n$/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(args, { data })));
    for (const [index, [args, message]] of cases.entries()) {
      const result = results[index] as CliResult;
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toContain('typed-password');
      expect(result.stderr).not.toContain('\r');
    }
    expect(await readdir(data)).toEqual([]);
  }, 90_000);

  it('never had a password in its arguments or its output', () => {
    const passwords = [alice.password, 'alice second password', 'a wrong guess', bob.password, cora.password, dana.password, eve.password, eveRelay.password, 'eve relay pw 2', finn.password, finnRelay.password];
    for (const password of passwords) {
      expect(argvSeen.flat().some((arg) => arg.includes(password))).toBe(false);
      expect(printed.some((text) => text.includes(password))).toBe(false);
    }
  });
});
