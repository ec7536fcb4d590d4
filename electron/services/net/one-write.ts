// Lets several commands leave in one write: pipelined lines (RFC 2920) then cross in one segment, and no reply waits on a delayed ACK.
import type { Writable } from 'node:stream';

/**
 * Runs `write` with `socket` corked and uncorks it on the next turn of the event loop, after
 * libraries that queue their writes with setImmediate (nodemailer's sendCommand) have written.
 * Without it each command is a write of its own, and a server such as Postfix answers the first
 * only once the client's delayed ACK comes (about 40 ms per check).
 */
export function inOneWrite<T>(socket: Writable | null | false | undefined, write: () => T): T {
  if (!socket || socket.destroyed) return write();
  socket.cork();
  try {
    return write();
  } finally {
    setImmediate(() => socket.uncork());
  }
}
