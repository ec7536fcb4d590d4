// `npm run harness -- --port PORT [--locale TAG]`: the real renderer and the real main-process services on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildHarnessAssets } from '../e2e/harness/build-harness-assets.ts';
import { startHarness } from '../e2e/harness/harness-server.ts';
import { createNodeServices } from '../electron/node-services.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, prebuilt: { type: 'boolean', default: false }, locale: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('harness: --port must be a number from 0 to 65535\n');
  process.exit(2);
}
const root = join(import.meta.dirname, '..');
// --prebuilt serves what the test run's global setup already built; otherwise each harness builds
// into a folder of its own, so that several can start at once.
const buildDir = values.prebuilt ? undefined : mkdtempSync(join(tmpdir(), 'mail-setup-harness-'));
const assets = buildDir
  ? await buildHarnessAssets(root, buildDir)
  : { rendererDir: join(root, '.harness', 'renderer'), clientScript: join(root, '.harness', 'client', 'harness-client.js') };
const { services } = await createNodeServices(process.env);
// --locale TAG: the printed URL opens the page in that language (?locale=TAG).
const harness = await startHarness({ port, ...assets, services, ...(values.locale ? { locale: values.locale } : {}) });
process.stdout.write(`Harness ready at ${harness.url}\n`);

async function stop() {
  await harness.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started through `npm run`, the harness must not outlive npm: if npm is killed outright, the
// harness is handed to another parent, and then it stops too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop();
}, 1000).unref();
