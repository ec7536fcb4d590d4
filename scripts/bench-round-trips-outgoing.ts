// Benchmark: round trips of the outgoing check (--only outgoing) through a relay holding every chunk
// 50 ms each way in front of Dovecot's submission service, beside a bare nodemailer sign-in.
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { DEFAULT_USER } from '../e2e/fixtures/dovecot.ts';
import { getTestCa } from '../e2e/fixtures/test-ca.ts';
import type { Security } from '../shared/server-settings.ts';
import { withDelayedDovecot } from './bench-support/delayed-dovecot.ts';
import { smtpFloor } from './bench-support/protocol-floors.ts';
import { beside, delayMs, roundTrips, rttMs, rttRuns, verdict } from './bench-support/round-trips.ts';

/**
 * The protocol floor, in round trips (the TCP handshake is not delayed by the relay, so not counted):
 * - SSL/TLS: TLS 1.3 handshake 1, the greeting (sent once the server has the client's Finished) 1,
 *   EHLO 1, AUTH PLAIN with its initial response 1, MAIL FROM + RCPT TO + RSET pipelined 1 = 5.
 *   QUIT is not awaited.
 * - STARTTLS: greeting 0.5, EHLO 1, STARTTLS 1, TLS handshake 1 (the second EHLO, which RFC 3207
 *   requires, leaves with the client's Finished), its answer 1, AUTH 1, envelope 1 = 6.5.
 * EHLO and STARTTLS must end a pipelined group (RFC 2920), and AUTH changes the session's state,
 * so none of them can share a flight with what follows.
 * The server's own time (Dovecot greets after ~20 ms, signs in within ~15 ms) adds about half a
 * round trip on top, for the check and the raw floor client alike; so the budget is the floor the
 * raw client measures in the same run plus half a round trip: one wasted round trip goes over it.
 */
export const outgoingFloor = { tls: 5, starttls: 6.5 } as const;
export const outgoingMargin = 0.5;

const ca = await getTestCa();
await withDelayedDovecot((dovecot) => ({ tls: dovecot.submissionsPort, starttls: dovecot.submissionPort }), async ({ dovecot, tlsPort, starttlsPort, passingCheck }) => {
  const credential = { kind: 'password' as const, password: DEFAULT_USER.password };
  const check = (security: Security, port: number) => () =>
    passingCheck({
      // Only the outgoing server is tested; the incoming settings are required but never used.
      settings: { email: DEFAULT_USER.user, host: 'localhost', port: dovecot.tlsPort, security: 'tls', username: DEFAULT_USER.user },
      credential,
      allowInsecure: false,
      timeoutMs: 15_000,
      only: 'outgoing',
      outgoing: { settings: { host: 'localhost', port, security, username: DEFAULT_USER.user }, credential },
    });
  // nodemailer on its own: connect (greeting, EHLO), login (AUTH PLAIN), QUIT and its answer.
  const bare = () =>
    new Promise<void>((resolve, reject) => {
      const connection = new SMTPConnection({ host: 'localhost', port: tlsPort, secure: true, tls: { ca: [ca.caPem] } });
      connection.once('error', reject);
      connection.once('end', () => resolve());
      connection.connect(() =>
        connection.login({ user: DEFAULT_USER.user, pass: DEFAULT_USER.password }, (error) => (error ? reject(error) : connection.quit())),
      );
    });

  const floor = (security: 'tls' | 'starttls', port: number) => () => smtpFloor(port, security, ca.caPem, DEFAULT_USER.user, DEFAULT_USER.password);

  const { check: tls, floor: tlsFloor } = await beside(check('tls', tlsPort), floor('tls', tlsPort));
  const { check: starttls, floor: starttlsFloor } = await beside(check('starttls', starttlsPort), floor('starttls', starttlsPort));
  const bareLogin = await roundTrips(bare);
  process.stdout.write(
    [
      `Outgoing round trips, relay holding every chunk ${delayMs} ms each way (${rttMs} ms RTT) in front of Dovecot submission; median of ${rttRuns}, check and raw client alternating:`,
      `  outgoing check, SSL/TLS (sign-in, MAIL FROM/RCPT TO/RSET):  ${tls.toFixed(2)} round trips — ${verdict(tls, +(tlsFloor + outgoingMargin).toFixed(2))}`,
      `    protocol floor, raw client, same conversation:            ${tlsFloor.toFixed(2)} round trips (${outgoingFloor.tls} by count; the rest is the server's own time); budget: floor + ${outgoingMargin}`,
      `  outgoing check, STARTTLS:                                   ${starttls.toFixed(2)} round trips — ${verdict(starttls, +(starttlsFloor + outgoingMargin).toFixed(2))}`,
      `    protocol floor, raw client, same conversation:            ${starttlsFloor.toFixed(2)} round trips (${outgoingFloor.starttls} by count)`,
      `  bare nodemailer connect + login + QUIT (answered), SSL/TLS: ${bareLogin.toFixed(2)} round trips (for comparison)`,
      '',
    ].join('\n'),
  );
});
