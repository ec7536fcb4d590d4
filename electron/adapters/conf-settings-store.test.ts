// Tests the conf settings store on real files: format, schema, migration, corrupt files set aside, newer files left alone.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../e2e/fixtures/temp-dir.ts';
import type { StoredAccount } from '../services/accounts/settings-schema.ts';
import { ServiceError } from '../services/service-error.ts';
import { openConfSettingsStore } from './conf-settings-store.ts';

const account: StoredAccount = {
  email: 'alice@example.test',
  displayName: 'Alice',
  host: 'imap.example.test',
  port: 993,
  security: 'tls',
  username: 'alice',
  protocol: 'imap',
  authKind: 'password',
  allowInsecure: false,
  lastCheckedAt: '2026-01-01T00:00:00.000Z',
  lastFailureCategory: null,
  trustedCertificates: [],
  outgoing: null,
};
const now = () => new Date('2026-02-03T04:05:06.789Z');

let dir: TempDir;
let file: string;
beforeEach(async () => {
  dir = await makeTempDir('mail-setup-settings');
  file = join(dir.path, 'settings.json');
});
afterEach(async () => {
  await dir.remove();
});

describe('conf settings store', () => {
  it('writes nothing until something is saved, then a versioned settings.json only its owner can read', async () => {
    const store = openConfSettingsStore(dir.path, { now });
    expect(store.read()).toEqual({ storeId: null, accounts: [] });
    expect(await readdir(dir.path)).toEqual([]);
    store.write({ storeId: '0123456789ab', accounts: [account] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 3, storeId: '0123456789ab', accounts: [account] });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(openConfSettingsStore(dir.path).read()).toEqual({ storeId: '0123456789ab', accounts: [account] });
    expect(store.notice).toBeNull();
  });

  it('refuses to write a key the schema does not know (a password, say)', async () => {
    const store = openConfSettingsStore(dir.path, { now });
    const withSecret = { ...account, password: 'hunter2' } as StoredAccount;
    expect(() => store.write({ storeId: '0123456789ab', accounts: [withSecret] })).toThrow(ServiceError);
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('migrates a file from before schema versions in place', async () => {
    await writeFile(file, JSON.stringify({ accounts: [{ email: 'bob@example.test', host: 'h', port: 143, security: 'starttls', username: 'bob' }] }));
    const store = openConfSettingsStore(dir.path, { now });
    expect(store.notice).toBeNull();
    expect(store.read().accounts[0]).toMatchObject({ email: 'bob@example.test', authKind: 'password', trustedCertificates: [] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 3 });
  });

  it('migrates a file this app wrote before outgoing servers (version 1): nothing lost, the old file kept as a backup', async () => {
    // Exactly what version 1 wrote (conf's tab indentation), with a pinned certificate and a failed re-test.
    const { outgoing, protocol, ...version1Account } = { ...account, lastFailureCategory: 'wrong-credentials' as const, trustedCertificates: [{ host: 'imap.example.test', port: 993, fingerprint256: 'AA:BB', problem: 'certificate-untrusted', trustedAt: '2026-01-02T00:00:00.000Z' }] };
    void outgoing;
    expect(protocol).toBe('imap');
    const version1 = `${JSON.stringify({ schemaVersion: 1, storeId: '0123456789ab', accounts: [version1Account, { ...version1Account, email: 'bob@example.test', authKind: 'oauth2' }] }, null, '\t')}\n`;
    await writeFile(file, version1, { mode: 0o600 });
    const store = openConfSettingsStore(dir.path, { now });
    expect(store.notice).toBeNull();
    expect(store.read()).toEqual({ storeId: '0123456789ab', accounts: [{ ...version1Account, outgoing: null, protocol }, { ...version1Account, email: 'bob@example.test', authKind: 'oauth2', outgoing: null, protocol }] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 3 });
    const backup = join(dir.path, 'settings.v1-backup-2026-02-03T04-05-06-789Z.json');
    expect(await readFile(backup, 'utf8')).toBe(version1);
    expect((await stat(backup)).mode & 0o777).toBe(0o600);
    // Opening again finds a current file: no second backup.
    openConfSettingsStore(dir.path, { now });
    expect((await readdir(dir.path)).sort()).toEqual(['settings.json', 'settings.v1-backup-2026-02-03T04-05-06-789Z.json']);
  });

  it('sets a corrupt file aside as a backup, tells, and starts empty', async () => {
    await writeFile(file, '{"schemaVersion": 1, "accounts": [');
    const store = openConfSettingsStore(dir.path, { now });
    const backup = join(dir.path, 'settings.corrupt-2026-02-03T04-05-06-789Z.json');
    expect(store.notice).toEqual({
      kind: 'corrupt',
      backupPath: backup,
      message: expect.stringContaining(backup),
      words: [{ id: 'serviceTexts.settings.corrupt', values: { reason: 'notJson', version: '', why: 'it is not valid JSON', backupPath: backup } }],
    });
    expect(store.notice?.message).toMatch(/could not be read \(it is not valid JSON\)/);
    expect(await readFile(backup, 'utf8')).toBe('{"schemaVersion": 1, "accounts": [');
    expect(store.read()).toEqual({ storeId: null, accounts: [] });
    store.write({ storeId: '0123456789ab', accounts: [account] });
    expect(openConfSettingsStore(dir.path, { now }).notice).toBeNull();
  });

  it('sets a schema-violating file aside too', async () => {
    await writeFile(file, JSON.stringify({ schemaVersion: 1, accounts: [{ ...account, port: 'imap' }] }));
    const store = openConfSettingsStore(dir.path, { now });
    expect(store.notice?.kind).toBe('corrupt');
    expect(store.read().accounts).toEqual([]);
  });

  it('leaves a file from a newer version where and as it is: lists what it can read, refuses every write naming the version', async () => {
    // A newer version's account carries a field this one does not know, and a category it does not know.
    const future = { ...account, protocol: 'imap', lastFailureCategory: 'quantum-flux' };
    const newer = JSON.stringify({ schemaVersion: 7, storeId: '0123456789ab', accounts: [future, { email: 'broken' }], somethingNew: true });
    await writeFile(file, newer);
    const store = openConfSettingsStore(dir.path, { now });
    expect(store.notice).toMatchObject({ kind: 'newer', backupPath: null });
    expect(store.notice?.message).toMatch(/newer version of Mail Setup \(settings version 7; this one knows up to \d\)\. It was left as it is/);
    expect(store.read()).toEqual({ storeId: '0123456789ab', accounts: [{ ...account, lastFailureCategory: null }] });
    let refused: unknown;
    try {
      store.write({ storeId: '0123456789ab', accounts: [] });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ name: 'StorageError', reason: 'newer-version', message: expect.stringMatching(/newer version of Mail Setup \(settings version 7\).*Nothing was changed\./) });
    expect(() => store.assertWritable('nothingSent')).toThrow(/newer version of Mail Setup/);
    // Exactly where and as it was: no backup, no rewrite, even after opening again.
    openConfSettingsStore(dir.path, { now });
    expect(await readdir(dir.path)).toEqual(['settings.json']);
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('sets aside a file that goes bad while the store is open', async () => {
    const store = openConfSettingsStore(dir.path, { now });
    store.write({ storeId: '0123456789ab', accounts: [account] });
    await writeFile(file, 'garbage');
    expect(store.read()).toEqual({ storeId: null, accounts: [] });
    expect(store.notice?.kind).toBe('corrupt');
    expect(await readFile(store.notice?.backupPath ?? '', 'utf8')).toBe('garbage');
  });

  it('keeps both backups when two land in the same millisecond', async () => {
    await writeFile(file, 'one');
    openConfSettingsStore(dir.path, { now });
    await writeFile(file, 'two');
    const second = openConfSettingsStore(dir.path, { now });
    expect(second.notice?.backupPath).toBe(join(dir.path, 'settings.corrupt-2026-02-03T04-05-06-789Z-1.json'));
    expect((await readdir(dir.path)).sort()).toEqual(['settings.corrupt-2026-02-03T04-05-06-789Z-1.json', 'settings.corrupt-2026-02-03T04-05-06-789Z.json']);
  });
});
