// The harness's services tell the user when a damaged settings file was set aside or the data folder is read-only, and still start.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../e2e/fixtures/temp-dir.ts';
import type { IpcEnvelope } from '../shared/ipc-contract.ts';
import { loadCatalogue } from '../shared/i18n/catalogues.ts';
import { createTranslator } from '../shared/i18n/translator.ts';
import type { MessageRef } from '../shared/messages/failure-words.ts';
import { englishShared } from '../shared/messages/shared-catalogue.ts';
import { probeWritable } from './services/accounts/write-probe.ts';
import { canMount, mountSkipReason, readOnly, smallDisk, type Mounted } from './services/accounts/test-support/fault-mounts.ts';
import { registerHandlers, type Services } from './ipc/register-handlers.ts';
import { createNodeServices } from './node-services.ts';

let dataDir: TempDir | undefined;
const undo: Mounted[] = [];
afterEach(async () => {
  for (const mounted of undo.splice(0).reverse()) mounted.undo();
  await dataDir?.remove();
});

/** Catalogue texts in German, as the page says them. */
async function inGerman(words: readonly MessageRef[]): Promise<string> {
  const german = createTranslator('de', await loadCatalogue('de', englishShared), englishShared, { isolateArguments: false });
  return words.map((ref) => german.text(ref.id, ref.values)).join(' ');
}

it('reports a corrupt settings file through getNotices and keeps it as a backup', async () => {
  dataDir = await makeTempDir('node-services');
  await writeFile(join(dataDir.path, 'settings.json'), '{ this is not json');
  const { services } = await createNodeServices({ MAIL_SETUP_DATA_DIR: dataDir.path });
  const { notices } = await services.getNotices({}, () => undefined);
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatch(/settings/i);
  const files = await readdir(dataDir.path);
  expect(files.some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
});

it('has nothing to report for a fresh data folder', async () => {
  dataDir = await makeTempDir('node-services');
  const { services } = await createNodeServices({ MAIL_SETUP_DATA_DIR: dataDir.path });
  expect((await services.getNotices({}, () => undefined)).notices).toEqual([]);
});

it.skipIf(!canMount)(`a read-only data folder: the notice and a refused write carry their words, which the page says in German (${mountSkipReason})`, async () => {
  const disk = await smallDisk({ size: '1m' });
  undo.push(disk, readOnly(disk.data));
  const { services } = await createNodeServices({ MAIL_SETUP_DATA_DIR: disk.data });
  const answer = await services.getNotices({}, () => undefined);
  expect(answer.notices).toEqual([expect.stringMatching(/^The saved accounts are shown read-only for now\. Could not write the saved accounts in .*: the file system is read-only \(EROFS\)\./)]);
  const words = answer.words?.[0];
  expect(words).toBeDefined();
  expect(await inGerman(words ?? [])).toBe(
    `Die gespeicherten Konten werden vorerst nur angezeigt und können nicht geändert werden. Die gespeicherten Konten konnten in ${disk.data} nicht geschrieben werden: das Dateisystem ist schreibgeschützt (EROFS). Dieses Dateisystem ist schreibgeschützt eingehängt: Machen Sie es beschreibbar oder setzen Sie MAIL_SETUP_DATA_DIR auf einen beschreibbaren Ordner und versuchen Sie es dann erneut.`,
  );
  // A call refused by the folder: the envelope keeps the English message and adds its words.
  const handlers = new Map<string, (sender: null, payload: unknown) => Promise<IpcEnvelope<unknown>>>();
  const refusing = { ...services, getNotices: async () => probeWritable(join(disk.data, 'settings.json'), 'nothingSent') } as unknown as Services;
  registerHandlers({ handle: (channel, handler) => handlers.set(channel, handler), isTrustedSender: () => true, send: () => undefined }, refusing);
  const envelope = await handlers.get('app:notices')?.(null, {});
  expect(envelope).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('Nothing was sent to the server and nothing was saved.') } });
  const error = envelope?.ok === false ? envelope.error : undefined;
  expect(await inGerman(error?.words ?? [])).toContain('das Dateisystem ist schreibgeschützt (EROFS). Es wurde nichts an den Server gesendet und nichts gespeichert.');
});
