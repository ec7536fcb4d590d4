// Opens the TCP connection, trying each resolved address in turn within the step's time limit.
import { connect, type Socket } from 'node:net';
import { categoryForSocketError, describeSocketError } from './classify-socket-error.ts';
import { StepFailedError } from '../check/check-failure.ts';

export interface OpenTcpOptions {
  addresses: readonly string[];
  port: number;
  localAddress?: string | undefined;
  timeoutMs: number;
  signal: AbortSignal;
}

function tryAddress(address: string, options: OpenTcpOptions, deadline: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: address,
      port: options.port,
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    });
    const timer = setTimeout(() => fail(Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' })), Math.max(0, deadline - Date.now()));
    const onAbort = () => fail(new Error('aborted'));
    function cleanup() {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', fail);
    }
    function fail(error: Error) {
      cleanup();
      socket.destroy();
      reject(error);
    }
    options.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once('connect', () => {
      cleanup();
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

/** Connects to the first address that accepts; the failure of the last one names the category. */
export async function openTcp(options: OpenTcpOptions): Promise<{ socket: Socket; address: string }> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown = new Error('no address to connect to');
  for (const address of options.addresses) {
    if (options.signal.aborted) break;
    try {
      return { socket: await tryAddress(address, options, deadline), address };
    } catch (error) {
      lastError = error;
      if (Date.now() >= deadline) break;
    }
  }
  throw new StepFailedError({
    category: categoryForSocketError(lastError, 'connection-refused'),
    detail: describeSocketError(lastError),
  });
}
