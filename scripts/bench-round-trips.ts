// Benchmark: round trips of the check where users really are — a relay holds every chunk 50 ms
// each way (100 ms RTT) in front of a real Dovecot; compared with a bare imapflow sign-in and with
// a raw client speaking only the protocol floor.
import { ImapFlow } from 'imapflow';
import { DEFAULT_USER } from '../e2e/fixtures/dovecot.ts';
import { getTestCa } from '../e2e/fixtures/test-ca.ts';
import type { Security } from '../shared/server-settings.ts';
import { withDelayedDovecot } from './bench-support/delayed-dovecot.ts';
import { imapFloor } from './bench-support/protocol-floors.ts';
import { beside, delayMs, roundTrips, rttMs, rttRuns, verdict } from './bench-support/round-trips.ts';

/** Budgets from issue #14, in round trips. */
export const budgets = { tls: 5, starttls: 6 } as const;

/**
 * The protocol floor by count (the relay does not delay the TCP handshake):
 * - SSL/TLS: TLS 1.3 handshake 1, greeting (sent once the server has the client's Finished) 1,
 *   AUTHENTICATE PLAIN with SASL-IR 1, ID + EXAMINE 1 = 4; LOGOUT not awaited.
 * - STARTTLS: greeting 0.5, STARTTLS 1, handshake 1, CAPABILITY and AUTHENTICATE riding with the
 *   client's Finished 1, ID + EXAMINE 1 = 4.5.
 */
export const floors = { tls: 4, starttls: 4.5 } as const;

const ca = await getTestCa();
await withDelayedDovecot((dovecot) => ({ tls: dovecot.tlsPort, starttls: dovecot.starttlsPort }), async ({ tlsPort, starttlsPort, passingCheck }) => {
  const check = (security: Security, port: number) => () =>
    passingCheck({
      settings: { email: DEFAULT_USER.user, host: 'localhost', port, security, username: DEFAULT_USER.user },
      credential: { kind: 'password', password: DEFAULT_USER.password },
      allowInsecure: false,
      timeoutMs: 15_000,
    });
  const floor = (security: 'tls' | 'starttls', port: number) => () => imapFloor(port, security, ca.caPem, DEFAULT_USER.user, DEFAULT_USER.password);
  const bare = async () => {
    const client = new ImapFlow({
      host: 'localhost',
      port: tlsPort,
      secure: true,
      auth: { user: DEFAULT_USER.user, pass: DEFAULT_USER.password },
      logger: false,
      tls: { ca: [ca.caPem] },
    });
    await client.connect();
    await client.logout();
  };

  const { check: tls, floor: tlsFloor } = await beside(check('tls', tlsPort), floor('tls', tlsPort));
  const { check: starttls, floor: starttlsFloor } = await beside(check('starttls', starttlsPort), floor('starttls', starttlsPort));
  const bareLogin = await roundTrips(bare);
  process.stdout.write(
    [
      `Round trips with a relay holding every chunk ${delayMs} ms each way (${rttMs} ms RTT) in front of Dovecot; median of ${rttRuns}, check and raw client alternating, wall time / RTT:`,
      `  full check, SSL/TLS, INBOX opened:        ${tls.toFixed(2)} round trips — ${verdict(tls, budgets.tls)}`,
      `    protocol floor, raw client:             ${tlsFloor.toFixed(2)} round trips (${floors.tls} by count; the rest is the server's own time)`,
      `  full check, STARTTLS, INBOX opened:       ${starttls.toFixed(2)} round trips — ${verdict(starttls, budgets.starttls)}`,
      `    protocol floor, raw client:             ${starttlsFloor.toFixed(2)} round trips (${floors.starttls} by count)`,
      `  bare imapflow connect + login + logout:   ${bareLogin.toFixed(2)} round trips (for comparison)`,
      '',
    ].join('\n'),
  );
});
