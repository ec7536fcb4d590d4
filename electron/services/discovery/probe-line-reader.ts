// Reads CRLF-terminated lines from a probe's socket, with a size limit, until the socket is handed on.
import type { Socket } from 'node:net';

const maxBufferedBytes = 16 * 1024;

/** The lines a server sent, one at a time. */
export interface LineReader {
  /** The next line without its CRLF; rejects once the connection closed or the signal aborted. */
  next(): Promise<string>;
  /** Stops reading so that TLS can take the socket over; false if unread bytes were waiting. */
  detach(): boolean;
}

/** Starts reading `socket`; a server that sends more than 16 KiB without a line break is cut off. */
export function lineReader(socket: Socket, signal: AbortSignal): LineReader {
  let buffer = '';
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    if (buffer.length > maxBufferedBytes) {
      failure ??= new Error('line too long');
      socket.destroy();
    }
    let end: number;
    while ((end = buffer.indexOf('\r\n')) !== -1) {
      lines.push(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
    wake?.();
  };
  const onEnd = (error?: unknown) => {
    failure ??= error ?? new Error('connection closed');
    wake?.();
  };
  const onClose = () => onEnd();
  socket.on('data', onData);
  socket.once('error', onEnd);
  socket.once('close', onClose);
  signal.addEventListener('abort', onClose, { once: true });
  return {
    async next(): Promise<string> {
      while (lines.length === 0) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      return lines.shift() ?? '';
    },
    detach(): boolean {
      socket.removeListener('data', onData);
      socket.removeListener('error', onEnd);
      socket.removeListener('close', onClose);
      signal.removeEventListener('abort', onClose);
      return buffer === '' && lines.length === 0;
    },
  };
}
