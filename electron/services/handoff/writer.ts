// What every hand-off writer takes and gives: a pure function from a saved account to a file's text.
import { bareHost } from '../../../shared/server-settings.ts';
import { ServiceError } from '../service-error.ts';
import type { HandoffAccount, HandoffServer } from './handoff-account.ts';
import type { KeychainPlatform } from './keychain-command.ts';

/** The secrets to put into an export, only where the user asked and the target may carry them. */
export interface IncludedSecrets {
  incoming: string;
  outgoing: string;
}

/** How a writer is asked. */
export interface WriterOptions {
  /** Whose keychain the config's lookup command reads. */
  platform: KeychainPlatform;
  /** The command that prints a fresh OAuth2 access token for this account (`mail-setup token EMAIL`). */
  tokenCommand: string;
  /** Present only with `--include-password` for a target that may carry it. */
  secrets?: IncludedSecrets | undefined;
}

/** A writer's result. */
export interface WrittenExport {
  text: string;
  fileName: string;
  mediaType: string;
  notes: string[];
  containsPassword: boolean;
  /** The QR code's payload array (Thunderbird "Export for Mobile" only). */
  payload?: unknown[];
}

export type HandoffWriter = (account: HandoffAccount, options: WriterOptions) => WrittenExport;

/** An account this target cannot express (the message says why and what to use instead). */
export function unexpressible(message: string): ServiceError {
  return new ServiceError('invalid-request', message);
}

/** The outgoing server, or the clear error of a target that sends mail and has none to use. */
export function requireOutgoing(account: HandoffAccount, program: string): HandoffServer {
  if (account.outgoing === null) {
    throw unexpressible(`${account.email} has no outgoing server saved, and ${program} needs one: add it in Mail Setup, then export again.`);
  }
  return account.outgoing;
}

/** The incoming server, or the clear error of a target that reads only IMAP. */
export function requireImap(account: HandoffAccount, program: string): HandoffServer {
  if (account.protocol !== 'imap') throw unexpressible(`${program} reads mail over IMAP only, and ${account.email} uses POP3.`);
  return account.incoming;
}

/** A file name from the address: what is safe in a file name on every system, nothing else. */
export function fileNameFor(email: string, suffix: string): string {
  return `${email.replace(/[^A-Za-z0-9@._+-]/g, '_')}${suffix}`;
}

/** The host part of a URL: ASCII (an internationalised name as punycode), an IPv6 literal in brackets. */
export function urlHost(host: string): string {
  const ascii = bareHost(host);
  return ascii.includes(':') ? `[${ascii}]` : ascii;
}

/** A value msmtp and mbsync read as one argument: double-quoted, with `\` and `"` escaped. */
export function doubleQuoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
