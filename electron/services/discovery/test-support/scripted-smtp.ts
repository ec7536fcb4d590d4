// A scripted SMTP greeter over real sockets (implicit TLS, STARTTLS, or none), recording every line a client sends.
import type { Socket } from 'node:net';
import { startPeerServer, type PeerServer } from './peer-server.ts';

/** How the greeter behaves; "imap" plays an IMAP server on a submission port. */
export type SmtpScript = 'smtps' | 'smtp-starttls' | 'smtp-no-starttls' | 'imap' | 'silent';

/** A running greeter and the client lines it received (over TLS too), in order. */
export interface ScriptedSmtp extends PeerServer {
  readonly received: string[];
}

function speakSmtp(socket: Socket, received: string[], offerStarttls: boolean, onStarttls?: () => void, greet = true): void {
  let buffer = '';
  if (greet) socket.write('220 smtp.scripted.test ESMTP scripted greeter\r\n');
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    let end: number;
    while ((end = buffer.indexOf('\r\n')) !== -1) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      received.push(line);
      const verb = (line.split(' ')[0] ?? '').toUpperCase();
      if (verb === 'EHLO') {
        socket.write(`250-smtp.scripted.test\r\n250-PIPELINING\r\n${offerStarttls ? '250-STARTTLS\r\n' : ''}250 AUTH PLAIN LOGIN\r\n`);
      } else if (verb === 'STARTTLS' && offerStarttls && onStarttls) {
        socket.write('220 2.0.0 Ready to start TLS\r\n');
        socket.removeAllListeners('data');
        onStarttls();
        return;
      } else if (verb === 'QUIT') {
        socket.end('221 2.0.0 Bye\r\n');
      } else {
        socket.write('502 5.5.2 not in this script\r\n');
      }
    }
  });
}

/** Starts a greeter on 127.0.0.1 presenting `certificate` (PEM file paths) where TLS is involved. */
export async function startScriptedSmtp(script: SmtpScript, certificate: { cert: string; key: string }): Promise<ScriptedSmtp> {
  const received: string[] = [];
  const server = await startPeerServer(certificate, (socket, secure) => {
    if (script === 'smtps') speakSmtp(secure(socket), received, false);
    else if (script === 'smtp-starttls') speakSmtp(socket, received, true, () => speakSmtp(secure(socket), received, false, undefined, false));
    else if (script === 'smtp-no-starttls') speakSmtp(socket, received, false);
    else if (script === 'imap') socket.write('* OK [CAPABILITY IMAP4rev1] not a mail submission server\r\n');
  });
  return { ...server, received };
}
