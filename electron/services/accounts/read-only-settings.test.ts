// Reading settings.json without conf: missing, older, current, corrupt and newer files.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../../e2e/fixtures/temp-dir.ts';
import { storedAccount } from '../handoff/test-support/saved-accounts.ts';
import { openReadOnlySettings } from './read-only-settings.ts';

let dir: TempDir;
beforeEach(async () => {
  dir = await makeTempDir('mail-setup-read-only-settings');
});
afterEach(async () => {
  await dir.remove();
});
const write = (content: unknown) => writeFile(join(dir.path, 'settings.json'), typeof content === 'string' ? content : JSON.stringify(content));

describe('read-only settings', () => {
  it('reads no accounts from a missing file, and the accounts of a current one', async () => {
    const settings = openReadOnlySettings(dir.path);
    expect(settings.read()).toEqual({ storeId: null, accounts: [] });
    await write({ schemaVersion: 2, storeId: '0123456789ab', accounts: [storedAccount()] });
    expect(settings.read()).toEqual({ storeId: '0123456789ab', accounts: [storedAccount()] });
  });

  it('migrates an older file in memory, leaving the file as it was', async () => {
    const version1: Record<string, unknown> = { ...storedAccount() };
    delete version1['outgoing'];
    const original = { schemaVersion: 1, storeId: '0123456789ab', accounts: [version1] };
    await write(original);
    expect(openReadOnlySettings(dir.path).read().accounts[0]?.outgoing).toBeNull();
    expect(JSON.parse(await readFile(join(dir.path, 'settings.json'), 'utf8'))).toEqual(original);
  });

  it('says how to repair a corrupt file and that a newer one needs a newer Mail Setup', async () => {
    await write('{ not json');
    expect(() => openReadOnlySettings(dir.path).read()).toThrow(/cannot be read \(it is not valid JSON\); open Mail Setup or run "mail-setup accounts list"/);
    await write({ schemaVersion: 99, accounts: [] });
    expect(() => openReadOnlySettings(dir.path).read()).toThrow(/from a newer Mail Setup \(schema version 99\)/);
  });
});
