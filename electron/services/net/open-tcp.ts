// Opens a check's TCP connection within the step's time limit; a failure becomes the connect step's.
import type { Socket } from 'node:net';
import { categoryForSocketError, describeSocketError } from './classify-socket-error.ts';
import { StepFailedError } from './step-failure.ts';
import { connectFirst } from './tcp-connect.ts';

export interface OpenTcpOptions {
  addresses: readonly string[];
  port: number;
  localAddress?: string | undefined;
  timeoutMs: number;
  signal: AbortSignal;
}

/** Connects to the first address that accepts; the failure of the last one names the category. */
export async function openTcp(options: OpenTcpOptions): Promise<{ socket: Socket; address: string }> {
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' })), options.timeoutMs);
  try {
    return await connectFirst(options.addresses, options.port, { localAddress: options.localAddress, signal: AbortSignal.any([options.signal, limit.signal]) });
  } catch (error) {
    throw new StepFailedError({ category: categoryForSocketError(error, 'connection-refused'), detail: describeSocketError(error) });
  } finally {
    clearTimeout(timer);
  }
}
