// Waits for a discovery socket to be ready, with abort, and keeps a late error from crashing the process.
import type { Socket } from 'node:net';

function ignoreLateError(): void {}

/**
 * Resolves with `socket` once it emits `readyEvent`. An error before that, or the signal
 * aborting, runs `destroy` and rejects. Once ready, an error is swallowed: users of the socket
 * listen for errors while they talk, and a late one with nobody listening would otherwise be
 * thrown and take the main process down.
 */
export function whenReady<S extends Socket>(socket: S, readyEvent: 'connect' | 'secureConnect', signal: AbortSignal, destroy: () => void): Promise<S> {
  return new Promise((resolve, reject) => {
    const onAbort = () => fail(signal.reason);
    function cleanup() {
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', fail);
    }
    function fail(error: unknown) {
      cleanup();
      destroy();
      reject(error);
    }
    if (signal.aborted) return fail(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once(readyEvent, () => {
      cleanup();
      socket.on('error', ignoreLateError);
      resolve(socket);
    });
  });
}
