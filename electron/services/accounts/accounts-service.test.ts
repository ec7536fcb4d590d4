// Tests the saved-accounts service in process against a real gnome-keyring, real Dovecot and real settings files.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../e2e/fixtures/dovecot.ts';
import type { Keyring, StoredSecret } from '../../../e2e/fixtures/keyring.ts';
import type { TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { openConfSettingsStore } from '../../adapters/conf-settings-store.ts';
import { createKeytarSecretStore } from '../../adapters/keytar-secret-store.ts';
import { ServiceError } from '../service-error.ts';
import type { AccountsService } from './accounts-service.types.ts';
import type { SettingsStore } from './settings-store.ts';
import { accountsTestBed, testRun } from './test-support/accounts-test-bed.ts';

const users = {
  alice: { user: 'alice@example.test', password: 'alice: first password' },
  bob: { user: 'bob@example.test', password: 'bob-before' },
  carol: { user: 'carol@example.test', password: 'carol pw' },
  dave: { user: 'dave@example.test', password: 'dave pw' },
  erin: { user: 'erin@example.test', password: 'erin pw' },
  frank: { user: 'frank@example.test', password: 'frank pw' },
  gina: { user: 'gina@example.test', password: 'gina pw' },
  pinned: { user: 'pinned@example.test', password: 'pinned pw' },
};

const bed = accountsTestBed(async (ca) => {
  const [dovecot, selfSigned] = await Promise.all([
    startDovecot({ users: Object.values(users).filter((user) => user !== users.pinned) }),
    startDovecot({ users: [users.pinned], certificate: ca.selfSigned }),
  ]);
  return { dovecot, selfSigned };
});
let keyring: Keyring;
let ca: TestCa;
let dovecot: Dovecot;
let selfSigned: Dovecot;
beforeAll(() => ({ keyring, ca, servers: { dovecot, selfSigned } } = bed));

async function open(settingsOverride?: (settings: SettingsStore) => SettingsStore) {
  const { dir, settings: real } = await bed.openStore('mail-setup-accounts');
  const settings = settingsOverride ? settingsOverride(real) : real;
  return { service: bed.service(settings), settings, dir, reopen: () => reopen(dir) };
}

function reopen(dir: string): { service: AccountsService; settings: SettingsStore } {
  const settings = openConfSettingsStore(dir);
  return { settings, service: bed.service(settings) };
}

/** The process id of a process that has exited. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

const run = testRun;

function addRequest(user: { user: string; password: string }, server: Dovecot = dovecot, password = user.password) {
  return {
    settings: { email: user.user, host: server.host as string, port: server.tlsPort, security: 'tls' as const, username: user.user },
    displayName: 'Test',
    password,
    allowInsecure: false,
  };
}

/** The keychain items of one settings file (its store id), as secret-tool shows them. */
const secretsOf = (settings: SettingsStore): Promise<StoredSecret[]> => bed.secretsOf(settings);

async function settingsText(settings: SettingsStore): Promise<string> {
  return readFile(settings.path, 'utf8');
}

describe('accounts service', () => {
  it('adds after a passing check: the secret in the keychain, only settings in the file', async () => {
    const { service, settings } = await open();
    const progress: string[] = [];
    const result = await service.add(addRequest(users.alice), { ...run(), onProgress: (step) => progress.push(`${step.id}:${step.status}`) });
    expect(result.report?.ok).toBe(true);
    expect(progress).toContain('inbox:passed');
    expect(result.duplicateOf).toBeNull();
    expect(result.account).toMatchObject({ email: users.alice.user, hasPassword: true, status: 'ok', displayName: 'Test', lastFailureCategory: null });

    const storeId = settings.read().storeId;
    expect(await secretsOf(settings)).toMatchObject([{ account: `alice@example.test#${storeId}`, secret: users.alice.password, attributes: { service: 'mail-setup' } }]);
    const text = await settingsText(settings);
    expect(text).toContain('alice@example.test');
    expect(text).not.toContain(users.alice.password);

    const listed = await service.list();
    expect(listed).toEqual([result.account]);
    expect(JSON.stringify(listed)).not.toContain(users.alice.password);
  });

  it('saves nothing when the check fails', async () => {
    const { service, settings } = await open();
    const result = await service.add(addRequest(users.frank, dovecot, 'not the password'), run());
    expect(result.report?.failure?.category).toBe('wrong-credentials');
    expect(result.account).toBeNull();
    expect(settings.read()).toEqual({ storeId: null, accounts: [] });
    expect((await keyring.listSecrets()).filter((item) => item.account.startsWith('frank@'))).toEqual([]);
  });

  it('refuses the same username on the same server twice and offers the saved account', async () => {
    const { service } = await open();
    expect((await service.add(addRequest(users.carol), run())).account?.email).toBe(users.carol.user);
    const alias = addRequest(users.carol);
    alias.settings.email = 'carol.alias@example.test';
    expect(await service.add(alias, run())).toEqual({ report: null, account: null, duplicateOf: users.carol.user });
    const sameEmail = addRequest(users.carol);
    sameEmail.settings.email = 'Carol@Example.test';
    sameEmail.settings.username = 'someone-else';
    expect(await service.add(sameEmail, run())).toEqual({ report: null, account: null, duplicateOf: users.carol.user });
    expect(await service.list()).toHaveLength(1);
  });

  it('flags a server-side password change, keeps the old password on a wrong new one, takes the right one', async () => {
    const { service, settings } = await open();
    await service.add(addRequest(users.bob), run());
    await dovecot.setPassword(users.bob.user, 'bob-after');

    const retest = await service.retest(users.bob.user, run());
    expect(retest.report?.failure?.category).toBe('wrong-credentials');
    expect(retest.account).toMatchObject({ status: 'needs-password', hasPassword: true, lastFailureCategory: 'wrong-credentials' });
    expect((await service.list())[0]?.status).toBe('needs-password');

    const wrong = await service.setPassword(users.bob.user, 'bob-wrong-guess', run());
    expect(wrong.report?.failure?.category).toBe('wrong-credentials');
    expect(wrong.account?.status).toBe('needs-password');
    expect((await secretsOf(settings)).map((item) => item.secret)).toEqual(['bob-before']);

    const right = await service.setPassword(users.bob.user, 'bob-after', run());
    expect(right.report?.ok).toBe(true);
    expect(right.account?.status).toBe('ok');
    expect((await secretsOf(settings)).map((item) => item.secret)).toEqual(['bob-after']);

    const again = await service.retest(users.bob.user, run());
    expect(again.report?.ok).toBe(true);
    expect(again.account).toMatchObject({ status: 'ok', lastFailureCategory: null });
    const text = await settingsText(settings);
    for (const secret of ['bob-before', 'bob-after', 'bob-wrong-guess']) expect(text).not.toContain(secret);
  });

  it('removes the keychain entry and the settings entry', async () => {
    const { service, settings } = await open();
    await service.add(addRequest(users.gina), run());
    expect(await secretsOf(settings)).toHaveLength(1);
    expect(await service.remove('GINA@example.test')).toBe(true);
    expect(await secretsOf(settings)).toEqual([]);
    expect(settings.read().accounts).toEqual([]);
    expect(await service.list()).toEqual([]);
    expect(await service.remove(users.gina.user)).toBe(false);
    await expect(service.retest(users.gina.user, run())).rejects.toMatchObject({ code: 'not-found' });
  });

  it('deletes the secret again when the settings cannot be written', async () => {
    const { service, settings } = await open((real) => ({
      path: real.path,
      get notice() {
        return real.notice;
      },
      read: () => real.read(),
      write: (snapshot) => {
        if (snapshot.accounts.length > 0) throw new ServiceError('internal', 'Could not write the settings file (ENOSPC).');
        real.write(snapshot);
      },
      assertWritable: (outcome) => real.assertWritable(outcome),
      noteReadOnly: (error) => real.noteReadOnly(error),
    }));
    const error = await service.add(addRequest(users.dave), run()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).message).toMatch(/ENOSPC.*not saved.*removed from the keychain/);
    expect(settings.read().accounts).toEqual([]);
    expect(await secretsOf(settings)).toEqual([]);
  });

  it('reconciles on start: an interrupted add’s secret goes, a running add’s and others stay, a missing secret shows needs-password', async () => {
    const { service, settings, dir } = await open();
    await service.add(addRequest(users.erin), run());
    const storeId = settings.read().storeId ?? '';
    // An add killed after recording and storing its secret (its process is gone), an add still
    // running (this process), another data folder's secret, a foreign item.
    const gone = await exitedPid();
    const since = new Date().toISOString();
    await writeFile(
      join(dir, 'pending-secrets.json'),
      JSON.stringify({
        pending: [
          { name: `ghost@example.test#${storeId}`, since, pid: gone, host: hostname() },
          { name: `running@example.test#${storeId}`, since, pid: process.pid, host: hostname() },
        ],
      }),
    );
    await keyring.storeSecret('mail-setup', `ghost@example.test#${storeId}`, 'ghost secret');
    await keyring.storeSecret('mail-setup', `running@example.test#${storeId}`, 'being added');
    await keyring.storeSecret('mail-setup', 'erin@example.test#aaaaaaaaaaaa', 'other folder');
    await keyring.storeSecret('mail-setup', 'hand-made entry', 'left alone');
    // A secret lost outside the app.
    await createKeytarSecretStore().delete(`erin@example.test#${storeId}`);

    const restarted = reopen(dir);
    const [erin] = await restarted.service.list();
    expect(erin).toMatchObject({ email: users.erin.user, hasPassword: false, status: 'needs-password' });
    const accounts = (await keyring.listSecrets()).map((item) => item.account);
    expect(accounts).not.toContain(`ghost@example.test#${storeId}`);
    expect(accounts).toEqual(expect.arrayContaining([`running@example.test#${storeId}`, 'erin@example.test#aaaaaaaaaaaa', 'hand-made entry']));
    expect(JSON.parse(await readFile(join(dir, 'pending-secrets.json'), 'utf8')).pending).toMatchObject([{ name: `running@example.test#${storeId}` }]);

    expect(await restarted.service.retest(users.erin.user, run())).toEqual({ report: null, account: erin, duplicateOf: null });
    const fixed = await restarted.service.setPassword(users.erin.user, users.erin.password, run());
    expect(fixed.account).toMatchObject({ hasPassword: true, status: 'ok' });
  });

  it('pins a certificate the user trusted, uses it on re-test, and forgets it on revoke', async () => {
    const { service, settings } = await open();
    const untrusted = await service.add(addRequest(users.pinned, selfSigned), run());
    expect(untrusted.report?.failure?.category).toBe('certificate-untrusted');
    expect(untrusted.account).toBeNull();

    const fingerprint = ca.selfSigned.fingerprint256;
    const spelledLoosely = fingerprint.replace(/:/g, '').toLowerCase();
    const added = await service.add({ ...addRequest(users.pinned, selfSigned), trustCertificate: spelledLoosely }, run());
    expect(added.report?.tls?.pinned).toEqual({ fingerprint256: fingerprint, problem: 'certificate-untrusted' });
    expect(added.account?.trustedCertificates).toEqual([
      { host: '127.0.0.1', port: selfSigned.tlsPort, fingerprint256: fingerprint, problem: 'certificate-untrusted', trustedAt: expect.any(String) },
    ]);
    expect(await settingsText(settings)).toContain(fingerprint);

    const retest = await service.retest(users.pinned.user, run());
    expect(retest.report?.ok).toBe(true);
    expect(retest.report?.tls?.pinned?.fingerprint256).toBe(fingerprint);

    const revoked = await service.revokeCertificate(users.pinned.user, spelledLoosely);
    expect(revoked.trustedCertificates).toEqual([]);
    const after = await service.retest(users.pinned.user, run());
    expect(after.report?.failure?.category).toBe('certificate-untrusted');
    expect(after.account?.status).toBe('failing');
  });

  it('takes over an account from a file written before schema versions and store ids', async () => {
    const { dir } = await bed.openStore('mail-setup-accounts');
    const legacy = { email: users.frank.user, host: dovecot.host, port: dovecot.tlsPort, security: 'tls', username: users.frank.user };
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ accounts: [legacy] }));
    const { service, settings } = reopen(dir);
    expect(settings.notice).toBeNull();
    expect(await service.list()).toMatchObject([{ ...legacy, hasPassword: false, status: 'needs-password', lastCheckedAt: null }]);
    expect((await service.setPassword(users.frank.user, users.frank.password, run())).account).toMatchObject({ hasPassword: true, status: 'ok' });
    expect(settings.read().storeId).toMatch(/^[0-9a-f]{12}$/);
    expect(await secretsOf(settings)).toHaveLength(1);
    expect(await service.remove(users.frank.user)).toBe(true);
    expect(await secretsOf(settings)).toEqual([]);
    expect(settings.read().accounts).toEqual([]);
  });

  it('rejects bad requests before any check', async () => {
    const { service } = await open();
    await expect(service.add(addRequest(users.alice, dovecot, 'line\nbreak'), run())).rejects.toMatchObject({ code: 'invalid-request' });
    const badHost = addRequest(users.alice);
    badHost.settings.host = 'not a host';
    await expect(service.add(badHost, run())).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(service.setPassword('nobody@example.test', 'pw', run())).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.revokeCertificate('nobody@example.test', 'AA')).rejects.toMatchObject({ code: 'not-found' });
  });
});
