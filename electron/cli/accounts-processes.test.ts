// Real `mail-setup accounts` processes on one data folder and a real keyring: many at once, killed mid-way, with leftovers; nothing lost, nothing crashes.
import { watch } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSummarySchema } from '../../shared/account-summary.ts';
import { nextLoopbackAddress, startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import { startKeyring, type Keyring } from '../../e2e/fixtures/keyring.ts';
import { makeTempDir, type TempDir } from '../../e2e/fixtures/temp-dir.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';
import { runCli, startCli, type CliResult } from './test-support/spawn-cli.ts';

const rounds = 5;
const perRound = 8;
const user = (name: string) => ({ user: `${name}@example.test`, password: `${name} pw` });
const addUsers = Array.from({ length: rounds * perRound }, (_, index) => user(`add${index}`));
const mixedUsers = Array.from({ length: 16 }, (_, index) => user(`mix${index}`));
const killedUsers = Array.from({ length: 6 }, (_, index) => user(`killed${index}`));
const plainUsers = Array.from({ length: 4 }, (_, index) => user(`plain${index}`));

let keyring: Keyring;
let ca: TestCa;
let dovecot: Dovecot;
const dirs: TempDir[] = [];

beforeAll(async () => {
  [keyring, ca] = await Promise.all([startKeyring(), getTestCa()]);
  dovecot = await startDovecot({ users: [...addUsers, ...mixedUsers, ...killedUsers, ...plainUsers] });
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), keyring?.stop(), ...dirs.map((dir) => dir.remove())]);
});

async function dataDir(): Promise<string> {
  const dir = await makeTempDir('mail-setup-concurrent');
  dirs.push(dir);
  return dir.path;
}

function cliEnv(data: string | { home: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...keyring.env, NODE_EXTRA_CA_CERTS: ca.caCert, MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress() };
  if (typeof data === 'string') env['MAIL_SETUP_DATA_DIR'] = data;
  else {
    // The default data folder under this HOME.
    env['HOME'] = data.home;
    delete env['MAIL_SETUP_DATA_DIR'];
    delete env['XDG_CONFIG_HOME'];
  }
  return env;
}

function cli(args: string[], data: string | { home: string }, input = ''): Promise<CliResult> {
  return runCli(args, cliEnv(data), input);
}

const addArgs = (account: { user: string }) => ['accounts', 'add', '--email', account.user, '--host', '127.0.0.1', '--port', String(dovecot.tlsPort), '--security', 'tls', '--password-stdin', '--json'];

const add = (account: { user: string; password: string }, data: string | { home: string }) =>
  cli(['accounts', 'add', '--email', account.user, '--host', '127.0.0.1', '--port', String(dovecot.tlsPort), '--security', 'tls', '--password-stdin', '--json'], data, `${account.password}\n`);

async function listed(data: string) {
  const result = await cli(['accounts', 'list', '--json'], data);
  expect(result.stderr).toBe('');
  return AccountSummarySchema.array().parse(JSON.parse(result.stdout));
}

