// Finds a loopback port that nothing listens on (TCP and UDP), for "connection refused" and "no DNS" tests.
import { createSocket } from 'node:dgram';
import { createServer, type AddressInfo } from 'node:net';

/** A port free on 127.0.0.1 for both TCP and UDP at the time of the call. */
export async function getClosedPort(): Promise<number> {
  for (;;) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const udp = createSocket('udp4');
    const free = await new Promise<boolean>((resolve) => {
      udp.once('error', () => resolve(false));
      udp.bind(port, '127.0.0.1', () => resolve(true));
    });
    if (free) await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (free) return port;
  }
}
