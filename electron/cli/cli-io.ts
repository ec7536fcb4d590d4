// The streams and environment a CLI command works with, passed in so tests can run commands in-process.
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
