// Splits what the server sends into IMAP response lines, stepping over literals (POP3's lines have
import { stepText, type StepText } from '../net/step-text.ts';
// none), and refuses a line or literal too large for any answer a check needs (a hostile or broken server).

/** Longest line kept for the report; a longer one is cut here. */
const keptLineBytes = 64 * 1024;

/**
 * What the check accepts from a server: no greeting, capability list, sign-in answer or EXAMINE
 * response comes near this, while a `{999999999}` literal or an endless line would otherwise be
 * buffered (by imapflow too) until memory runs out.
 */
export const inboundLimits = { lineBytes: 256 * 1024, literalBytes: 256 * 1024 } as const;

/** Feeds raw bytes, calls `onLine` with every complete response line (literal bodies skipped). */
export class ImapLineReader {
  private pending = Buffer.alloc(0);
  private pendingBytes = 0;
  private literalBytesLeft = 0;
  private refused = false;
  private readonly onLine: (line: string) => void;
  private readonly onTooLarge: (what: string, said: StepText) => void;
  private readonly literals: boolean;

  /**
   * `onTooLarge` is told once, in words, what exceeded {@link inboundLimits}; reading stops there.
   * `literals: false` reads a protocol without IMAP literals (POP3), where `{5}` ending a line is text.
   */
  constructor(onLine: (line: string) => void, onTooLarge: (what: string, said: StepText) => void = () => undefined, options: { literals?: boolean } = {}) {
    this.onLine = onLine;
    this.onTooLarge = onTooLarge;
    this.literals = options.literals ?? true;
  }

  /** Bytes received but not yet a complete line (STLS: none may wait when TLS begins). */
  get buffered(): number {
    return this.pendingBytes;
  }

  push(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0 && !this.refused) {
      if (this.literalBytesLeft > 0) {
        const skip = Math.min(this.literalBytesLeft, data.length);
        this.literalBytesLeft -= skip;
        data = data.subarray(skip);
        continue;
      }
      const newline = data.indexOf(0x0a);
      if (newline === -1) {
        this.pendingBytes += data.length;
        if (this.pendingBytes > inboundLimits.lineBytes) {
          this.refuse(`a line longer than ${inboundLimits.lineBytes / 1024} KB without a line end`, stepText('limits.lineTooLongNoEnd', { kb: String(inboundLimits.lineBytes / 1024) }));
          return;
        }
        if (this.pending.length < keptLineBytes) this.pending = Buffer.concat([this.pending, data]).subarray(0, keptLineBytes);
        return;
      }
      if (this.pendingBytes + newline > inboundLimits.lineBytes) {
        this.refuse(`a line longer than ${inboundLimits.lineBytes / 1024} KB`, stepText('limits.lineTooLong', { kb: String(inboundLimits.lineBytes / 1024) }));
        return;
      }
      const line = Buffer.concat([this.pending, data.subarray(0, newline)]).subarray(0, keptLineBytes).toString('utf8').replace(/\r$/, '');
      this.pending = Buffer.alloc(0);
      this.pendingBytes = 0;
      data = data.subarray(newline + 1);
      const literal = this.literals ? /\{(\d+)\+?\}$/.exec(line) : null;
      if (literal?.[1]) {
        const size = Number(literal[1]);
        if (size > inboundLimits.literalBytes) {
          this.refuse(`a literal of ${literal[1]} bytes (more than ${inboundLimits.literalBytes / 1024} KB)`, stepText('limits.literalTooLarge', { bytes: literal[1], kb: String(inboundLimits.literalBytes / 1024) }));
          return;
        }
        this.literalBytesLeft = size;
      }
      this.onLine(line);
    }
  }

  private refuse(what: string, said: StepText): void {
    this.refused = true;
    this.pending = Buffer.alloc(0);
    this.onTooLarge(what, said);
  }
}
