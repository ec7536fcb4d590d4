// Benchmark: how fast `mail-setup` starts (the prebuilt bundle), against `node -e 0`, median of 10.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './bench-support/median.ts';
import { buildCli } from './build-cli.ts';

/** Budgets from issues #14 and #22, as multiples of `node -e 0`. */
const budgets = { help: 3, discover: 5, export: 5, token: 5 } as const;
const runs = 10;
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'mail-setup.js');

// A data folder with one saved account, so `export` and `token` run their whole path without the network or the keychain.
const dataDir = mkdtempSync(join(tmpdir(), 'mail-setup-bench-'));
writeFileSync(
  join(dataDir, 'settings.json'),
  JSON.stringify({
    schemaVersion: 2,
    storeId: '0123456789ab',
    accounts: [
      {
        email: 'someone@example.com', displayName: 'Someone', host: 'imap.example.com', port: 993, security: 'tls', username: 'someone@example.com',
        authKind: 'password', allowInsecure: false, lastCheckedAt: null, lastFailureCategory: null, trustedCertificates: [],
        outgoing: { host: 'smtp.example.com', port: 465, security: 'tls', username: 'someone@example.com', sharedPassword: true, lastCheckedAt: null, lastFailureCategory: null },
      },
    ],
  }),
  { mode: 0o600 },
);
const env = { ...process.env, MAIL_SETUP_DATA_DIR: dataDir };

/** Runs `node args` once; `expectedStatus` is 2 for `token` of a password account (refused after loading everything it needs). */
function wallMs(args: readonly string[], expectedStatus = 0): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.status !== expectedStatus) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr.toString().trim()}`);
  return elapsed;
}

/** Median of each, run in turn (A B A B …) so that a machine slowing down hits both alike. */
function compare(args: readonly string[], expectedStatus: number): { command: number; node: number } {
  wallMs(args, expectedStatus);
  wallMs(['-e', '0']);
  const command: number[] = [];
  const node: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    command.push(wallMs(args, expectedStatus));
    node.push(wallMs(['-e', '0']));
  }
  return { command: median(command), node: median(node) };
}

buildCli(true);
let over = false;
const lines = [`mail-setup start-up (prebuilt bundle), median of ${runs}, each against node -e 0 run in turn:`];
for (const [name, args, budget, status] of [
  ['mail-setup --help', [bin, '--help'], budgets.help, 0],
  ['mail-setup discover someone@gmail.com --json (bundled provider)', [bin, 'discover', 'someone@gmail.com', '--json'], budgets.discover, 0],
  ['mail-setup export someone@example.com --to msmtp', [bin, 'export', 'someone@example.com', '--to', 'msmtp'], budgets.export, 0],
  ['mail-setup export someone@example.com --to thunderbird-mobile --json', [bin, 'export', 'someone@example.com', '--to', 'thunderbird-mobile', '--json'], budgets.export, 0],
  ['mail-setup token someone@example.com (password account: refused)', [bin, 'token', 'someone@example.com'], budgets.token, 2],
] as const) {
  const { command, node } = compare(args, status);
  const ratio = command / node;
  if (ratio > budget) over = true;
  lines.push(`  ${name.padEnd(66)} ${command.toFixed(0).padStart(5)} ms vs ${node.toFixed(0)} ms: ${ratio.toFixed(2)}× — ${ratio <= budget ? 'within' : 'OVER'} the budget of ${budget}×`);
}
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = over ? 1 : 0;
