// The harness's IPC transport: the same handlers as Electron, over a token-guarded loopback WebSocket.
import type { WebSocket } from 'ws';
import type { IpcEnvelope } from '../../shared/ipc-contract.ts';
import type { IpcTransport } from '../../electron/ipc/register-handlers.ts';

type Handler = (sender: WebSocket, payload: unknown) => Promise<IpcEnvelope<unknown>>;

/** Connections that passed the token and origin checks, and the handlers by channel. */
export interface WsTransport extends IpcTransport<WebSocket> {
  accept(socket: WebSocket): void;
}

export function createWsTransport(): WsTransport {
  const handlers = new Map<string, Handler>();
  const trusted = new WeakSet<WebSocket>();
  return {
    handle(channel, handler) {
      handlers.set(channel, handler);
    },
    isTrustedSender: (socket) => trusted.has(socket),
    send(socket, channel, payload) {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event: channel, payload }));
    },
    accept(socket) {
      trusted.add(socket);
      socket.on('message', async (data) => {
        let message: { id?: unknown; channel?: unknown; payload?: unknown };
        try {
          message = JSON.parse(String(data)) as typeof message;
        } catch {
          return;
        }
        if (typeof message.id !== 'number' || typeof message.channel !== 'string') return;
        const handler = handlers.get(message.channel);
        const envelope: IpcEnvelope<unknown> = handler
          ? await handler(socket, message.payload)
          : { ok: false, error: { code: 'invalid-request', message: `Unknown channel ${message.channel}` } };
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id: message.id, envelope }));
      });
    },
  };
}
