// What the check changes in imapflow's conversation so that it costs about four round trips where
// users really are (30–300 ms from their server), and why each change is safe for a one-shot check
// (after STARTTLS the sign-in also rides with the new CAPABILITY: early-sign-in.ts).
import type { ImapFlow } from 'imapflow';
import { appIdentity } from '../../../shared/app-identity.ts';

/** Tag of the one ID command the check itself sends; imapflow's tags are hex numbers, never this. */
const idTag = 'MSID';

/** IMAP quoted string (RFC 9051 `quoted`): backslash and double quote escaped. */
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/**
 * The check's only `ID` (RFC 2971): our name and version and nothing else. It is sent at all
 * because some servers (NetEase 163/126) refuse to open a mailbox for a client that never said
 * ID; it rides in front of EXAMINE, so it costs no wait.
 */
export const idCommand = `${idTag} ID (${quoted('name')} ${quoted(appIdentity.name)} ${quoted('version')} ${quoted(appIdentity.version)})\r\n`;

type Run = (command: string, ...args: unknown[]) => Promise<unknown>;

/**
 * imapflow's internal `run(command)` is where a session's commands start (its `startSession`
 * runs CAPABILITY, ID, AUTHENTICATE, ID again, NAMESPACE; `mailboxOpen` runs LIST and LSUB
 * before EXAMINE). One command is in flight at a time, so each of those is a round trip. Of
 * them, a check that opens INBOX once needs none but sign-in and EXAMINE:
 * - ID: imapflow's waits for an answer before and (Dovecot naming only itself) again after
 *   sign-in, with its own vendor and support address. The check sends {@link idCommand} once,
 *   pipelined at the transport instead.
 * - NAMESPACE: only needed to build folder paths; `INBOX` is the same name in every namespace.
 * - LIST/LSUB before EXAMINE: folder metadata for the path; INBOX always exists by name, so it
 *   is entered as known. (A refused EXAMINE still runs LIST, to tell a missing INBOX apart.)
 * The names come from imapflow's source (pinned in package-lock.json); the Dovecot tests in
 * run-check.dovecot.test.ts fail if a new version sends these again.
 */
export function skipNeedlessRoundTrips(client: ImapFlow): void {
  const internals = client as unknown as { run: Run; folders: Map<string, unknown> };
  const run = internals.run.bind(client);
  internals.run = (command, ...args) => {
    const name = command.toUpperCase();
    if (name === 'ID' || name === 'NAMESPACE') return Promise.resolve(undefined);
    return run(command, ...args);
  };
  internals.folders.set('INBOX', { path: 'INBOX' });
}

/**
 * SASL-IR (RFC 4959): with the server's consent the PLAIN credential rides on the AUTHENTICATE
 * line itself instead of waiting a round trip for the server's empty `+` continuation, which
 * imapflow's PLAIN always does. imapflow then simply never sees a `+` and reads the tagged
 * answer as usual. `line` is imapflow's command as written; anything else comes back unchanged.
 */
export function withInitialResponse(line: string, capabilities: ReadonlyMap<string, unknown>, user: string, password: string): string {
  if (!capabilities.has('SASL-IR')) return line;
  const match = /^(\S+ AUTHENTICATE PLAIN)\r\n$/i.exec(line);
  if (!match) return line;
  return `${match[1]} ${plainInitialResponse(user, password)}\r\n`;
}

/** SASL PLAIN's message (RFC 4616: no authorization identity, the user, the password), base64 for the AUTHENTICATE line. */
export function plainInitialResponse(user: string, password: string): string {
  return Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
}

/** `line` with {@link idCommand} in front when it is the EXAMINE (or SELECT) and the server offers ID. */
export function withPipelinedId(line: string, capabilities: ReadonlyMap<string, unknown>): string {
  return capabilities.has('ID') && /^\S+ (EXAMINE|SELECT) /i.test(line) ? idCommand + line : line;
}
