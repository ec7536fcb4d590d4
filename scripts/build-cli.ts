// Builds the prebuilt `mail-setup` (.vite/cli) with vite.cli.config.ts. With `--if-stale` it
// builds only when a source file is newer than the bundle, so tests never run yesterday's CLI.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bundle = join(root, '.vite', 'cli', 'mail-setup.js');

function newestSource(): number {
  let newest = 0;
  for (const name of ['package.json', 'vite.cli.config.ts']) newest = Math.max(newest, statSync(join(root, name)).mtimeMs);
  for (const folder of ['electron', 'shared']) {
    for (const file of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) newest = Math.max(newest, statSync(join(root, folder, file)).mtimeMs);
    }
  }
  return newest;
}

function bundleTime(): number {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds the bundle (or, with `onlyIfStale`, only when it is missing or older than its sources). */
export function buildCli(onlyIfStale = false): void {
  if (onlyIfStale && bundleTime() > newestSource()) return;
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', 'vite.cli.config.ts'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`building the CLI failed (vite exited with ${result.status})`);
}

if (import.meta.main) buildCli(process.argv.includes('--if-stale'));
