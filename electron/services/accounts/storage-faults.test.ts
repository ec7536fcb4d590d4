// The accounts service on real faulty storage (a full or inode-starved tmpfs, read-only bind mounts, a file that cannot be replaced, a newer file) and against a server that goes away after OK: nothing is lost, nothing is sent in vain, nothing is called what it is not.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { imapScript, ordinaryCapabilities, startScriptedPeer, type ScriptedPeer } from '../../../e2e/fixtures/scripted-imap-peer.ts';
import type { TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { openConfSettingsStore } from '../../adapters/conf-settings-store.ts';
import { keychainAccountName } from '../secrets/secret-store.ts';
import type { AddAccountRequest } from './accounts-service.types.ts';
import { settingsSchemaVersion, type StoredAccount } from './settings-schema.ts';
import type { SettingsStore } from './settings-store.ts';
import { StorageError } from './storage-error.ts';
import { accountsTestBed, testRun } from './test-support/accounts-test-bed.ts';
import { canMount, fillUp, mountSkipReason, pinnedInPlace, readOnly, smallDisk, type Mounted } from './test-support/fault-mounts.ts';

const storeId = '0a1b2c3d4e5f';
const oldPassword = 'old password';
const newPassword = 'new password';

/** An IMAP server over TLS that says OK to any sign-in; `then` lines after the OK (and a close) make it go away. */
function server(ca: TestCa, then?: readonly string[]): Promise<ScriptedPeer> {
  const signIn = then === undefined ? { kind: 'refuse' as const, response: 'OK Logged in' } : { kind: 'refuse' as const, response: 'OK Logged in', after: then, close: true };
  return startScriptedPeer({ script: imapScript({ capabilities: ordinaryCapabilities, signIn }), tls: ca.trusted });
}

const bed = accountsTestBed(async (ca) => {
  const [ok, restarting] = await Promise.all([server(ca), server(ca, ['* BYE Server shutting down.'])]);
  return { ok, restarting };
});
let ok: ScriptedPeer;
let restarting: ScriptedPeer;
beforeAll(() => ({ servers: { ok, restarting } } = bed));

const undo: Mounted[] = [];
afterEach(() => {
  for (const mounted of undo.splice(0).reverse()) mounted.undo();
});

function account(email: string, peer: ScriptedPeer): StoredAccount {
  return {
    email, displayName: '', host: '127.0.0.1', port: peer.port, security: 'tls', username: email, protocol: 'imap', authKind: 'password', allowInsecure: false,
    lastCheckedAt: '2026-01-01T00:00:00.000Z', lastFailureCategory: null, trustedCertificates: [], outgoing: null,
  };
}

function addRequest(email: string): AddAccountRequest {
  return { settings: { email, host: '127.0.0.1', port: ok.port, security: 'tls', username: email }, displayName: '', password: oldPassword, allowInsecure: false };
}

/** A data folder holding one saved account with its password in the keychain, before any fault. */
async function savedAccount(data: string, email: string, peer: ScriptedPeer = ok): Promise<SettingsStore> {
  openConfSettingsStore(data).write({ storeId, accounts: [account(email, peer)] });
  await bed.keyring.storeSecret('mail-setup', keychainAccountName(storeId, email), oldPassword);
  return openConfSettingsStore(data);
}

const secretOf = async (email: string) => (await bed.keyring.listSecrets()).find((item) => item.account === keychainAccountName(storeId, email))?.secret;

async function refusal(work: Promise<unknown>): Promise<StorageError> {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

/** Credentials the server has received so far, to prove a refused operation sent none. */
const sent = (peer: ScriptedPeer) => peer.credentials.length;

describe.skipIf(!canMount)(`storage faults, made for real (${mountSkipReason})`, () => {
  it('a full disk: add refuses before the password leaves, naming the folder and the cause; list still works', async () => {
    const disk = await smallDisk();
    undo.push(disk);
    const settings = await savedAccount(disk.data, 'full-add@example.test');
    fillUp(disk.path);
    const service = bed.service(settings);
    const before = sent(ok);
    const error = await refusal(service.add(addRequest('new-on-full@example.test'), testRun()));
    expect(error.reason).toBe('disk-full');
    expect(error.message).toContain(disk.data);
    expect(error.message).toMatch(/the disk is full \(ENOSPC\)\. Nothing was sent to the server and nothing was saved\. Free some space/);
    expect(sent(ok)).toBe(before);
    expect((await service.list()).map((entry) => [entry.email, entry.hasPassword])).toEqual([['full-add@example.test', true]]);
    expect((await bed.keyring.listSecrets()).filter((item) => item.account.startsWith('new-on-full@'))).toEqual([]);
  });

  it('a disk out of inodes: the list is shown read-only (and says so), add refuses before sending, naming the inodes', async () => {
    const disk = await smallDisk({ size: '1m', inodes: 64 });
    undo.push(disk);
    const settings = await savedAccount(disk.data, 'inodes@example.test');
    fillUp(disk.path, 'inodes');
    const service = bed.service(settings);
    expect((await service.list()).map((entry) => entry.email)).toEqual(['inodes@example.test']);
    expect(settings.notice).toMatchObject({ kind: 'read-only' });
    expect(settings.notice?.message).toMatch(new RegExp(`read-only for now.*${disk.data}.*no free inodes \\(ENOSPC\\)`));
    const before = sent(ok);
    const error = await refusal(service.add(addRequest('new-on-inodes@example.test'), testRun()));
    expect(error.message).toMatch(/no free inodes \(ENOSPC\)/);
    expect(sent(ok)).toBe(before);
  });

  it('a full disk during remove and set-password: nothing changes, the account keeps its password', async () => {
    const disk = await smallDisk();
    undo.push(disk);
    const settings = await savedAccount(disk.data, 'full-remove@example.test');
    const text = await readFile(settings.path, 'utf8');
    fillUp(disk.path);
    const service = bed.service(settings);
    const before = sent(ok);
    expect((await refusal(service.remove('full-remove@example.test'))).message).toMatch(/ENOSPC.*Nothing was removed/);
    expect((await refusal(service.setPassword('full-remove@example.test', newPassword, testRun()))).message).toMatch(/ENOSPC.*not sent to the server; the old one is still in the keychain/);
    expect(sent(ok)).toBe(before);
    expect(await secretOf('full-remove@example.test')).toBe(oldPassword);
    expect(await readFile(settings.path, 'utf8')).toBe(text);
    const [listed] = await service.list();
    expect(listed).toMatchObject({ email: 'full-remove@example.test', hasPassword: true, status: 'ok' });
  });

  it('a read-only data folder: list reads without the lock and says so; add, set-password and remove change nothing and send nothing', async () => {
    const disk = await smallDisk({ size: '1m' });
    undo.push(disk);
    const settings = await savedAccount(disk.data, 'ro@example.test');
    undo.push(readOnly(disk.data));
    // Known at once when the store opens, before any list: what the app's notices show at start.
    expect(openConfSettingsStore(disk.data).notice).toMatchObject({ kind: 'read-only', message: expect.stringMatching(/read-only \(EROFS\)/) });
    const service = bed.service(settings);
    expect((await service.list()).map((entry) => [entry.email, entry.status])).toEqual([['ro@example.test', 'ok']]);
    expect(settings.notice?.message).toMatch(new RegExp(`shown read-only for now\\. Could not (lock|write) the saved accounts in ${disk.data}: the file system is read-only \\(EROFS\\)\\..*make it writable, or set MAIL_SETUP_DATA_DIR`));
    const before = sent(ok);
    for (const work of [service.add(addRequest('ro-new@example.test'), testRun()), service.setPassword('ro@example.test', newPassword, testRun()), service.remove('ro@example.test')]) {
      expect((await refusal(work)).reason).toBe('read-only');
    }
    expect(sent(ok)).toBe(before);
    expect(await secretOf('ro@example.test')).toBe(oldPassword);
  });

  it('a settings file bind-mounted read-only (the lock still works): remove and set-password change nothing and send nothing', async () => {
    const disk = await smallDisk({ size: '1m' });
    undo.push(disk);
    const settings = await savedAccount(disk.data, 'ro-file@example.test');
    undo.push(readOnly(settings.path));
    const service = bed.service(settings);
    const before = sent(ok);
    const removal = await refusal(service.remove('ro-file@example.test'));
    expect(removal.message).toContain(settings.path);
    expect(removal.message).toMatch(/read-only \(EROFS\)\. Nothing was removed: the account and its password are still saved\./);
    expect((await refusal(service.setPassword('ro-file@example.test', newPassword, testRun()))).reason).toBe('read-only');
    expect(sent(ok)).toBe(before);
    expect(await secretOf('ro-file@example.test')).toBe(oldPassword);
    expect((await service.list())[0]).toMatchObject({ hasPassword: true, status: 'ok' });
  });

  it('a settings file that cannot be replaced (a rename refused, EBUSY): set-password puts the old password back, remove keeps the account and its password', async () => {
    const disk = await smallDisk({ size: '1m' });
    undo.push(disk);
    const settings = await savedAccount(disk.data, 'pinned@example.test');
    const text = await readFile(settings.path, 'utf8');
    undo.push(pinnedInPlace(settings.path));
    const service = bed.service(settings);
    // The check passes and the write fails after it: the new password must not stay behind.
    expect((await refusal(service.setPassword('pinned@example.test', newPassword, testRun()))).message).toMatch(/EBUSY.*The new password was not saved; the old one is still in the keychain\./);
    expect(await secretOf('pinned@example.test')).toBe(oldPassword);
    expect((await refusal(service.remove('pinned@example.test'))).message).toMatch(/EBUSY.*Nothing was removed/);
    expect(await secretOf('pinned@example.test')).toBe(oldPassword);
    expect(await readFile(settings.path, 'utf8')).toBe(text);
    expect((await service.list())[0]).toMatchObject({ email: 'pinned@example.test', hasPassword: true, status: 'ok' });
  });
});

describe('a settings file from a newer version', () => {
  it('stays where and as it is: its accounts are listed, every change is refused naming the version, nothing is sent', async () => {
    const { dir } = await bed.openStore('mail-setup-newer');
    const path = join(dir, 'settings.json');
    const newer = JSON.stringify({ schemaVersion: settingsSchemaVersion + 1, storeId, accounts: [{ ...account('future@example.test', ok), protocol: 'imap' }], newThing: {} });
    await writeFile(path, newer);
    await bed.keyring.storeSecret('mail-setup', keychainAccountName(storeId, 'future@example.test'), oldPassword);
    const settings = openConfSettingsStore(dir);
    const service = bed.service(settings);
    expect((await service.list()).map((entry) => [entry.email, entry.hasPassword])).toEqual([['future@example.test', true]]);
    expect(settings.notice?.message).toMatch(new RegExp(`newer version of Mail Setup \\(settings version ${settingsSchemaVersion + 1};.*left as it is`));
    const before = sent(ok);
    for (const work of [
      service.add(addRequest('another@example.test'), testRun()),
      service.setPassword('future@example.test', newPassword, testRun()),
      service.retest('future@example.test', testRun()),
      service.remove('future@example.test'),
    ]) {
      expect((await refusal(work)).reason).toBe('newer-version');
    }
    expect(sent(ok)).toBe(before);
    expect(await readFile(path, 'utf8')).toBe(newer);
    expect(await secretOf('future@example.test')).toBe(oldPassword);
  });
});

describe('a server that accepts the sign-in and then goes away', () => {
  it('is no wrong password: the saved account does not turn to "needs password"', async () => {
    const { dir } = await bed.openStore('mail-setup-restart');
    const settings = await savedAccount(dir, 'restart@example.test', restarting);
    const result = await bed.service(settings).retest('restart@example.test', testRun());
    expect(result.report?.failure?.category).toBe('server-unavailable');
    expect(result.report?.failure?.serverText).toBe('Server shutting down.');
    expect(result.account).toMatchObject({ hasPassword: true, status: 'failing', lastFailureCategory: 'server-unavailable' });
    expect((await bed.service(openConfSettingsStore(dir)).list())[0]?.status).toBe('failing');
  });
});
