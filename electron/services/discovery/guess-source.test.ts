// Tests guessing against a real Dovecot and against scripted peers, over real sockets with verified TLS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../e2e/fixtures/dovecot.ts';
import { createTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { createDnsPort } from './dns-port.ts';
import { parseEmailAddress } from './email-address.ts';
import { discoverByGuessing, guessTargets } from './guess-source.ts';
import { probeImap } from './imap-probe.ts';
import { startLocalDns, type LocalDns } from './test-support/local-dns.ts';
import { createRoutedConnect, type PortMap } from './test-support/routed-connect.ts';
import { startScriptedImap, type PeerScript } from './test-support/scripted-imap.ts';

const loopback = [{ type: 'A', address: '127.0.0.1' }] as const;

let ca: TestCa;
let dovecot: Dovecot;
let dns: LocalDns;
const signal = () => AbortSignal.timeout(10_000);

beforeAll(async () => {
  ca = await createTestCa();
  const certificate = await ca.issue({ names: ['imap.guess.test', 'mail.guess.test', 'guess.test', 'mail.peer.test'] });
  dovecot = await startDovecot({ certificate });
  dns = await startLocalDns({
    'imap.guess.test': [...loopback],
    'mail.guess.test': [...loopback],
    'guess.test': [...loopback],
    'mail.peer.test': [...loopback],
  });
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), dns?.close()]);
  await ca?.remove();
});

function deps(ports: PortMap, trustCa = true) {
  const routed = createRoutedConnect(createDnsPort({ servers: [dns.server] }), ports);
  return { routed, probe: { connect: routed.connect, caCertificates: () => (trustCa ? [ca.caPem] : []), timeoutMs: 2000 } };
}

describe('guessing against Dovecot', () => {
  it('finds imap.<domain> on 993 with implicit TLS', async () => {
    const { routed, probe } = deps({ 993: dovecot.tlsPort, 143: dovecot.starttlsPort });
    const result = await discoverByGuessing(parseEmailAddress('alice@guess.test'), probe, signal());
    expect(result).toEqual({
      source: 'guess',
      imap: { host: 'imap.guess.test', port: 993, security: 'tls', username: 'alice@guess.test' },
      provider: null,
    });
    // All six candidates were tried at once.
    expect(routed.attempts.sort()).toEqual(guessTargets('guess.test').map((t) => `${t.host}:${t.port}`).sort());
  });

  it('finds STARTTLS on 143 when 993 is closed, after upgrading and verifying the certificate', async () => {
    const { probe } = deps({ 143: dovecot.starttlsPort });
    const result = await discoverByGuessing(parseEmailAddress('alice@guess.test'), probe, signal());
    expect(result?.imap).toEqual({ host: 'imap.guess.test', port: 143, security: 'starttls', username: 'alice@guess.test' });
  });

  it('accepts nothing when the certificate is not trusted', async () => {
    const { probe } = deps({ 993: dovecot.tlsPort, 143: dovecot.starttlsPort }, false);
    expect(await discoverByGuessing(parseEmailAddress('alice@guess.test'), probe, signal())).toBeNull();
  });

  it('gives null for a domain whose names do not resolve', async () => {
    const { probe } = deps({ 993: dovecot.tlsPort });
    expect(await discoverByGuessing(parseEmailAddress('alice@unknown.test'), probe, signal())).toBeNull();
  });
});

describe('probing peers that are not what they seem', () => {
  const cases: [string, PeerScript, 'tls' | 'starttls', 'trusted' | 'wrongHost' | 'expired', boolean][] = [
    ['a scripted IMAPS server with a good certificate', 'imaps', 'tls', 'trusted', true],
    ['a scripted STARTTLS server with a good certificate', 'imap-starttls', 'starttls', 'trusted', true],
    ['a certificate for another name', 'imaps', 'tls', 'wrongHost', false],
    ['an expired certificate', 'imaps', 'tls', 'expired', false],
    ['a port 143 server without STARTTLS', 'imap-no-starttls', 'starttls', 'trusted', false],
    ['an HTTP server', 'http', 'starttls', 'trusted', false],
    ['a server that never speaks', 'silent', 'starttls', 'trusted', false],
  ];

  it.each(cases)('%s → %s', async (_label, script, security, certificateName, expected) => {
    const certificate =
      certificateName === 'trusted' ? await ca.issue({ names: ['mail.peer.test'] }) : certificateName === 'wrongHost' ? ca.wrongHost : ca.expired;
    const peer = await startScriptedImap(script, certificate);
    try {
      const { probe } = deps({ [security === 'tls' ? 993 : 143]: peer.port });
      const started = performance.now();
      const ok = await probeImap({ host: 'mail.peer.test', port: security === 'tls' ? 993 : 143, security }, { ...probe, timeoutMs: 500 }, signal());
      expect(ok).toBe(expected);
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      await peer.close();
    }
  });
});
