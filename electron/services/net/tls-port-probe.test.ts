// Tests asking a port whether it expects SSL/TLS: real TLS, plain and silent servers on loopback sockets.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { answersTlsHello } from './tls-port-probe.ts';
import { startAlertPeer, tlsAlerts } from './test-support/tls-alert-peer.ts';

let ca: TestCa;
const closers: (() => void)[] = [];

beforeAll(async () => {
  ca = await getTestCa();
});

afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

const ask = (port: number, signal = AbortSignal.timeout(2_000)) => answersTlsHello({ host: 'localhost', address: '127.0.0.1', port }, signal);

describe('does this port expect SSL/TLS?', () => {
  it('yes, where a TLS server finishes the handshake (whatever its certificate)', async () => {
    const server = createTlsServer({ cert: readFileSync(ca.selfSigned.cert), key: readFileSync(ca.selfSigned.key) }, (socket) => socket.end());
    expect(await ask(await listen(server))).toBe(true);
  });

  it('yes, where the server answers the hello with a TLS alert', async () => {
    const peer = await startAlertPeer('tls', tlsAlerts.internalError);
    closers.push(() => void peer.stop());
    expect(await ask(peer.port)).toBe(true);
  });

  it('no, where the server greets in plain text or hangs up', async () => {
    const greeter = createServer((socket) => socket.end('* OK IMAP ready\r\n'));
    expect(await ask(await listen(greeter))).toBe(false);
    const hangUp = createServer((socket) => socket.destroy());
    expect(await ask(await listen(hangUp))).toBe(false);
  });

  it('no, as soon as the signal aborts, where the server stays silent', async () => {
    const silent = createServer(() => undefined);
    const port = await listen(silent);
    const started = performance.now();
    expect(await ask(port, AbortSignal.timeout(200))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
    silent.close();
  });
});
