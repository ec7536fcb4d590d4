// Reads a password or token from stdin (first line) or from a no-echo prompt on a terminal.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hasLineBreakingCharacters } from '../../shared/server-settings.ts';
import { UsageError, type CliIo } from './cli-io.ts';

/**
 * The first line of stdin without its line ending (LF or CRLF). Read by hand rather than with
 * readline, which also ends a line at a lone CR and would silently cut a password holding one.
 */
async function firstLine(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const end = bytes.indexOf(0x0a);
    if (end !== -1) {
      chunks.push(bytes.subarray(0, end));
      break;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r$/, '');
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
  if (value === '') throw new UsageError(`the ${what.toLowerCase()} is empty`);
  if (hasLineBreakingCharacters(value)) throw new UsageError(`the ${what.toLowerCase()} must not contain line breaks or NUL characters`);
  return value;
}
