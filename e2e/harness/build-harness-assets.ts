// Builds the renderer and the harness client with Vite, so the harness always serves current code.
import { join } from 'node:path';
import { build } from 'vite';

/** Builds into `outDir`; returns where the renderer and the client script are. */
export async function buildHarnessAssets(root: string, outDir: string): Promise<{ rendererDir: string; clientScript: string }> {
  const rendererDir = join(outDir, 'renderer');
  await build({ configFile: join(root, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir: rendererDir, emptyOutDir: true } });
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir: join(outDir, 'client'),
      emptyOutDir: true,
      lib: { entry: join(root, 'e2e/harness/client/harness-client.ts'), formats: ['iife'], name: 'harnessClient', fileName: () => 'harness-client.js' },
    },
  });
  return { rendererDir, clientScript: join(outDir, 'client', 'harness-client.js') };
}
