// The harness's services tell the user when a damaged settings file was set aside, and still start.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../e2e/fixtures/temp-dir.ts';
import { createNodeServices } from './node-services.ts';

let dataDir: TempDir | undefined;
afterEach(async () => {
  await dataDir?.remove();
});

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
