// A scripted IMAP-ish peer over real sockets: a TLS or STARTTLS greeting, or something that is not IMAP.
import type { Socket } from 'node:net';
import { startPeerServer, type PeerServer } from './peer-server.ts';

/** How the peer behaves. */
export type PeerScript = 'imaps' | 'imap-starttls' | 'imap-no-starttls' | 'http' | 'silent';

/** A running peer and the client lines it received (over TLS too), in order. */
export interface ScriptedImap extends PeerServer {
  readonly received: string[];
}

function speakImap(socket: Socket, received: string[], offerStarttls: boolean, onStarttls?: () => void, greet = true): void {
  let buffer = '';
  if (greet) socket.write('* OK [CAPABILITY IMAP4rev1] scripted peer ready\r\n');
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    let end: number;
    while ((end = buffer.indexOf('\r\n')) !== -1) {
      const line = buffer.slice(0, end);
      const [tag = '*', verb = ''] = line.split(' ');
      buffer = buffer.slice(end + 2);
      received.push(line);
      if (/^capability$/i.test(verb)) {
        socket.write(`* CAPABILITY IMAP4rev1 ${offerStarttls ? 'STARTTLS LOGINDISABLED' : 'AUTH=PLAIN'}\r\n${tag} OK done\r\n`);
      } else if (/^starttls$/i.test(verb) && offerStarttls && onStarttls) {
        socket.write(`${tag} OK begin TLS\r\n`);
        socket.removeAllListeners('data');
        onStarttls();
        return;
      } else if (/^logout$/i.test(verb)) {
        socket.end(`* BYE bye\r\n${tag} OK done\r\n`);
      } else {
        socket.write(`${tag} BAD unknown\r\n`);
      }
    }
  });
}

/** Starts a peer on 127.0.0.1 presenting `certificate` (PEM file paths) where TLS is involved. */
export async function startScriptedImap(script: PeerScript, certificate: { cert: string; key: string }): Promise<ScriptedImap> {
  const received: string[] = [];
  const server = await startPeerServer(certificate, (socket, secure) => {
    if (script === 'imaps') speakImap(secure(socket), received, false);
    else if (script === 'imap-starttls') speakImap(socket, received, true, () => speakImap(secure(socket), received, false, undefined, false));
    else if (script === 'imap-no-starttls') speakImap(socket, received, false);
    else if (script === 'http') socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n');
  });
  return { ...server, received };
}
