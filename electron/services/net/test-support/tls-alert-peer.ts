// A peer on a real socket whose TLS is broken: it answers the TLS hello with an alert, at once or after STARTTLS (IMAP, SMTP).
import { createServer, type Server, type Socket } from 'node:net';

/** TLS alert descriptions (RFC 8446 §6.2) the tests use. */
export const tlsAlerts = { handshakeFailure: 40, internalError: 80 } as const;

/** How the peer speaks before its TLS breaks. */
export type AlertPeerProtocol = 'tls' | 'imap-starttls' | 'smtp-starttls';

export interface AlertPeer {
  port: number;
  /** Everything the client sent in plain text, for proof that no credential went out. */
  received(): string;
  stop(): Promise<void>;
}

function alertRecord(description: number): Buffer {
  // A fatal alert record: content type 21, TLS 1.2 record version, length 2, level 2 (fatal).
  return Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, description]);
}

function answerPlain(socket: Socket, protocol: AlertPeerProtocol, line: string, toTls: () => void): void {
  if (protocol === 'imap-starttls') {
    const [tag, command] = line.split(' ');
    if (/^STARTTLS$/i.test(command ?? '')) {
      socket.write(`${tag} OK Begin TLS negotiation now\r\n`);
      toTls();
    } else if (/^CAPABILITY$/i.test(command ?? '')) socket.write(`* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n${tag} OK done\r\n`);
    else socket.write(`${tag} BAD not before STARTTLS\r\n`);
    return;
  }
  if (/^STARTTLS/i.test(line)) {
    socket.write('220 2.0.0 Ready to start TLS\r\n');
    toTls();
  } else if (/^EHLO/i.test(line)) socket.write('250-alert.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n');
  else socket.write('530 5.7.0 Must issue a STARTTLS command first\r\n');
}

/** Starts a peer on 127.0.0.1 that sends `alert` in reply to the client's TLS hello. */
export async function startAlertPeer(protocol: AlertPeerProtocol, alert: number): Promise<AlertPeer> {
  let plain = '';
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let tls = protocol === 'tls';
    let buffered = '';
    if (protocol === 'imap-starttls') socket.write('* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n');
    if (protocol === 'smtp-starttls') socket.write('220 alert.test ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      if (tls) {
        socket.end(alertRecord(alert));
        return;
      }
      plain += chunk.toString('latin1');
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n'); end >= 0 && !tls; end = buffered.indexOf('\r\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        answerPlain(socket, protocol, line, () => (tls = true));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    received: () => plain,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
