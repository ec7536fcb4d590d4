// Splits what the server sends into IMAP response lines, stepping over literals, with a size cap.

/** Longest line kept; a server that never ends its line is cut here rather than filling memory. */
const maxLineBytes = 64 * 1024;

/** Feeds raw bytes, calls `onLine` with every complete response line (literal bodies skipped). */
export class ImapLineReader {
  private pending = Buffer.alloc(0);
  private literalBytesLeft = 0;
  private readonly onLine: (line: string) => void;

  constructor(onLine: (line: string) => void) {
    this.onLine = onLine;
  }

  push(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.literalBytesLeft > 0) {
        const skip = Math.min(this.literalBytesLeft, data.length);
        this.literalBytesLeft -= skip;
        data = data.subarray(skip);
        continue;
      }
      const newline = data.indexOf(0x0a);
      if (newline === -1) {
        this.pending = Buffer.concat([this.pending, data]).subarray(0, maxLineBytes);
        return;
      }
      const line = Buffer.concat([this.pending, data.subarray(0, newline)]).toString('utf8').replace(/\r$/, '');
      this.pending = Buffer.alloc(0);
      data = data.subarray(newline + 1);
      const literal = /\{(\d+)\+?\}$/.exec(line);
      if (literal?.[1]) this.literalBytesLeft = Number(literal[1]);
      this.onLine(line);
    }
  }
}
