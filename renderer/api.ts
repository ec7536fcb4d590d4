// The renderer's only door to the main process: window.mailSetup, with envelopes unwrapped.
import { localizeAnswer, sayWords } from './messages/localize-answers.ts';
import type { CallName, CallRequest, CallResponse, EventName, EventPayload, IpcErrorCode, MailSetupApi } from '../shared/ipc-contract.ts';

declare global {
  interface Window {
    mailSetup: MailSetupApi;
  }
}

/** A call that main refused or could not answer, with its code for the UI to act on. */
export class ApiError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Calls main; resolves with the value or rejects with an ApiError. */
export async function call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const invoke = window.mailSetup[name] as unknown as (request: CallRequest<K>) => ReturnType<MailSetupApi[K]>;
  const envelope = await invoke(request);
  if (envelope.ok) return localizeAnswer(envelope.value as CallResponse<K>);
  throw new ApiError(envelope.error.code, envelope.error.words ? sayWords(envelope.error.words) : envelope.error.message);
}

/** Subscribes to an event from main; returns the unsubscribe function. */
export function subscribe<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
  const on = window.mailSetup[name] as unknown as (listener: (payload: EventPayload<K>) => void) => () => void;
  return on(listener);
}

/** A fresh id for a check, so progress events and Cancel find it. */
export function newCheckId(): string {
  return crypto.randomUUID();
}
