// Reading settings.json without conf: missing, older, current, corrupt and newer files.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../../e2e/fixtures/temp-dir.ts';
import { loadCatalogue } from '../../../shared/i18n/catalogues.ts';
import { createTranslator } from '../../../shared/i18n/translator.ts';
import { englishShared } from '../../../shared/messages/shared-catalogue.ts';
import { ServiceError } from '../service-error.ts';
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

  it('says each refusal in German from its words; the English message stays for --json', async () => {
    const german = createTranslator('de', await loadCatalogue('de', englishShared), englishShared, { isolateArguments: false });
    const refusal = (): ServiceError => {
      try {
        openReadOnlySettings(dir.path).read();
      } catch (error) {
        if (error instanceof ServiceError) return error;
        throw error;
      }
      throw new Error('the file was read');
    };
    const inGerman = (error: ServiceError) => (error.words ?? []).map((ref) => german.text(ref.id, ref.values)).join(' ');
    const path = join(dir.path, 'settings.json');
    await write('{ not json');
    expect(inGerman(refusal())).toBe(`Die Einstellungsdatei ${path} kann nicht gelesen werden (sie enthält kein gültiges JSON); öffnen Sie Mail Setup oder führen Sie „mail-setup accounts list“ aus, um sie beiseitezulegen.`);
    await write({ accounts: [{ email: 'x' }] });
    const field = refusal();
    // A field and what is wrong with it is the schema's own words, inside the German sentence.
    expect(field.message).toMatch(/cannot be read \(accounts\.0\./);
    expect(inGerman(field)).toMatch(/^Die Einstellungsdatei .* kann nicht gelesen werden \(accounts\.0\./);
    await write({ schemaVersion: 99, accounts: [] });
    expect(inGerman(refusal())).toBe(`Die Einstellungsdatei ${path} stammt von einem neueren Mail Setup (Schemaversion 99); aktualisieren Sie Mail Setup.`);
  });
});
