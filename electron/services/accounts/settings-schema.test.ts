// Tests the settings file's versioned migrations and validation, without touching disk.
import { describe, expect, it } from 'vitest';
import { migrateSettings, settingsSchemaVersion } from './settings-schema.ts';

const account = {
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
  outgoing: { host: 'smtp.example.test', port: 465, security: 'tls', username: 'alice', sharedPassword: true, lastCheckedAt: null, lastFailureCategory: null },
};

describe('migrateSettings', () => {
  it('accepts a current document as it is', () => {
    const document = { schemaVersion: settingsSchemaVersion, storeId: '0123456789ab', accounts: [account] };
    expect(migrateSettings(document)).toEqual({ kind: 'current', document, migratedFrom: null });
  });

  it('migrates a document without a schema version (version 0), filling the later fields', () => {
    const outcome = migrateSettings({ accounts: [{ email: 'bob@example.test', host: 'h', port: 143, security: 'starttls', username: 'bob' }] });
    expect(outcome).toEqual({
      kind: 'current',
      migratedFrom: 0,
      document: {
        schemaVersion: settingsSchemaVersion,
        accounts: [
          {
            email: 'bob@example.test', host: 'h', port: 143, security: 'starttls', username: 'bob', displayName: '',
            authKind: 'password', allowInsecure: false, lastCheckedAt: null, lastFailureCategory: null, trustedCertificates: [], outgoing: null, protocol: 'imap',
          },
        ],
      },
    });
  });

  it('migrates a version 1 document (this app before outgoing mail) without losing a field: no outgoing server yet', () => {
    const { outgoing, protocol, ...version1Account } = account;
    void outgoing;
    const document = { schemaVersion: 1, storeId: '0123456789ab', accounts: [version1Account] };
    expect(migrateSettings(document)).toEqual({
      kind: 'current',
      migratedFrom: 1,
      document: { schemaVersion: settingsSchemaVersion, storeId: '0123456789ab', accounts: [{ ...version1Account, outgoing: null, protocol }] },
    });
  });

  it('migrates a version 2 document (this app before POP3): every saved account is IMAP', () => {
    const { protocol, ...version2Account } = account;
    const document = { schemaVersion: 2, storeId: '0123456789ab', accounts: [version2Account] };
    expect(migrateSettings(document)).toEqual({
      kind: 'current',
      migratedFrom: 2,
      document: { schemaVersion: 3, storeId: '0123456789ab', accounts: [{ ...version2Account, protocol }] },
    });
    expect(protocol).toBe('imap');
    expect(migrateSettings({ schemaVersion: 3, accounts: [{ ...account, protocol: 'pop2' }] })).toMatchObject({ kind: 'corrupt' });
  });

  it('runs each missing step once, in order, from the stored version', () => {
    const ran: number[] = [];
    const steps = {
      2: (document: Record<string, unknown>) => (ran.push(2), document),
      1: (document: Record<string, unknown>) => (ran.push(1), document),
    };
    migrateSettings({}, steps, 2);
    expect(ran).toEqual([1, 2]);
    migrateSettings({ schemaVersion: 1 }, steps, 2);
    expect(ran).toEqual([1, 2, 2]);
    expect(migrateSettings({ schemaVersion: 3 }, steps, 2)).toEqual({ kind: 'newer', version: 3 });
    expect(migrateSettings({}, {}, 1)).toEqual({ kind: 'corrupt', reason: { key: 'noMigration', version: 1, why: 'no migration to schema version 1' } });
  });

  it('reports a newer version and broken documents', () => {
    expect(migrateSettings({ schemaVersion: settingsSchemaVersion + 1, accounts: [] })).toEqual({ kind: 'newer', version: settingsSchemaVersion + 1 });
    expect(migrateSettings([])).toMatchObject({ kind: 'corrupt' });
    expect(migrateSettings({ schemaVersion: 'one' })).toMatchObject({ kind: 'corrupt' });
    expect(migrateSettings({ schemaVersion: settingsSchemaVersion, accounts: [{ ...account, port: 'x' }] })).toMatchObject({ kind: 'corrupt' });
    expect(migrateSettings({ schemaVersion: settingsSchemaVersion, accounts: [{ ...account, outgoing: { ...account.outgoing, password: 'x' } }] })).toMatchObject({ kind: 'corrupt' });
  });

  it('refuses any key beyond the schema, so a secret cannot be stored by mistake', () => {
    const outcome = migrateSettings({ schemaVersion: settingsSchemaVersion, accounts: [{ ...account, password: 'secret' }] });
    expect(outcome).toMatchObject({ kind: 'corrupt' });
  });
});
