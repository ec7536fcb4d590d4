// Benchmark: round trips of discovery for a domain only guessing finds, with every DNS answer and
// every connection one 100 ms round trip away, beside the fastest single sources through the same delay.
import { startDelayProxy, type DelayProxy } from '../e2e/fixtures/delay-proxy.ts';
import type { DiscoveryResult } from '../shared/discovery-result.ts';
import { createDnsPort } from '../electron/services/net/dns-port.ts';
import { parseEmailAddress } from '../electron/services/discovery/email-address.ts';
import { discoverByGuessing } from '../electron/services/discovery/guess-source.ts';
import { discoverBySrv } from '../electron/services/discovery/srv-source.ts';
import { atLab, startLab } from '../electron/services/discovery/test-support/discovery-lab.ts';
import { createRoutedConnect } from '../electron/services/discovery/test-support/routed-connect.ts';
import { reusedLoginProcesses } from './bench-support/reused-login-processes.ts';
import { delayMs, overBudget, roundTrips, rttMs, rttRuns, verdict } from './bench-support/round-trips.ts';

/**
 * The guess is the slowest source that can answer here and needs, per protocol: the host's address
 * 1, the TLS 1.3 handshake 1, the greeting 1 = 3 round trips, IMAP and SMTP at once (a greeting
 * over verified TLS is the answer; CAPABILITY or EHLO only where STARTTLS must be seen). The
 * sources ranked above it say "nothing" within as many (DNS, TLS, a 404), so discovery can decide
 * once the guess is in. One round trip on top for the servers' own time; a source or probe waited
 * for in turn costs a whole round trip or more and goes over.
 */
export const discoveryBudget = 4;

const guessDomain = 'guess-only.test';
const srvDomain = 'srv-only.test';
const lab = await startLab({
  // The domains' own web sites answer, with "not found" for autoconfig, as most do.
  webNames: [guessDomain, srvDomain],
  imapNames: [`imap.${guessDomain}`, `smtp.${guessDomain}`, `imap.${srvDomain}`],
  zone: {
    [guessDomain]: [...atLab, { type: 'MX', priority: 10, exchange: `mx.${guessDomain}` }],
    [`mx.${guessDomain}`]: [...atLab],
    [`imap.${guessDomain}`]: [...atLab],
    [`smtp.${guessDomain}`]: [...atLab],
    [srvDomain]: [...atLab],
    [`_imaps._tcp.${srvDomain}`]: [{ type: 'SRV', priority: 0, weight: 0, port: 993, target: `imap.${srvDomain}` }],
    [`imap.${srvDomain}`]: [...atLab],
  },
  // A DNS question and its answer cross the same long wire: the answer comes one round trip later.
  dnsAnswerDelayMs: rttMs,
  dovecotConfig: reusedLoginProcesses,
});
const proxies: DelayProxy[] = [];
try {
  const relay = async (targetPort: number) => {
    const proxy = await startDelayProxy({ targetPort, delayMs });
    proxies.push(proxy);
    return proxy.port;
  };
  const dns = createDnsPort({ servers: [lab.dns.server] });
  // ISPDB and autoconfig (404 for every path), IMAP and submission, each behind its own relay.
  const routed = createRoutedConnect(dns, {
    443: await relay(lab.web.httpsPort),
    80: await relay(lab.web.httpPort),
    993: await relay(lab.dovecot.tlsPort),
    143: await relay(lab.dovecot.starttlsPort),
    465: await relay(lab.dovecot.submissionsPort),
    587: await relay(lab.dovecot.submissionPort),
  });
  const { discovery } = lab.discovery({ dns, connect: routed.connect });
  const expect = (result: DiscoveryResult | null, source: string, imapHost: string) => {
    if (result?.source !== source || result.imap?.host !== imapHost) throw new Error(`expected ${imapHost} from ${source}, got ${JSON.stringify(result)}`);
  };
  const guessEmail = `jo@${guessDomain}`;
  const srvEmail = `jo@${srvDomain}`;
  const whole = await roundTrips(async () => expect(await discovery.discover(guessEmail), 'guess', `imap.${guessDomain}`));
  const guessingAlone = await roundTrips(async () => {
    const deps = { connect: routed.connect, caCertificates: () => [lab.ca.caPem], timeoutMs: 4000 };
    expect(await discoverByGuessing(parseEmailAddress(guessEmail), deps, new AbortController().signal), 'guess', `imap.${guessDomain}`);
  });
  const srvWhole = await roundTrips(async () => expect(await discovery.discover(srvEmail), 'srv', `imap.${srvDomain}`));
  const srvAlone = await roundTrips(async () => expect(await discoverBySrv(parseEmailAddress(srvEmail), dns, new AbortController().signal), 'srv', `imap.${srvDomain}`));
  process.stdout.write(
    [
      `Discovery round trips, every DNS answer and connection ${rttMs} ms RTT away (relays hold each chunk ${delayMs} ms each way; TCP handshakes not delayed); median of ${rttRuns}:`,
      `  guess-only domain (${guessEmail}), whole discovery:      ${whole.toFixed(2)} round trips — ${verdict(whole, discoveryBudget)}`,
      `    the guessing source alone (IMAP and SMTP probes):     ${guessingAlone.toFixed(2)} round trips (the fastest any source can answer here)`,
      `  SRV domain (${srvEmail}), whole discovery:              ${srvWhole.toFixed(2)} round trips (ISPDB and autoconfig must say "not found" first)`,
      `    the SRV source alone:                                  ${srvAlone.toFixed(2)} round trips`,
      '',
    ].join('\n'),
  );
} finally {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await lab.close();
}
process.exitCode = overBudget() ? 1 : 0;
