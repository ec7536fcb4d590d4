// Records what the process's sockets to one port write, one entry per write call (a corked batch is one), for tests of pipelining.
import { Socket } from 'node:net';

type WriteGeneric = (this: Socket, writev: boolean, data: unknown, encoding: BufferEncoding, callback: (error?: Error | null) => void) => unknown;

function text(data: unknown): string {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data) || data instanceof Uint8Array) return Buffer.from(data).toString('latin1');
  return '';
}

/**
 * Wraps Node's one path for socket writes (plain and TLS alike: the TLS socket's writes are the
 * plaintext handed to one TLS record each) until `stop`. Only writes to `remotePort` are kept.
 */
export function recordWrites(remotePort: number): { writes: string[]; stop(): void } {
  const prototype = Socket.prototype as unknown as { _writeGeneric: WriteGeneric };
  const original = prototype._writeGeneric;
  const writes: string[] = [];
  prototype._writeGeneric = function (this: Socket, writev, data, encoding, callback) {
    if (this.remotePort === remotePort) {
      const chunks = writev ? (data as { chunk: unknown }[]).map((entry) => text(entry.chunk)) : [text(data)];
      writes.push(chunks.join(''));
    }
    return original.call(this, writev, data, encoding, callback);
  };
  return { writes, stop: () => void (prototype._writeGeneric = original) };
}
