// Connects every contract channel to its service through any transport (Electron IPC or the
// harness socket): trusted-sender check → schema.safeParse → service → envelope.
import { ipcCalls, ipcEvents, type CallName, type IpcEnvelope } from '../../shared/ipc-contract.ts';
import type { EmitEvent, Services } from '../../shared/ipc-services.ts';
import { CheckCancelledError } from '../services/check/check-failure.ts';
import { ServiceError } from '../services/service-error.ts';

/** What a transport must offer; `Sender` is whatever identifies the caller (a frame, a socket). */
export interface IpcTransport<Sender> {
  handle(channel: string, handler: (sender: Sender, payload: unknown) => Promise<IpcEnvelope<unknown>>): void;
  isTrustedSender(sender: Sender): boolean;
  send(sender: Sender, channel: string, payload: unknown): void;
}

// The service types live with the contract; re-exported for the transports that import them from here.
export type { EmitEvent, Services } from '../../shared/ipc-services.ts';

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || 'request'} ${issue.message}`).join('; ');
}

function toEnvelope(error: unknown): IpcEnvelope<never> {
  if (error instanceof ServiceError) return { ok: false, error: { code: error.code, message: error.message, ...(error.words ? { words: [...error.words] } : {}) } };
  if (error instanceof CheckCancelledError) return { ok: false, error: { code: 'cancelled', message: error.message } };
  // Unexpected errors are not forwarded verbatim: their text could carry anything.
  return { ok: false, error: { code: 'internal', message: 'Something went wrong in the app. Please try again.' } };
}

/** Registers a handler for every call in the contract. */
export function registerHandlers<Sender>(transport: IpcTransport<Sender>, services: Services): void {
  for (const name of Object.keys(ipcCalls) as CallName[]) {
    const { channel, request } = ipcCalls[name];
    transport.handle(channel, async (sender, payload) => {
      if (!transport.isTrustedSender(sender)) {
        return { ok: false, error: { code: 'forbidden', message: 'This caller is not allowed.' } };
      }
      const parsed = request.safeParse(payload);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-request', message: `Invalid request: ${describeIssues(parsed.error.issues)}` } };
      }
      const emit: EmitEvent = (event, eventPayload) => transport.send(sender, ipcEvents[event].channel, eventPayload);
      try {
        const handler = services[name] as (request: unknown, emit: EmitEvent) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data, emit) };
      } catch (error) {
        return toEnvelope(error);
      }
    });
  }
}
