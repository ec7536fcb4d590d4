// How the CLI ends on an error: one line on stderr, the exit status, with --json one JSON document, and for the unexpected a line for support.
import { basename } from 'node:path';
import { appIdentity } from '../../shared/app-identity.ts';
import { StorageError } from '../services/accounts/storage-error.ts';
import { ServiceError } from '../services/service-error.ts';
import { oneLine, UsageError, type CliIo } from './cli-io.ts';
import { say, sayById } from './cli-language.ts';
import { isParseArgsError, parseArgsMessage } from './parse-args-message.ts';

/** The error document `--json` prints on stdout when a command fails with status 1 before it had a result to print. */
export interface CliErrorDocument {
  ok: false;
  error: {
    /** `storage-unavailable`, `keychain-unavailable`, `internal` (unexpected), or another service code. */
    code: string;
    /** For `storage-unavailable`: `disk-full`, `read-only`, `permission-denied`, `newer-version` or `other`. */
    reason?: string;
    message: string;
    /** For `internal`: what a person can send to support (the error's kind and where; never a message or a secret). */
    support?: string;
  };
}

/**
 * The error's kind and where it was thrown, without its message (which might quote a server or
 * hold a path with a secret in it): `TypeError at openSettingsFile (settings-store.ts:88:11)`,
 * with an errno code and system call where there is one, and the versions.
 */
export function supportLine(error: unknown, command: string): string {
  const kind = error instanceof Error ? error.name : typeof error;
  const errno = error as NodeJS.ErrnoException | undefined;
  const system = typeof errno?.code === 'string' ? ` ${errno.code}${typeof errno.syscall === 'string' ? ` (${errno.syscall})` : ''}` : '';
  const frame = (error instanceof Error ? (error.stack ?? '') : '')
    .split('\n')
    .slice(1)
    .map((line) => /at (?:(.+?) \()?(?:file:\/\/)?([^()\s]+?):(\d+):(\d+)\)?$/.exec(line.trim()))
    .find((match) => match !== null && !match[2]?.startsWith('node:'));
  const where = frame ? ` at ${frame[1] ? `${frame[1]} ` : ''}(${basename(frame[2] ?? '')}:${frame[3]}:${frame[4]})` : '';
  // eslint-disable-next-line local/no-english-literal -- for support staff, the same in every language
  return `${kind}${system}${where} in "mail-setup ${command}"; Mail Setup ${appIdentity.version}, Node ${process.version}, ${process.platform}`;
}

/** A service error's message in the run's language where it carries its ids, else as it is (English). */
export function serviceErrorText(error: ServiceError): string {
  return error.words ? error.words.map((ref) => sayById(ref.id, ref.values)).join(' ') : error.message;
}

/** Prints what `error` means and returns the exit status (2 bad usage or input, 1 anything else). */
export function reportCliError(error: unknown, argv: readonly string[], io: CliIo): number {
  if (error instanceof UsageError || isParseArgsError(error)) {
    // parseArgs explains itself on further lines; the first says what is wrong.
    io.stderr.write(`mail-setup: ${oneLine(error instanceof UsageError ? (error.message.split('\n')[0] ?? '') : parseArgsMessage(error))}\n`);
    return 2;
  }
  // The command and subcommand only: later arguments may be an address or a host.
  const command = argv.slice(0, argv[0] === 'accounts' || argv[0] === 'export' ? 2 : 1).filter((arg) => /^[a-z-]+$/.test(arg)).join(' ');
  let document: CliErrorDocument;
  if (error instanceof ServiceError) {
    io.stderr.write(`mail-setup: ${oneLine(serviceErrorText(error))}\n`);
    if (error.code === 'invalid-request' || error.code === 'not-found') return 2;
    document =
      error instanceof StorageError
        ? { ok: false, error: { code: 'storage-unavailable', reason: error.reason, message: error.message } }
        : { ok: false, error: { code: error.code, message: error.message } };
  } else {
    const support = supportLine(error, command);
    // English in the document: a --json run loads no language (and its output is the same in every one).
    const message = say('errors.unexpected');
    io.stderr.write(`mail-setup: ${message}\nmail-setup: ${say('errors.support', { support })}\n`);
    document = { ok: false, error: { code: 'internal', message, support } };
  }
  // --json promises one document on stdout, failure or not.
  if (argv.includes('--json')) io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  return 1;
}
