// A loopback TCP server for scripted peers: tracks its sockets, can wrap one in server-side TLS, closes cleanly.
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

/** A running peer. */
export interface PeerServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Turns an accepted (or STARTTLS-upgraded) socket into the server side of TLS. */
export type SecureSocket = (socket: Socket) => TLSSocket;

/** Starts a server on 127.0.0.1; `onConnection` gets each socket and a way to start TLS on it with `certificate`. */
export async function startPeerServer(certificate: { cert: string; key: string }, onConnection: (socket: Socket, secure: SecureSocket) => void): Promise<PeerServer> {
  const [cert, key] = await Promise.all([readFile(certificate.cert), readFile(certificate.key)]);
  const sockets = new Set<Socket>();
  const secure: SecureSocket = (socket) => {
    const tls = new TLSSocket(socket, { isServer: true, cert, key });
    tls.on('error', () => tls.destroy());
    return tls;
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket, secure);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
