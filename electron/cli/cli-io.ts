// The streams and environment a CLI command works with (passed in so tests can run commands in-process), and its usage errors.
import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Bad usage or input: the CLI prints the message on one line and exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The usage error for a positional argument; not echoed, as it is sometimes a password typed where it does not belong. */
export const strayArgumentMessage = 'unexpected argument; passwords are read from stdin (--password-stdin) or a prompt, never from the command line';
