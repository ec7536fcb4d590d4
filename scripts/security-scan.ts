// Runs Electronegativity over the app's sources and fails on any finding not allow-listed with a reason.
//
// Usage: node scripts/security-scan.ts [--report FILE.sarif]
// Exit status: 0 clean (every finding allow-listed), 1 findings or unscannable files, 2 bad allow-list.
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const root = join(import.meta.dirname, '..');

/**
 * What is scanned: the code that ships (main, preload, renderer, shared) and the files that
 * decide how it is built and packaged. Unit tests, e2e specs and scripts are left out: they
 * never run inside the app, and tests pass deliberately unsafe fakes to prove they are refused.
 * package-lock.json is needed for the scanner to learn the Electron version.
 */
const scannedPaths = [
  'package.json',
  'package-lock.json',
  'forge.config.ts',
  'vite.main.config.ts',
  'vite.preload.config.ts',
  'vite.renderer.config.ts',
  'electron',
  'renderer',
  'shared',
];
const isTest = (path: string) => /\.test\.[cm]?[jt]sx?$/.test(path);

const AllowListSchema = z.strictObject({
  $comment: z.string().optional(),
  entries: z.array(
    z.strictObject({
      /** Electronegativity's check id, e.g. "CSP_GLOBAL_CHECK". */
      check: z.string().min(1),
      /** Path relative to the project root, with "/" separators. */
      file: z.string().min(1),
      /** Why this finding is not a problem here; a reviewer must be able to judge it. */
      reason: z.string().min(30, 'must explain why the finding is acceptable (30 characters at least)'),
    }),
  ),
});
type AllowEntry = z.infer<typeof AllowListSchema>['entries'][number];

/** One finding as Electronegativity's runner returns it. */
interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  sample?: string;
  description: string;
  manualReview?: boolean;
}

interface ScanResult {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

/**
 * Loads Electronegativity's runner with its translation download replaced by an immediate
 * failure, so that it uses the English strings it ships. The download would make every run
 * depend on a remote file, and offline it crashes the process (a `got` retry bug).
 */
function loadScanner(): Run {
  const require = createRequire(import.meta.url);
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(join(dirname(runnerPath), 'locales', 'i18n.js')).resolve('got');
  const offline = new Module(gotPath);
  offline.filename = gotPath;
  offline.loaded = true;
  offline.exports = () => Promise.reject(new Error('translations are not downloaded during the scan'));
  require.cache[gotPath] = offline;
  return require(runnerPath) as Run;
}

async function stageSources(): Promise<string> {
  const stage = await mkdtemp(join(tmpdir(), 'mail-setup-electronegativity-'));
  for (const path of scannedPaths) {
    await cp(join(root, path), join(stage, path), {
      recursive: true,
      filter: (source) => !source.split(sep).includes('node_modules') && !isTest(source),
    });
  }
  return stage;
}

const toPosix = (path: string) => path.split(sep).join('/');
const matches = (entry: AllowEntry, finding: Finding) =>
  entry.check.toUpperCase() === finding.id.toUpperCase() && entry.file === toPosix(finding.file);

async function readAllowList(path: string): Promise<AllowEntry[]> {
  const parsed = AllowListSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`${relative(root, path)} is not a valid allow-list: ${problems}`);
  }
  return parsed.data.entries;
}

function describe(finding: Finding): string {
  const where = `${toPosix(finding.file)}:${finding.location.line}:${finding.location.column}`;
  const review = finding.manualReview ? ' (review required)' : '';
  const sample = finding.sample ? `\n    ${finding.sample}` : '';
  return `${finding.id} ${where} [${finding.severity.name}/${finding.confidence.name}]${review}\n    ${finding.description}${sample}\n    https://github.com/doyensec/electronegativity/wiki/${finding.id}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { report: { type: 'string' } } });
  const report = values.report ?? join(root, '.ci', '.cache', 'electronegativity.sarif');
  let allowList: AllowEntry[];
  try {
    allowList = await readAllowList(join(root, '.ci', 'electronegativity-allowlist.json'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }

  const stage = await stageSources();
  let result: ScanResult;
  try {
    await mkdir(dirname(report), { recursive: true });
    // The descriptions come from the locale named by LANG; the scanner ships only a few.
    process.env['LANG'] = 'en-US';
    result = await loadScanner()(
      {
        input: stage,
        output: report,
        isSarif: true,
        isRelative: true,
        customScan: [],
        // This check downloads Electron's release list and would change the verdict whenever
        // Electron ships a release; keeping Electron current is the dependency updates' job.
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        parserPlugins: [],
      },
      false,
    );
  } finally {
    await rm(stage, { recursive: true, force: true });
  }

  // The scanner exits 0 whatever it finds, so the verdict is made here.
  const unscanned = result.errors.filter((error) => !error.tolerable);
  const allowed = result.issues.filter((finding) => allowList.some((entry) => matches(entry, finding)));
  const refused = result.issues.filter((finding) => !allowed.includes(finding));
  const unused = allowList.filter((entry) => !result.issues.some((finding) => matches(entry, finding)));

  process.stdout.write(`Electronegativity: ${result.issues.length} finding(s), ${allowed.length} allow-listed; report in ${relative(root, report)}\n`);
  for (const entry of unused) console.warn(`warning: allow-list entry matches nothing any more, remove it: ${entry.check} ${entry.file}`);
  for (const error of unscanned) console.error(`error: could not scan ${toPosix(relative(stage, error.file))}: ${error.message}`);
  for (const finding of refused) console.error(`finding not in .ci/electronegativity-allowlist.json:\n  ${describe(finding)}`);
  if (refused.length > 0 || unscanned.length > 0) {
    console.error('Fix the findings above, or allow-list each one with the reason it is safe.');
    return 1;
  }
  return 0;
}

process.exitCode = await main();
