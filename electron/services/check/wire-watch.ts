// Watches the IMAP conversation on the socket imapflow uses: keeps the server's exact words
// (greeting, BYE, the answer to sign-in) and stops any credential from leaving when it must not.
import type { Duplex } from 'node:stream';
import { ImapLineReader } from './imap-line-reader.ts';
import type { StepFailure } from './check-failure.ts';

const credentialCommand = /^(\S+) (LOGIN|AUTHENTICATE)\b/i;

export interface WireWatchHooks {
  /** First line the server sent (its greeting, or whatever a non-IMAP peer says). */
  onFirstLine: (line: string) => void;
  /** Called just before a credential would be written; a failure returned stops it from leaving. */
  beforeCredential: () => StepFailure | null;
  /** Rewrites one outgoing command line (CRLF included) before it leaves; see imap-round-trips.ts. */
  shapeCommand?: (line: string) => string;
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
  private readonly hooks: WireWatchHooks;

  constructor(hooks: WireWatchHooks) {
    this.hooks = hooks;
  }

  /** Whether a credential command went out on the wire. */
  get credentialSent(): boolean {
    return this.authMechanism !== undefined;
  }

  /** Starts reading the server's lines from `socket` (call after imapflow attached its own reader). */
  attachReader(socket: Duplex): void {
    const reader = new ImapLineReader(
      (line) => this.onLine(line),
      (what) => {
        this.blocked ??= { category: 'protocol-error', detail: `The server sent ${what}; the check stopped reading rather than fill memory.` };
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
    const guarded = (...args: unknown[]): boolean => {
      const [chunk, ...rest] = args;
      const text = typeof chunk === 'string' ? chunk.slice(0, 80) : Buffer.isBuffer(chunk) ? chunk.subarray(0, 80).toString('latin1') : '';
      const match = credentialCommand.exec(text);
      if (match) {
        const refusal = this.blocked ?? this.hooks.beforeCredential();
        if (refusal) {
          this.blocked = refusal;
          socket.destroy();
          return false;
        }
        this.authTag = match[1];
        // Only the mechanism name is kept: the rest of this line may hold the credential.
        this.authMechanism = match[2]?.toUpperCase() === 'LOGIN' ? 'LOGIN' : (text.split(' ')[2]?.trim().toUpperCase() ?? 'AUTHENTICATE');
      }
      const line = this.hooks.shapeCommand ? commandText(chunk) : undefined;
      if (line !== undefined && this.hooks.shapeCommand) {
        const shaped = this.hooks.shapeCommand(line);
        // imapflow writes commands as 'binary' (latin1) buffers; the shaped text goes out the same way.
        if (shaped !== line) return write(Buffer.from(shaped, 'latin1'), ...rest);
      }
      return write(...args);
    };
    (socket as { write: typeof guarded }).write = guarded;
  }

  private onLine(line: string): void {
    if (this.firstLine === undefined) {
      this.firstLine = line;
      this.hooks.onFirstLine(line);
    }
    if (/^\* BYE\b/i.test(line)) this.byeText = line.replace(/^\* BYE\s*/i, '');
    if (this.authTag && line.startsWith(`${this.authTag} `)) this.authResponse = line.slice(this.authTag.length + 1);
  }
}