/** The keychain's secrets of one data folder's accounts (its store id), by email. */
async function secretsByEmail(data: string): Promise<Map<string, string>> {
  const { storeId } = JSON.parse(await readFile(join(data, 'settings.json'), 'utf8')) as { storeId: string };
  const items = (await keyring.listSecrets()).filter((item) => item.account.endsWith(`#${storeId}`));
  return new Map(items.map((item) => [item.account.replace(/#.*$/, ''), item.secret]));
}

/** Everything that says a process crashed or the keychain failed where it did not. */
function trouble(results: CliResult[]): string[] {
  return results
    .filter((result) => result.signal !== null || result.code !== 0 || result.stderr !== '')
    .map((result) => `${result.code ?? result.signal}: ${result.stderr.trim()}`);
}

describe('accounts from many processes at once', () => {
  it(`${perRound} parallel adds × ${rounds} rounds: every add that says "saved" is listed with its password`, async () => {
    const data = await dataDir();
    const results: CliResult[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const batch = addUsers.slice(round * perRound, (round + 1) * perRound);
      results.push(...(await Promise.all(batch.map((account) => add(account, data)))));
    }
    const saved = addUsers.filter((_, index) => results[index]?.code === 0);
    const accounts = await listed(data);
    const secrets = await secretsByEmail(data);
    const withPassword = saved.filter((account) => accounts.some((entry) => entry.email === account.user && entry.hasPassword) && secrets.get(account.user) === account.password);
    console.warn(`${rounds * perRound} parallel adds: ${saved.length} exited 0, ${accounts.length} listed, ${withPassword.length} listed with their password`);
    expect(trouble(results)).toEqual([]);
    expect(saved).toHaveLength(addUsers.length);
    expect(accounts.map((entry) => entry.email).sort()).toEqual(addUsers.map((entry) => entry.user).sort());
    expect(withPassword).toHaveLength(addUsers.length);
  }, 180_000);

  it('list, add, remove and retest mixed in parallel: no crash, no false keychain error, nothing lost', async () => {
    const data = await dataDir();
    const [first, later] = [mixedUsers.slice(0, 8), mixedUsers.slice(8)];
    expect(trouble(await Promise.all(first.map((account) => add(account, data))))).toEqual([]);

    const removed = first.slice(0, 3);
    const retested = first.slice(3);
    const results = await Promise.all([
      ...later.map((account) => add(account, data)),
      ...removed.map((account) => cli(['accounts', 'remove', account.user], data)),
      ...retested.map((account) => cli(['accounts', 'retest', account.user, '--json'], data)),
      ...Array.from({ length: 8 }, () => cli(['accounts', 'list', '--json'], data)),
    ]);
    expect(trouble(results)).toEqual([]);

    const kept = [...retested, ...later];
    const accounts = await listed(data);
    expect(accounts.map((entry) => entry.email).sort()).toEqual(kept.map((entry) => entry.user).sort());
    expect(accounts.every((entry) => entry.hasPassword && entry.status === 'ok')).toBe(true);
    const secrets = await secretsByEmail(data);
    expect([...secrets.keys()].sort()).toEqual(kept.map((entry) => entry.user).sort());
    for (const account of kept) expect(secrets.get(account.user)).toBe(account.password);
  }, 120_000);
});

describe('accounts after a kill -9, with leftovers, in a new folder', () => {
  it('an add killed between recording and saving its secret leaves no secret once the next process starts', async () => {
    const data = await dataDir();
    expect((await add(plainUsers[0] ?? user('x'), data)).code).toBe(0);
    const pendingFile = join(data, 'pending-secrets.json');
    let caught = 0;
    let orphaned = 0;
    // Killed when its pending record appears, or a little later: before, while or after it stores the secret.
    // (A kill that lands while the process holds the lock makes the next process wait until the lock is stale, 10 s.)
    const delaysMs = [0, 4, 8, 15, 30, 60];
    for (const [index, account] of killedUsers.entries()) {
      const running = startCli(addArgs(account), cliEnv(data), `${account.password}\n`);
      const watcher = watch(data, (_event, name) => {
        if (name === 'pending-secrets.json') setTimeout(() => running.kill('SIGKILL'), delaysMs[index] ?? 0);
      });
      const result = await running.done;
      watcher.close();
      if (result.signal !== 'SIGKILL') continue;
      const text = await readFile(pendingFile, 'utf8').catch(() => '');
      if (text.includes(`"pid": ${running.pid}`)) caught += 1;
      const saved = await readFile(join(data, 'settings.json'), 'utf8');
      if ((await secretsByEmail(data)).has(account.user) && !saved.includes(account.user)) orphaned += 1;
    }
    console.warn(`kill -9 mid-add: ${caught} of ${killedUsers.length} killed with a pending record, ${orphaned} left a secret without an account`);
    expect(caught).toBeGreaterThan(0);

    const accounts = await listed(data);
    const secrets = await secretsByEmail(data);
    // Each killed add either finished (account and secret) or left nothing.
    for (const account of killedUsers) {
      const entry = accounts.find((candidate) => candidate.email === account.user);
      expect(secrets.has(account.user), account.user).toBe(entry !== undefined);
      if (entry) expect(entry.hasPassword).toBe(true);
    }
    expect(await readdir(data)).not.toContain('pending-secrets.json');
    expect(await readdir(data)).not.toContain('settings.json.lock');
  }, 180_000);

  it('removes temporary files a killed write left, and keeps the settings', async () => {
    const data = await dataDir();
    expect((await add(plainUsers[1] ?? user('x'), data)).code).toBe(0);
    const before = await readFile(join(data, 'settings.json'), 'utf8');
    await writeFile(join(data, 'settings.json.tmp-17330000001a2b3c'), '{"schemaVersion":1,"acc');
    await writeFile(join(data, 'pending-secrets.json.tmp-4242'), '{');
    await writeFile(join(data, 'notes.txt'), 'not ours');
    const result = await cli(['accounts', 'list'], data);
    expect(result.code).toBe(0);
    expect((await readdir(data)).sort()).toEqual(['notes.txt', 'settings.json']);
    expect(await readFile(join(data, 'settings.json'), 'utf8')).toBe(before);
  });

  it('creates the data folder private to the user (0700), and makes an existing default folder private', async () => {
    const home = await dataDir();
    expect((await add(plainUsers[2] ?? user('x'), { home })).code).toBe(0);
    const folder = join(home, '.config', 'Mail Setup');
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await stat(join(folder, 'settings.json'))).mode & 0o777).toBe(0o600);

    await chmod(folder, 0o755);
    expect((await cli(['accounts', 'list'], { home })).code).toBe(0);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);

    const nested = join(await dataDir(), 'new', 'folder');
    expect((await add(plainUsers[3] ?? user('x'), nested)).code).toBe(0);
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
    expect((await stat(join(nested, '..'))).mode & 0o777).toBe(0o700);

    const shared = await dataDir();
    await chmod(shared, 0o750);
    expect((await cli(['accounts', 'list'], shared)).code).toBe(0);
    // A folder named in MAIL_SETUP_DATA_DIR stays as its owner made it.
    expect((await stat(shared)).mode & 0o777).toBe(0o750);
  });

  it('says what is wrong when a folder stands where settings.json belongs', async () => {
    const data = await dataDir();
    await mkdir(join(data, 'settings.json'));
    const result = await cli(['accounts', 'list'], data);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^mail-setup: Could not read the saved accounts in .*settings\.json: it is a folder, not a file \(EISDIR\)\. Fix or move it, then try again\.\n$/);
  });
});
