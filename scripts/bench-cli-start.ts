// Benchmark: how fast `mail-setup` starts (the prebuilt bundle), against `node -e 0`, median of 10.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './bench-support/median.ts';
import { buildCli } from './build-cli.ts';

/** Budgets from issue #14, as multiples of `node -e 0`. */
const budgets = { help: 3, discover: 5 } as const;
const runs = 10;
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'mail-setup.js');

function wallMs(args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return elapsed;
}

/** Median of each, run in turn (A B A B …) so that a machine slowing down hits both alike. */
function compare(args: readonly string[]): { command: number; node: number } {
  wallMs(args);
  wallMs(['-e', '0']);
  const command: number[] = [];
  const node: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    command.push(wallMs(args));
    node.push(wallMs(['-e', '0']));
  }
  return { command: median(command), node: median(node) };
}

buildCli(true);
let over = false;
const lines = [`mail-setup start-up (prebuilt bundle), median of ${runs}, each against node -e 0 run in turn:`];
for (const [name, args, budget] of [
  ['mail-setup --help', [bin, '--help'], budgets.help],
  ['mail-setup discover someone@gmail.com --json (bundled provider)', [bin, 'discover', 'someone@gmail.com', '--json'], budgets.discover],
] as const) {
  const { command, node } = compare(args);
  const ratio = command / node;
  if (ratio > budget) over = true;
  lines.push(`  ${name.padEnd(66)} ${command.toFixed(0).padStart(5)} ms vs ${node.toFixed(0)} ms: ${ratio.toFixed(2)}× — ${ratio <= budget ? 'within' : 'OVER'} the budget of ${budget}×`);
}
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = over ? 1 : 0;
