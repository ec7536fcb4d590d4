// Benchmark: round trips of the POP3 check at 100 ms RTT (a relay holding every chunk 50 ms each
// way in front of Dovecot's real POP3 service), beside a raw client speaking only the protocol floor.
import { DEFAULT_USER } from '../e2e/fixtures/dovecot.ts';
import { getTestCa } from '../e2e/fixtures/test-ca.ts';
import type { Security } from '../shared/server-settings.ts';
import { withDelayedDovecot } from './bench-support/delayed-dovecot.ts';
import { pop3Floor } from './bench-support/protocol-floors.ts';
import { beside, delayMs, rttMs, rttRuns, verdict } from './bench-support/round-trips.ts';

/**
 * The floor by count (the relay does not delay the TCP handshake):
 * - SSL/TLS: TLS 1.3 handshake 1, greeting 1, CAPA 1, AUTH PLAIN + STAT 1 = 4; QUIT not awaited.
 * - STARTTLS (STLS): greeting 0.5, CAPA 1, STLS 1, handshake 1, CAPA again (riding on the
 *   client's Finished) 1, AUTH PLAIN + STAT 1 = 5.5.
 * Budget: the raw client's measured time (Dovecot's own sign-in time included) plus half a round trip.
 */
export const floors = { tls: 4, starttls: 5.5 } as const;
const slack = 0.5;

const ca = await getTestCa();
await withDelayedDovecot((dovecot) => ({ tls: dovecot.pop3sPort, starttls: dovecot.pop3Port }), async ({ tlsPort, starttlsPort: stlsPort, passingCheck }) => {
  const check = (security: Security, port: number) => () =>
    passingCheck({
      settings: { email: DEFAULT_USER.user, host: 'localhost', port, security, username: DEFAULT_USER.user, protocol: 'pop3' },
      credential: { kind: 'password', password: DEFAULT_USER.password },
      allowInsecure: false,
      timeoutMs: 15_000,
    });
  const floor = (security: 'tls' | 'starttls', port: number) => () => pop3Floor(port, security, ca.caPem, DEFAULT_USER.user, DEFAULT_USER.password);
  const { check: tls, floor: tlsFloor } = await beside(check('tls', tlsPort), floor('tls', tlsPort));
  const { check: stls, floor: stlsFloor } = await beside(check('starttls', stlsPort), floor('starttls', stlsPort));
  process.stdout.write(
    [
      `POP3 round trips with a relay holding every chunk ${delayMs} ms each way (${rttMs} ms RTT) in front of Dovecot; median of ${rttRuns}, check and raw client alternating, wall time / RTT:`,
      `  POP3 check, SSL/TLS, mailbox opened (STAT):  ${tls.toFixed(2)} round trips — ${verdict(tls, Math.round((tlsFloor + slack) * 100) / 100)}`,
      `    protocol floor, raw client:                ${tlsFloor.toFixed(2)} round trips (${floors.tls} by count)`,
      `  POP3 check, STLS, mailbox opened (STAT):     ${stls.toFixed(2)} round trips — ${verdict(stls, Math.round((stlsFloor + slack) * 100) / 100)}`,
      `    protocol floor, raw client:                ${stlsFloor.toFixed(2)} round trips (${floors.starttls} by count)`,
      '',
    ].join('\n'),
  );
});
