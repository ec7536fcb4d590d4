// After STARTTLS, the sign-in rides on the same flight as the CAPABILITY that must be asked again,
// and its answer is handed to imapflow when imapflow asks to sign in: one round trip fewer.
import type { ImapFlow } from 'imapflow';
import { plainInitialResponse } from './imap-round-trips.ts';

/** Tag of the early sign-in; imapflow's tags are hex numbers, never this. */
const earlySignInTag = 'MSAU';

const capabilityCommand = /^\S+ CAPABILITY\r\n$/i;

/**
 * Why this is safe, and when it is tried at all:
 * - RFC 9051 §6.2.1 makes the client discard what the server said before TLS and ask CAPABILITY
 *   again; imapflow does, and then picks its mechanism, which costs a round trip of its own. Here
 *   `AUTHENTICATE PLAIN` with its initial response is written right behind that CAPABILITY, on the
 *   verified TLS connection only (the certificate is judged before anything is written on it).
 * - The only thing taken from before TLS is that the server offered SASL-IR. An attacker who
 *   rewrote that could make the sign-in fail, not leave the encrypted connection; and the
 *   mechanism is PLAIN, the one the check uses for a password over TLS anyway.
 * - imapflow still asks to sign in with what it learned after TLS; its command is not sent again
 *   (a second attempt would double a wrong password's penalty) but answered with the server's
 *   answer to the early one, when the server's capabilities after TLS show that it was valid
 *   (AUTH=PLAIN and SASL-IR), or when it succeeded. Otherwise imapflow's own command goes out.
 * - A server that offered SASL-IR before TLS but asks for the response with `+` after it gets it
 *   from imapflow's own AUTHENTICATE (held back, but current), whose `+` handler answers (tested).
 */
export class EarlySignIn {
  private answer: string | undefined;
  private pending: ((answer: string) => void) | undefined;
  private written = false;

  private readonly user: string;
  private readonly password: string;

  private constructor(user: string, password: string) {
    this.user = user;
    this.password = password;
  }

  /** At the STARTTLS upgrade: an early sign-in for a password where the server offered SASL-IR before it; else undefined. */
  static offered(credential: { kind: string; password?: string }, user: string, preTlsCapabilities: ReadonlyMap<string, unknown>): EarlySignIn | undefined {
    if (credential.kind !== 'password' || credential.password === undefined) return undefined;
    return preTlsCapabilities.has('SASL-IR') ? new EarlySignIn(user, credential.password) : undefined;
  }

  /** imapflow's first command on the encrypted connection (its CAPABILITY), with the early sign-in behind it. */
  shape(line: string): string {
    if (this.written || !capabilityCommand.test(line)) return line;
    this.written = true;
    return `${line}${earlySignInTag} AUTHENTICATE PLAIN ${plainInitialResponse(this.user, this.password)}\r\n`;
  }

  /** Every server line; keeps the answer to the early sign-in (what follows its tag). */
  onServerLine(line: string): void {
    if (!this.written || this.answer !== undefined || !line.startsWith(`${earlySignInTag} `)) return;
    this.answer = line.slice(earlySignInTag.length + 1);
    this.pending?.(this.answer);
  }

  /**
   * imapflow asks to sign in under `tag`: true when the early sign-in answers it (now or once the
   * server has answered), false when imapflow's command should go out as it is. `send` writes
   * imapflow's command after all, should the early answer turn out not to count.
   */
  takeOver(tag: string, client: ImapFlow, send: () => void): boolean {
    if (!this.written) return false;
    const valid = client.capabilities.has('AUTH=PLAIN') && client.capabilities.has('SASL-IR');
    const settle = (answer: string) => {
      if (valid || /^OK\b/i.test(answer)) answerImapflow(client, `${tag} ${answer}\r\n`);
      else send();
    };
    if (this.answer !== undefined) queueMicrotask(() => settle(this.answer as string));
    else this.pending = settle;
    return true;
  }
}

/**
 * Gives imapflow a server line as if it had just arrived: its parser (`streamer`, fed by the
 * socket) reads it next. Only whole lines are given, between the socket's own chunks.
 */
function answerImapflow(client: ImapFlow, line: string): void {
  const parser = (client as unknown as { streamer?: { write(chunk: Buffer): void; destroyed?: boolean } }).streamer;
  if (parser && !parser.destroyed) parser.write(Buffer.from(line, 'latin1'));
}
