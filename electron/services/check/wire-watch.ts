// Watches the IMAP conversation on the socket imapflow uses: keeps the server's exact words
// (greeting, BYE, the answer to sign-in) and stops any credential from leaving when it must not.
import type { Duplex } from 'node:stream';
import { ImapLineReader } from './imap-line-reader.ts';
import type { StepFailure } from '../net/step-failure.ts';

const credentialCommand = /^(\S+) (LOGIN|AUTHENTICATE)\b/i;

export interface WireWatchHooks {
  /** First line the server sent (its greeting, or whatever a non-IMAP peer says). */
  onFirstLine: (line: string) => void;
  /** Called just before a credential (`LOGIN` or `AUTHENTICATE`) would be written; a failure returned stops it from leaving. */
  beforeCredential: (command: 'LOGIN' | 'AUTHENTICATE') => StepFailure | null;
  /** Rewrites one outgoing command line (CRLF included) before it leaves; see imap-round-trips.ts. */
  shapeCommand?: (line: string) => string;
  /**
   * imapflow's sign-in command under `tag` is about to leave: true when it is answered another way
   * (early-sign-in.ts) and must not be written; `send` writes it after all, through the same guard.
   */
  takeOverCredential?: (tag: string, send: () => void) => boolean;
  /** Every server line, as it is read. */
  onServerLine?: (line: string) => void;
  /** Each line as it crosses the wire, for the transcript; sign-in payloads are already masked. */
  onWire?: ((from: 'client' | 'server', line: string) => void) | undefined;
}

const mask = '•••';

/** A sign-in command line with its payload masked: LOGIN keeps the user name, AUTHENTICATE the mechanism. */
function maskCredentialLine(line: string): string {
  const login = /^(\S+ LOGIN )("(?:[^"\\]|\\.)*"|\S+)/i.exec(line);
  if (login) return `${login[1]}${login[2]} ${mask}`;
  const auth = /^(\S+ AUTHENTICATE \S+)( .*)?$/i.exec(line);
  return auth ? `${auth[1]}${auth[2] ? ` ${mask}` : ''}` : mask;
}

/** Commands are short; a longer write is a literal's data and is never reshaped. */
const maxShapedBytes = 4096;

function commandText(chunk: unknown): string | undefined {
  if (typeof chunk === 'string') return chunk.length <= maxShapedBytes ? chunk : undefined;
  return Buffer.isBuffer(chunk) && chunk.length <= maxShapedBytes ? chunk.toString('latin1') : undefined;
}

/** Records what the server said and guards what the client writes. */
export class WireWatch {
  firstLine: string | undefined;
  byeText: string | undefined;
  /** The sign-in mechanism of the credential that left (LOGIN, PLAIN, XOAUTH2…), once one has. */
  authMechanism: string | undefined;
  blocked: StepFailure | undefined;
  authResponse: string | undefined;
  private authTag: string | undefined;
  /** While a sign-in is under way, every client line (SASL responses, literals) is a secret. */
  private signingIn = false;
  private readonly hooks: WireWatchHooks;

  constructor(hooks: WireWatchHooks) {
    this.hooks = hooks;
  }

  /** Whether the server said OK to the sign-in: whatever goes wrong after it, the credential was right. */
  get signInAccepted(): boolean {
    return this.authResponse !== undefined && /^OK\b/i.test(this.authResponse);
  }

  /** Whether a credential command went out on the wire. */
  get credentialSent(): boolean {
    return this.authMechanism !== undefined;
  }

  /** Starts reading the server's lines from `socket` (call after imapflow attached its own reader). */
  attachReader(socket: Duplex): void {
    const reader = new ImapLineReader(
      (line) => this.onLine(line),
      (_what, said) => {
        this.blocked ??= { category: 'protocol-error', ...said };
        socket.destroy();
      },
    );
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
  }

  /**
   * Wraps `socket.write` so a credential command passes through `beforeCredential` first, and
   * every command line through `shapeCommand`.
   */
  guardWrites(socket: Duplex): void {
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    // Set while a taken-over sign-in is written after all, so that it is not taken over again.
    let handingOver = false;
    const guarded = (...args: unknown[]): boolean => {
      const [chunk, ...rest] = args;
      const line = this.hooks.shapeCommand || this.hooks.onWire ? commandText(chunk) : undefined;
      const head = typeof chunk === 'string' ? chunk.slice(0, 80) : Buffer.isBuffer(chunk) ? chunk.subarray(0, 80).toString('latin1') : '';
      const own = credentialCommand.exec(head);
      if (own?.[1] && !handingOver && this.hooks.takeOverCredential) {
        const send = () => {
          handingOver = true;
          try {
            guarded(...args);
          } finally {
            handingOver = false;
          }
        };
        if (this.hooks.takeOverCredential(own[1], send)) return true;
      }
      const shaped = line !== undefined && this.hooks.shapeCommand ? this.hooks.shapeCommand(line) : line;
      // Every command line of the write is looked at: a shaped write may carry a sign-in of its own.
      for (const text of shaped === undefined ? [head] : shaped.split('\r\n')) {
        const match = credentialCommand.exec(text);
        if (!match) continue;
        const refusal = this.blocked ?? this.hooks.beforeCredential(match[2]?.toUpperCase() === 'LOGIN' ? 'LOGIN' : 'AUTHENTICATE');
        if (refusal) {
          this.blocked = refusal;
          socket.destroy();
          return false;
        }
        this.authTag = match[1];
        // Only the mechanism name is kept: the rest of this line may hold the credential.
        this.authMechanism = match[2]?.toUpperCase() === 'LOGIN' ? 'LOGIN' : (text.split(' ')[2]?.trim().toUpperCase() ?? 'AUTHENTICATE');
      }
      if (shaped !== undefined) this.record(shaped);
      else if (this.hooks.onWire) this.hooks.onWire('client', this.signingIn ? mask : '(long data not shown)');
      // imapflow writes commands as 'binary' (latin1) buffers; shaped text goes out the same way.
      return shaped !== undefined && shaped !== line ? write(Buffer.from(shaped, 'latin1'), ...rest) : write(...args);
    };
    (socket as { write: typeof guarded }).write = guarded;
  }

  /** Reports the client's lines to `onWire`, masking a sign-in command and everything sent while it runs. */
  private record(text: string): void {
    const onWire = this.hooks.onWire;
    if (!onWire) return;
    const lines = text.split('\r\n');
    if (lines.at(-1) === '') lines.pop();
    for (const line of lines) {
      if (credentialCommand.test(line)) {
        onWire('client', maskCredentialLine(line));
        this.signingIn = true;
      } else onWire('client', this.signingIn ? mask : line);
    }
  }

  private onLine(line: string): void {
    this.hooks.onWire?.('server', line);
    this.hooks.onServerLine?.(line);
    if (this.firstLine === undefined) {
      this.firstLine = line;
      this.hooks.onFirstLine(line);
    }
    if (/^\* BYE\b/i.test(line)) this.byeText = line.replace(/^\* BYE\s*/i, '');
    if (this.authTag && line.startsWith(`${this.authTag} `)) {
      this.authResponse = line.slice(this.authTag.length + 1);
      this.signingIn = false;
    }
  }
}
