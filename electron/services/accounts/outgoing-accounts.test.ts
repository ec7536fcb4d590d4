// Saved accounts with an outgoing server, in process against a real gnome-keyring and real Dovecot (IMAP and submission).
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../e2e/fixtures/dovecot.ts';
import type { TestCa } from '../../../e2e/fixtures/test-ca.ts';
import type { AddAccountRequest } from './accounts-service.types.ts';
import type { SettingsStore } from './settings-store.ts';
import { accountsTestBed, testRun } from './test-support/accounts-test-bed.ts';

const users = {
  anna: { user: 'anna@example.test', password: 'anna pw' },
  ben: { user: 'ben@example.test', password: 'ben pw' },
  // The outgoing server's own login for ben (a relay account with another password).
  benRelay: { user: 'ben-relay@example.test', password: 'relay pw' },
  cleo: { user: 'cleo@example.test', password: 'cleo pw' },
  dirk: { user: 'dirk@example.test', password: 'dirk pw' },
  dirkRelay: { user: 'dirk-relay@example.test', password: 'dirk relay pw' },
  // Sends through a server with a self-signed certificate.
  emil: { user: 'emil@example.test', password: 'emil pw' },
  // Saved while the submission service's relay is down.
  fay: { user: 'fay@example.test', password: 'fay pw' },
};

const bed = accountsTestBed(async (ca) => {
  const [dovecot, selfSigned] = await Promise.all([
    startDovecot({ users: Object.values(users) }),
    // A second server whose submission service presents a self-signed certificate.
    startDovecot({ users: [users.emil], certificate: ca.selfSigned }),
  ]);
  return { dovecot, selfSigned };
});
let ca: TestCa;
let dovecot: Dovecot;
let selfSigned: Dovecot;
beforeAll(() => ({ ca, servers: { dovecot, selfSigned } } = bed));

async function open() {
  const { settings } = await bed.openStore('mail-setup-outgoing');
  return { service: bed.service(settings), settings };
}

const run = testRun;

function request(user: { user: string; password: string }, outgoing?: { user: string; password: string }): AddAccountRequest {
  return {
    settings: { email: user.user, host: '127.0.0.1', port: dovecot.tlsPort, security: 'tls', username: user.user },
    displayName: '',
    password: user.password,
    allowInsecure: false,
    outgoing: { host: '127.0.0.1', port: dovecot.submissionsPort, security: 'tls', username: (outgoing ?? user).user },
    ...(outgoing === undefined ? {} : { outgoingPassword: outgoing.password }),
  };
}

/** The keychain items of one settings file, as [name without store id, secret]. */
async function keychainOf(settings: SettingsStore): Promise<[string, string][]> {
  const storeId = settings.read().storeId ?? 'none';
  return (await bed.secretsOf(settings)).map((item) => [item.account.replace(`#${storeId}`, ''), item.secret]);
}

