// Tests guessing against a real Dovecot, scripted IMAP peers and scripted SMTP greeters, over real sockets with verified TLS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../e2e/fixtures/dovecot.ts';
import { startDelayProxy } from '../../../e2e/fixtures/delay-proxy.ts';
import { createTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { createDnsPort } from '../net/dns-port.ts';
import { parseEmailAddress } from './email-address.ts';
import { discoverByGuessing, guessPop3Targets, guessSmtpTargets, guessTargets } from './guess-source.ts';
import { probeImap } from './imap-probe.ts';
import { probeSmtp } from './smtp-probe.ts';
import { startLocalDns, type LocalDns } from '../net/test-support/local-dns.ts';
import { createRoutedConnect, type PortMap } from './test-support/routed-connect.ts';
import { startScriptedImap, type PeerScript } from './test-support/scripted-imap.ts';
import { startScriptedSmtp, type ScriptedSmtp, type SmtpScript } from './test-support/scripted-smtp.ts';

const loopback = [{ type: 'A', address: '127.0.0.1' }] as const;

let ca: TestCa;
let dovecot: Dovecot;
let dns: LocalDns;
let smtps: ScriptedSmtp;
let submission: ScriptedSmtp;
const signal = () => AbortSignal.timeout(10_000);

beforeAll(async () => {
  ca = await createTestCa();
  const certificate = await ca.issue({ names: ['imap.guess.test', 'mail.guess.test', 'guess.test', 'mail.peer.test', 'smtp.guess.test', 'pop.guess.test', 'pop3.guess.test'] });
  dovecot = await startDovecot({ certificate });
  [smtps, submission] = await Promise.all([startScriptedSmtp('smtps', certificate), startScriptedSmtp('smtp-starttls', certificate)]);
  dns = await startLocalDns({
    'imap.guess.test': [...loopback],
    'smtp.guess.test': [...loopback],
    'mail.guess.test': [...loopback],
    'guess.test': [...loopback],
    'mail.peer.test': [...loopback],
    'pop.guess.test': [...loopback],
    'pop3.guess.test': [...loopback],
  });
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), dns?.close(), smtps?.close(), submission?.close()]);
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
      smtp: null,
      pop3: null,
      provider: null,
    });
    // All six IMAP, six POP3 and six SMTP candidates were tried at once; never port 25.
    const all = [...guessTargets('guess.test'), ...guessPop3Targets('guess.test'), ...guessSmtpTargets('guess.test')].map((t) => `${t.host}:${t.port}`);
    expect(routed.attempts.sort()).toEqual(all.sort());
    expect(routed.attempts.some((attempt) => attempt.endsWith(':25'))).toBe(false);
  });

  it("finds Dovecot's POP3 service: pop.<domain> on 995, else on 110 with STLS; a POP3-only domain gives a POP3 result", async () => {
    const tls = deps({ 993: dovecot.tlsPort, 995: dovecot.pop3sPort, 110: dovecot.pop3Port });
    const both = await discoverByGuessing(parseEmailAddress('alice@guess.test'), tls.probe, signal());
    expect(both?.imap?.port).toBe(993);
    expect(both?.pop3).toEqual({ host: 'pop.guess.test', port: 995, security: 'tls', username: 'alice@guess.test' });
    const popOnly = deps({ 110: dovecot.pop3Port });
    const stls = await discoverByGuessing(parseEmailAddress('alice@guess.test'), popOnly.probe, signal());
    expect(stls).toMatchObject({ source: 'guess', imap: null, pop3: { host: 'pop.guess.test', port: 110, security: 'starttls' } });
    // An IMAP server on the POP3 ports is not taken for POP3.
    const crossed = deps({ 995: dovecot.tlsPort, 110: dovecot.starttlsPort });
    expect(await discoverByGuessing(parseEmailAddress('alice@guess.test'), crossed.probe, signal())).toBeNull();
  });

  it("finds Dovecot's submission service: 465 with implicit TLS, else 587 with STARTTLS", async () => {
    const both = deps({ 993: dovecot.tlsPort, 465: dovecot.submissionsPort, 587: dovecot.submissionPort });
    const tls = await discoverByGuessing(parseEmailAddress('alice@guess.test'), both.probe, signal());
    expect(tls?.smtp).toEqual({ host: 'smtp.guess.test', port: 465, security: 'tls', username: 'alice@guess.test' });
    const onlySubmission = deps({ 993: dovecot.tlsPort, 587: dovecot.submissionPort });
    const starttls = await discoverByGuessing(parseEmailAddress('alice@guess.test'), onlySubmission.probe, signal());
    expect(starttls?.smtp).toEqual({ host: 'smtp.guess.test', port: 587, security: 'starttls', username: 'alice@guess.test' });
  });

  it('does not take an IMAP server on a submission port for SMTP, nor an SMTP server for IMAP', async () => {
    const crossed = deps({ 993: dovecot.submissionsPort, 465: dovecot.tlsPort });
    expect(await discoverByGuessing(parseEmailAddress('alice@guess.test'), crossed.probe, signal())).toBeNull();
    const smtpOnCrossedPorts = deps({ 993: dovecot.tlsPort, 465: dovecot.tlsPort, 587: dovecot.starttlsPort });
    expect((await discoverByGuessing(parseEmailAddress('alice@guess.test'), smtpOnCrossedPorts.probe, signal()))?.smtp).toBeNull();
  });

  it('finds smtp.<domain> on 465 with implicit TLS beside IMAP from its greeting, saying only QUIT', async () => {
    const before = smtps.received.length;
    const { probe } = deps({ 993: dovecot.tlsPort, 465: smtps.port, 587: submission.port });
    const result = await discoverByGuessing(parseEmailAddress('alice@guess.test'), probe, signal());
    expect(result?.smtp).toEqual({ host: 'smtp.guess.test', port: 465, security: 'tls', username: 'alice@guess.test' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // mail.guess.test answers too; over verified TLS the greeting is enough, so no EHLO waits for an answer.
    const said = smtps.received.slice(before);
    expect(said).toContain('QUIT');
    expect(said.every((line) => line === 'QUIT')).toBe(true);
  });

  it('finds STARTTLS on 587 when 465 is closed, and never sends a credential', async () => {
    const before = submission.received.length;
    const { probe } = deps({ 993: dovecot.tlsPort, 587: submission.port });
    const result = await discoverByGuessing(parseEmailAddress('alice@guess.test'), probe, signal());
    expect(result?.smtp).toEqual({ host: 'smtp.guess.test', port: 587, security: 'starttls', username: 'alice@guess.test' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const said = submission.received.slice(before);
    expect(said).toContain('STARTTLS');
    expect(said.every((line) => /^(EHLO \[127\.0\.0\.1\]|STARTTLS|QUIT)$/.test(line))).toBe(true);
  });

  it("asks Dovecot for STARTTLS straight after its greeting, which lists the capabilities", async () => {
    const relay = await startDelayProxy({ targetPort: dovecot.starttlsPort, delayMs: 0 });
    try {
      const { probe } = deps({ 143: relay.port });
      expect(await probeImap({ host: 'imap.guess.test', port: 143, security: 'starttls' }, probe, signal())).toBe(true);
      // Only the part before the handshake is readable; it holds no CAPABILITY, a round trip saved.
      expect(relay.clientBytes[0]?.startsWith('A2 STARTTLS\r\n\x16')).toBe(true);
    } finally {
      await relay.close();
    }
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

  it('takes an IMAPS greeting that lists IMAP4rev1 as the answer: nothing asked, only LOGOUT said', async () => {
    const peer = await startScriptedImap('imaps', await ca.issue({ names: ['mail.peer.test'] }));
    try {
      const { probe } = deps({ 993: peer.port });
      expect(await probeImap({ host: 'mail.peer.test', port: 993, security: 'tls' }, probe, signal())).toBe(true);
      await expect.poll(() => peer.received).toEqual(['Z LOGOUT']);
    } finally {
      await peer.close();
    }
  });

  it('asks CAPABILITY where the greeting does not show the STARTTLS a port 143 probe needs', async () => {
    const peer = await startScriptedImap('imap-starttls', await ca.issue({ names: ['mail.peer.test'] }));
    try {
      const { probe } = deps({ 143: peer.port });
      expect(await probeImap({ host: 'mail.peer.test', port: 143, security: 'starttls' }, probe, signal())).toBe(true);
      await expect.poll(() => peer.received).toEqual(['A1 CAPABILITY', 'A2 STARTTLS', 'A3 CAPABILITY', 'Z LOGOUT']);
    } finally {
      await peer.close();
    }
  });
});

describe('probing SMTP peers that are not what they seem', () => {
  const cases: [string, SmtpScript, 'tls' | 'starttls', 'trusted' | 'wrongHost', boolean][] = [
    ['a scripted SMTPS greeter with a good certificate', 'smtps', 'tls', 'trusted', true],
    ['a scripted submission greeter with STARTTLS', 'smtp-starttls', 'starttls', 'trusted', true],
    ['a certificate for another name', 'smtps', 'tls', 'wrongHost', false],
    ['a 587 server without STARTTLS', 'smtp-no-starttls', 'starttls', 'trusted', false],
    ['an IMAP server on a submission port', 'imap', 'starttls', 'trusted', false],
    ['a server that never speaks', 'silent', 'starttls', 'trusted', false],
  ];

  it.each(cases)('%s → %s', async (_label, script, security, certificateName, expected) => {
    const certificate = certificateName === 'trusted' ? await ca.issue({ names: ['mail.peer.test'] }) : ca.wrongHost;
    const peer = await startScriptedSmtp(script, certificate);
    try {
      const port = security === 'tls' ? 465 : 587;
      const { probe } = deps({ [port]: peer.port });
      const started = performance.now();
      const ok = await probeSmtp({ host: 'mail.peer.test', port, security }, { ...probe, timeoutMs: 500 }, signal());
      expect(ok).toBe(expected);
      expect(performance.now() - started).toBeLessThan(1500);
      expect(peer.received.some((line) => /^AUTH\b/i.test(line))).toBe(false);
    } finally {
      await peer.close();
    }
  });
});
