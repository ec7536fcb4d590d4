// `npm run bench` part: builds the renderer into a temporary folder and reports its gzipped JavaScript size.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for the renderer's JavaScript, gzipped. */
const budgetBytes = 200 * 1024;

const root = join(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'mail-setup-renderer-'));
try {
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const build = spawnSync(vite, ['build', '--config', 'vite.renderer.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`vite build failed with status ${build.status}`);

  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|css)$/.test(file));
  // One catalogue chunk per language, loaded only for that language: a page loads one of them at most.
  const locales = readdirSync(join(root, 'shared', 'i18n', 'locales')).map((file) => file.replace(/\.json$/, ''));
  const isCatalogue = (file: string) => locales.some((tag) => new RegExp(`(^|/)${tag.replace(/[-]/g, '\\$&')}-[\\w-]+\\.js$`).test(file));
  let largestCatalogue = 0;
  let jsRaw = 0;
  let jsGzip = 0;
  for (const file of files.sort()) {
    const bytes = readFileSync(join(outDir, file));
    // Level 9, as a release server would serve it; the app itself loads the files from disk.
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    if (isCatalogue(file)) largestCatalogue = Math.max(largestCatalogue, gzipped);
    else if (file.endsWith('.js')) {
      jsRaw += bytes.length;
      jsGzip += gzipped;
    }
    process.stdout.write(`  ${relative(outDir, join(outDir, file)).padEnd(36)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  gzip ${(gzipped / 1024).toFixed(1).padStart(6)} KB\n`);
  }
  const loaded = jsGzip + largestCatalogue;
  const verdict = loaded <= budgetBytes ? 'within' : 'OVER';
  process.stdout.write(
    `renderer JavaScript: ${(jsRaw / 1024).toFixed(1)} KB, gzipped ${(jsGzip / 1024).toFixed(1)} KB, plus the largest language catalogue ${(largestCatalogue / 1024).toFixed(1)} KB gzipped: ${(loaded / 1024).toFixed(1)} KB (${verdict} the ${budgetBytes / 1024} KB budget)\n`,
  );
  process.exitCode = loaded <= budgetBytes ? 0 : 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
