// `npm run harness -- --port PORT`: the real renderer and the real main-process services on 127.0.0.1.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildHarnessAssets } from '../e2e/harness/build-harness-assets.ts';
import { startHarness } from '../e2e/harness/harness-server.ts';
import { createNodeServices } from '../electron/node-services.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, prebuilt: { type: 'boolean', default: false } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('harness: --port must be a number from 0 to 65535\n');
  process.exit(2);
}
const root = join(import.meta.dirname, '..');
// --prebuilt serves what the test run's global setup already built.
const assets = values.prebuilt
  ? { rendererDir: join(root, '.harness', 'renderer'), clientScript: join(root, '.harness', 'client', 'harness-client.js') }
  : await buildHarnessAssets(root, join(root, '.harness'));
const { services } = await createNodeServices(process.env);
const harness = await startHarness({ port, ...assets, services });
process.stdout.write(`Harness ready at ${harness.url}\n`);

async function stop() {
  await harness.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
