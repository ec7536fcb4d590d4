// Spawns the real `mail-setup` CLI (bin/mail-setup.js) as a child process, for tests of the command line.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../../bin/mail-setup.js', import.meta.url));

/** What one CLI process did: its exit status (null when killed), the signal, and what it printed. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A started CLI process, for tests that kill it mid-way. */
export interface RunningCli {
  readonly pid: number | undefined;
  readonly done: Promise<CliResult>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts `mail-setup ...args` with `env` (complete) and `input` on stdin. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv, input = ''): RunningCli {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // A process that exits before reading stdin makes the write fail with EPIPE; its status is what matters.
  child.stdin.on('error', () => {});
  child.stdin.end(input);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { pid: child.pid, done, kill: (signal) => child.kill(signal) };
}

/** Runs `mail-setup ...args` to the end. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, input = ''): Promise<CliResult> {
  return startCli(args, env, input).done;
}
