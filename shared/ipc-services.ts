// The service side of the IPC contract: one function per call, and the way a service sends events back.
import type { CallName, CallResponse, EventName, EventPayload, ParsedRequest } from './ipc-contract.ts';

/** Lets a service push an event back to the caller that started it. */
export type EmitEvent = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

/** One function per contract call, already given a parsed request; whatever carries the calls, services see only this. */
export type Services = {
  [K in CallName]: (request: ParsedRequest<K>, emit: EmitEvent) => Promise<CallResponse<K>>;
};
