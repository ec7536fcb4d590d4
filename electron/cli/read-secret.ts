// Reads a password or token from stdin (first line) or from a no-echo prompt on a terminal.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hasLineBreakingCharacters } from '../../shared/server-settings.ts';
import { UsageError, type CliIo } from './cli-io.ts';
import { say } from './cli-language.ts';

/** Which secret: the password, the outgoing server's own password (only ever from stdin), or an OAuth2 access token. */
type Secret = 'password' | 'outgoingPassword' | 'accessToken';

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

const empty = { password: 'secret.password.empty', outgoingPassword: 'secret.outgoingPassword.empty', accessToken: 'secret.accessToken.empty' } as const;
const lineBreaks = { password: 'secret.password.lineBreaks', outgoingPassword: 'secret.outgoingPassword.lineBreaks', accessToken: 'secret.accessToken.lineBreaks' } as const;

function checkSecret(value: string, what: Secret): string {
  if (value === '') throw new UsageError(say(empty[what]));
  if (hasLineBreakingCharacters(value)) throw new UsageError(say(lineBreaks[what]));
  return value;
}

/** Two secrets from stdin, one a line (`--password-stdin --smtp-password-stdin`): the incoming password, then the outgoing one. */
export async function readSecretLines(io: CliIo): Promise<[string, string]> {
  const [first = '', second = ''] = await stdinLines(io, 2);
  return [checkSecret(first, 'password'), checkSecret(second, 'outgoingPassword')];
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
export async function readSecret(io: CliIo, fromStdin: boolean, what: Exclude<Secret, 'outgoingPassword'>): Promise<string> {
  let value: string;
  if (fromStdin) value = await firstLine(io);
  else if (io.stdin.isTTY) value = await prompt(io, `${say(what === 'password' ? 'secret.password.prompt' : 'secret.accessToken.prompt')} `);
  else throw new UsageError(say(what === 'password' ? 'secret.password.missing' : 'secret.accessToken.missing'));
  return checkSecret(value, what);
}
