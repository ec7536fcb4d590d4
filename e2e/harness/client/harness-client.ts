// Browser side of the test harness: defines window.mailSetup over a WebSocket, method for
// method as the preload does, derived from the same contract.
import { ipcCalls, ipcEvents, type IpcEnvelope, type MailSetupApi } from '../../../shared/ipc-contract.ts';

type ServerMessage = { id: number; envelope: IpcEnvelope<unknown> } | { event: string; payload: unknown };

const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ipc`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('harness connection failed')), { once: true });
});
const pending = new Map<number, (envelope: IpcEnvelope<unknown>) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (event) => {
  const message = JSON.parse(String(event.data)) as ServerMessage;
  if ('id' in message) {
    pending.get(message.id)?.(message.envelope);
    pending.delete(message.id);
  } else {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
  }
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message: 'The harness connection closed.' } });
  pending.clear();
});

async function invoke(channel: string, payload: unknown): Promise<IpcEnvelope<unknown>> {
  await opened;
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    socket.send(JSON.stringify({ id, channel, payload }));
  });
}

const api: Record<string, unknown> = {};
for (const [name, entry] of Object.entries(ipcCalls)) {
  api[name] = (request: unknown) => invoke(entry.channel, request);
}
for (const [name, entry] of Object.entries(ipcEvents)) {
  api[name] = (listener: (payload: unknown) => void) => {
    const set = listeners.get(entry.channel) ?? new Set();
    set.add(listener);
    listeners.set(entry.channel, set);
    return () => set.delete(listener);
  };
}
Object.defineProperty(window, 'mailSetup', { value: Object.freeze(api) as MailSetupApi, writable: false });
