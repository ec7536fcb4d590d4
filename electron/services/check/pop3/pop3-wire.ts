// One POP3 conversation on a socket: commands written (pipelined where asked), replies read line by
// line within the engine's size limits, every line reported to the transcript with secrets masked.
import { stepText } from '../../net/step-text.ts';
import type { Duplex } from 'node:stream';
import { ImapLineReader } from '../imap-line-reader.ts';
import { StepFailedError } from '../../net/step-failure.ts';

/** A command line and how the transcript shows it (a sign-in's secret part as •••). */
export interface Pop3Command {
  line: string;
  shown?: string;
}

/** A status line: `+OK …`, `-ERR …`, or a SASL continuation `+ …`. */
export interface Pop3Reply {
  ok: boolean;
  /** A `+ ` continuation (RFC 5034) rather than `+OK`. */
  continuation: boolean;
  /** The text after the status indicator. */
  text: string;
  /** The whole line as sent. */
  line: string;
}

/** Longest multi-line answer kept (CAPA, UIDL, TOP headers); a longer one is refused. */
const maxMultilineLines = 20_000;

export function parseReply(line: string): Pop3Reply {
  if (/^\+OK\b/i.test(line)) return { ok: true, continuation: false, text: line.slice(3).trim(), line };
  if (line === '+' || line.startsWith('+ ')) return { ok: false, continuation: true, text: line.slice(2), line };
  if (/^-ERR\b/i.test(line)) return { ok: false, continuation: false, text: line.slice(4).trim(), line };
  throw new StepFailedError({ category: 'protocol-error', ...stepText('pop3.neitherOkNorErr'), serverText: line.slice(0, 200) });
}

/** Reads replies from the current socket (replaced after STLS) and writes commands to it. */
export class Pop3Wire {
  private socket: Duplex;
  private readonly lines: string[] = [];
  private wake: (() => void) | undefined;
  private ended: unknown;
  private detachCurrent: () => void = () => undefined;
  private reader: ImapLineReader | undefined;
  private readonly onWire: ((from: 'client' | 'server', line: string) => void) | undefined;
  private readonly signal: AbortSignal;

  constructor(socket: Duplex, signal: AbortSignal, onWire?: ((from: 'client' | 'server', line: string) => void) | undefined) {
    this.socket = socket;
    this.signal = signal;
    this.onWire = onWire;
    signal.addEventListener('abort', () => this.end(signal.reason), { once: true });
    this.attach(socket);
  }

  /** Starts reading `socket` (the TLS socket after STLS) in place of the previous one. */
  attach(socket: Duplex): void {
    this.detachCurrent();
    this.socket = socket;
    this.ended = undefined;
    const reader = new ImapLineReader(
      (line) => {
        this.onWire?.('server', line);
        this.lines.push(line);
        this.wake?.();
      },
      (_what, said) => {
        this.end(new StepFailedError({ category: 'protocol-error', ...said }));
        socket.destroy();
      },
      { literals: false },
    );
    this.reader = reader;
    const onData = (chunk: Buffer) => reader.push(chunk);
    const onClose = () => this.end(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNRESET' }));
    const onError = (error: unknown) => this.end(error);
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onError);
    this.detachCurrent = () => {
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onError);
    };
  }

  /**
   * Stops reading the plain socket so that TLS can take it over. True only when the server sent
   * nothing beyond the STLS answer: bytes that arrived before the handshake could be injected
   * (CVE-2011-0411-style), so the caller refuses such a server.
   */
  detachForTls(): boolean {
    this.detachCurrent();
    this.detachCurrent = () => undefined;
    return this.lines.length === 0 && (this.reader?.buffered ?? 0) === 0;
  }

  /** Writes the commands in one write (pipelined where the caller sends several). */
  send(...commands: Pop3Command[]): void {
    for (const command of commands) this.onWire?.('client', command.shown ?? command.line);
    this.socket.write(commands.map((command) => `${command.line}\r\n`).join(''));
  }

  /** The next status line. */
  async reply(): Promise<Pop3Reply> {
    return parseReply(await this.next());
  }

  /** The lines of a multi-line answer after its `+OK`, up to the lone `.`, dot-stuffing removed. */
  async multiline(): Promise<string[]> {
    const body: string[] = [];
    for (;;) {
      const line = await this.next();
      if (line === '.') return body;
      if (body.length >= maxMultilineLines) {
        this.socket.destroy();
        throw new StepFailedError({ category: 'protocol-error', ...stepText('pop3.listTooLong', { lines: String(maxMultilineLines) }) });
      }
      body.push(line.startsWith('..') ? line.slice(1) : line);
    }
  }

  /** The next raw line (a greeting may be anything). */
  async next(): Promise<string> {
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) return line;
      if (this.ended !== undefined) throw this.ended;
      if (this.signal.aborted) throw this.signal.reason;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private end(reason: unknown): void {
    this.ended ??= reason;
    this.wake?.();
  }
}
