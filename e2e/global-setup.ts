// Builds the renderer and the harness client once for the whole Playwright run.
import { join } from 'node:path';
import { buildHarnessAssets } from './harness/build-harness-assets.ts';

export default async function globalSetup(): Promise<void> {
  const root = join(import.meta.dirname, '..');
  await buildHarnessAssets(root, join(root, '.harness'));
}
