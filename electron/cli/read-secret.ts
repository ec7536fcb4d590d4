// Reads a password or token from stdin (first line) or from a no-echo prompt on a terminal.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hasLineBreakingCharacters } from '../../shared/server-settings.ts';
import { UsageError, type CliIo } from './cli-io.ts';

/**
 * The first `count` lines of stdin without their line endings (LF or CRLF); missing lines are
 * empty. Read by hand rather than with readline, which also ends a line at a lone CR and would
 * silently cut a password holding one.
 */
async function stdinLines(io: CliIo, count: number): Promise<string[]> {
  const chunks: Buffer[] = [];
  let newlines = 0;
  for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(bytes);
    newlines += bytes.filter((byte) => byte === 0x0a).length;
    if (newlines >= count) break;
  }
  const lines = Buffer.concat(chunks).toString('utf8').split('\n').slice(0, count);
  return Array.from({ length: count }, (_, index) => (lines[index] ?? '').replace(/\r$/, ''));
}

async function firstLine(io: CliIo): Promise<string> {
  return (await stdinLines(io, 1))[0] ?? '';
}

function checkSecret(value: string, what: string): string {
  if (value === '') throw new UsageError(`the ${what.toLowerCase()} is empty`);
  if (hasLineBreakingCharacters(value)) throw new UsageError(`the ${what.toLowerCase()} must not contain line breaks or NUL characters`);
  return value;
}

/** Two secrets from stdin, one a line (`--password-stdin --smtp-password-stdin`): the incoming password, then the outgoing one. */
export async function readSecretLines(io: CliIo, what: readonly [string, string]): Promise<[string, string]> {
  const [first = '', second = ''] = await stdinLines(io, 2);
  return [checkSecret(first, what[0]), checkSecret(second, what[1])];
}

/** Asks on the terminal without echoing what is typed. */
async function prompt(io: CliIo, question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) io.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: io.stdin, output, terminal: true });
  const answer = new Promise<string>((resolve) => rl.question(question, resolve));
  muted = true;
  const value = await answer;
  rl.close();
  io.stderr.write('\n');
  return value;
}

/** The secret from `--…-stdin` or a prompt; never from the command line. */
export async function readSecret(io: CliIo, fromStdin: boolean, what: string): Promise<string> {
  let value: string;
  if (fromStdin) value = await firstLine(io);
  else if (io.stdin.isTTY) value = await prompt(io, `${what}: `);
  else throw new UsageError(`no ${what.toLowerCase()}: pass it on stdin with --${what === 'Password' ? 'password' : 'access-token'}-stdin, or run in a terminal`);
  return checkSecret(value, what);
}