describe('accounts with an outgoing server', () => {
  it('saves the outgoing server with one keychain item when the password is shared, and lists both servers', async () => {
    const { service, settings } = await open();
    const added = await service.add(request(users.anna), run());
    expect(added.report?.ok).toBe(true);
    expect(added.report?.outgoing?.failure).toBeNull();
    const outgoing = { host: '127.0.0.1', port: dovecot.submissionsPort, security: 'tls', username: users.anna.user };
    expect(added.account?.outgoing).toEqual({ ...outgoing, sharedPassword: true, hasPassword: true, status: 'ok', lastFailureCategory: null });
    expect(await keychainOf(settings)).toEqual([[users.anna.user, users.anna.password]]);
    const file = JSON.parse(await readFile(settings.path, 'utf8'));
    expect(file.schemaVersion).toBe(3);
    expect(file.accounts[0].outgoing).toMatchObject({ ...outgoing, sharedPassword: true, lastFailureCategory: null });
    expect(JSON.stringify(file)).not.toContain(users.anna.password);
    expect(await service.list()).toEqual([added.account]);
  });

  it('keeps a different outgoing password in a second item, re-tests both, and removes both with the account', async () => {
    const { service, settings } = await open();
    const added = await service.add(request(users.ben, users.benRelay), run());
    expect(added.report?.ok).toBe(true);
    expect(added.account?.outgoing).toMatchObject({ username: users.benRelay.user, sharedPassword: false, hasPassword: true, status: 'ok' });
    expect(await keychainOf(settings)).toEqual([
      [users.ben.user, users.ben.password],
      [`${users.ben.user}#outgoing`, users.benRelay.password],
    ]);

    // The outgoing login's password changes on the server: incoming stays OK, outgoing needs a password.
    await dovecot.setPassword(users.benRelay.user, 'relay pw 2');
    const retest = await service.retest(users.ben.user, run());
    expect(retest.report?.steps.every((step) => step.status === 'passed')).toBe(true);
    expect(retest.report?.outgoing?.failure?.category).toBe('wrong-credentials');
    expect(retest.account).toMatchObject({ status: 'ok', lastFailureCategory: null, outgoing: { status: 'needs-password', lastFailureCategory: 'wrong-credentials' } });
    expect((await service.list())[0]?.outgoing?.status).toBe('needs-password');

    // A wrong new outgoing password replaces nothing, not even the incoming one tested with it.
    const wrong = await service.setPassword(users.ben.user, 'ben new pw', run(), 'relay wrong');
    expect(wrong.report?.ok).toBe(false);
    expect(await keychainOf(settings)).toEqual([
      [users.ben.user, users.ben.password],
      [`${users.ben.user}#outgoing`, users.benRelay.password],
    ]);
    const right = await service.setPassword(users.ben.user, users.ben.password, run(), 'relay pw 2');
    expect(right.report?.ok).toBe(true);
    expect(right.account?.outgoing).toMatchObject({ status: 'ok', sharedPassword: false });
    expect(await keychainOf(settings)).toEqual([
      [users.ben.user, users.ben.password],
      [`${users.ben.user}#outgoing`, 'relay pw 2'],
    ]);

    expect(await service.remove(users.ben.user)).toBe(true);
    expect(await keychainOf(settings)).toEqual([]);
  });

  it('updates one shared password for both servers, only after both pass with it', async () => {
    const { service, settings } = await open();
    await service.add(request(users.cleo), run());
    await dovecot.setPassword(users.cleo.user, 'cleo pw 2');
    const retest = await service.retest(users.cleo.user, run());
    expect(retest.account).toMatchObject({ status: 'needs-password', outgoing: { status: 'needs-password', lastFailureCategory: 'wrong-credentials' } });

    const wrong = await service.setPassword(users.cleo.user, 'not it', run());
    expect(wrong.report?.ok).toBe(false);
    expect(await keychainOf(settings)).toEqual([[users.cleo.user, users.cleo.password]]);
    const right = await service.setPassword(users.cleo.user, 'cleo pw 2', run());
    expect(right.report?.ok).toBe(true);
    expect(right.report?.outgoing?.failure).toBeNull();
    expect(right.account).toMatchObject({ status: 'ok', outgoing: { status: 'ok', sharedPassword: true } });
    expect(await keychainOf(settings)).toEqual([[users.cleo.user, 'cleo pw 2']]);
  });

  it('turns a separate outgoing password into a shared one (the second item goes) when the same one is given', async () => {
    const { service, settings } = await open();
    await service.add(request(users.dirk, users.dirkRelay), run());
    expect(await keychainOf(settings)).toHaveLength(2);
    // The relay login now takes dirk's own password.
    await dovecot.setPassword(users.dirkRelay.user, users.dirk.password);
    const shared = await service.setPassword(users.dirk.user, users.dirk.password, run(), users.dirk.password);
    expect(shared.report?.ok).toBe(true);
    expect(shared.account?.outgoing).toMatchObject({ sharedPassword: true, hasPassword: true, status: 'ok' });
    expect(await keychainOf(settings)).toEqual([[users.dirk.user, users.dirk.password]]);
  });

  it('keeps a certificate the user trusted for the outgoing server with that server, uses it on re-test, and forgets it on revoke', async () => {
    const { service, settings } = await open();
    const fingerprint = ca.selfSigned.fingerprint256;
    const emil = { ...request(users.emil), outgoing: { host: '127.0.0.1', port: selfSigned.submissionsPort, security: 'tls' as const, username: users.emil.user } };
    const untrusted = await service.add(emil, run());
    expect(untrusted.report?.steps.every((step) => step.status === 'passed')).toBe(true);
    expect(untrusted.report?.outgoing?.failure).toMatchObject({ category: 'certificate-untrusted', certificate: { fingerprint256: fingerprint } });
    expect(untrusted.account).toBeNull();
    // The incoming server's pin is for the incoming host and port only.
    expect((await service.add({ ...emil, trustCertificate: fingerprint }, run())).report?.outgoing?.failure?.category).toBe('certificate-untrusted');

    const added = await service.add({ ...emil, outgoingTrustCertificate: fingerprint.replace(/:/g, '').toLowerCase() }, run());
    expect(added.report?.ok).toBe(true);
    expect(added.report?.outgoing?.tls?.pinned).toEqual({ fingerprint256: fingerprint, problem: 'certificate-untrusted' });
    expect(added.account?.trustedCertificates).toEqual([
      { host: '127.0.0.1', port: selfSigned.submissionsPort, fingerprint256: fingerprint, problem: 'certificate-untrusted', trustedAt: expect.any(String) },
    ]);
    expect(JSON.parse(await readFile(settings.path, 'utf8')).accounts[0].trustedCertificates[0].port).toBe(selfSigned.submissionsPort);

    const retest = await service.retest(users.emil.user, run());
    expect(retest.report?.ok).toBe(true);
    expect(retest.account?.outgoing?.status).toBe('ok');

    await service.revokeCertificate(users.emil.user, fingerprint);
    const after = await service.retest(users.emil.user, run());
    expect(after.report?.outgoing?.failure?.category).toBe('certificate-untrusted');
    expect(after.account).toMatchObject({ status: 'ok', outgoing: { status: 'failing', lastFailureCategory: 'certificate-untrusted' } });
  });

  it('saves an account whose outgoing server only refused for now (relay down) only when asked, recorded as failing to re-test later', async () => {
    const { service } = await open();
    await dovecot.setRelayDown(true);
    try {
      const refused = await service.add(request(users.fay), run());
      expect(refused.report?.outgoing?.failure?.category).toBe('server-unavailable');
      expect(refused.account).toBeNull();
      const saved = await service.add({ ...request(users.fay), outgoingLater: true }, run());
      expect(saved.account).toMatchObject({ status: 'ok', outgoing: { status: 'failing', lastFailureCategory: 'server-unavailable' } });
    } finally {
      await dovecot.setRelayDown(false);
    }
    const after = await service.retest(users.fay.user, run());
    expect(after.account).toMatchObject({ status: 'ok', outgoing: { status: 'ok', lastFailureCategory: null } });
  });
});
