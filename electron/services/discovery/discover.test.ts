// Tests the whole discovery on loopback: priorities between sources, labels, offline and time-budget rules.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscoveryResultSchema } from '../../../shared/discovery-result.ts';
import { createDefaultDiscovery } from './default-discovery.ts';
import { InvalidEmailError } from './email-address.ts';
import { atLab, autoconfigDocument, startLab, type Lab } from './test-support/discovery-lab.ts';
import { getClosedPort } from '../net/test-support/closed-port.ts';
import type { WebAnswer } from './test-support/local-web.ts';

let lab: Lab;

beforeAll(async () => {
  lab = await startLab({
    webNames: ['autoconfig.autoconf.test', 'autoconfig.hostile.test', 'autoconfig.xn--mller-kva.test'],
    imapNames: ['imap.guess.test', 'imap.srv.test', 'imap.hostile.test', 'imap.slow.test'],
    smtpNames: ['smtp.guess.test', 'smtp.srv.test'],
    zone: {
      'autoconfig.autoconf.test': [...atLab],
      '_imaps._tcp.autoconf.test': [{ type: 'SRV', priority: 0, weight: 0, port: 993, target: 'srv.autoconf.test' }],
      '_imaps._tcp.srv.test': [{ type: 'SRV', priority: 0, weight: 0, port: 993, target: 'mail.srv.test' }],
      '_submissions._tcp.srv.test': [{ type: 'SRV', priority: 0, weight: 0, port: 465, target: 'out.srv.test' }],
      '_submission._tcp.srv.test': [{ type: 'SRV', priority: 0, weight: 0, port: 587, target: 'relay.srv.test' }],
      'imap.srv.test': [...atLab],
      'smtp.srv.test': [...atLab],
      '_imap._tcp.srv587.test': [{ type: 'SRV', priority: 0, weight: 0, port: 143, target: 'mail.srv587.test' }],
      '_submission._tcp.srv587.test': [{ type: 'SRV', priority: 0, weight: 0, port: 587, target: 'mail.srv587.test' }],
      'workspace.test': [{ type: 'MX', priority: 1, exchange: 'aspmx.l.google.com' }],
      'hosted.test': [{ type: 'MX', priority: 10, exchange: 'mx1.hoster.test' }],
      'autoconfig.plain.test': [...atLab],
      'imap.guess.test': [...atLab],
      'smtp.guess.test': [...atLab],
      'autoconfig.hostile.test': [...atLab],
      'autoconfig.xn--mller-kva.test': [...atLab],
      'imap.hostile.test': [...atLab],
      'imap.slow.test': [...atLab],
      '_imaps._tcp.xn--bcher-kva.test': [{ type: 'SRV', priority: 0, weight: 0, port: 993, target: 'imap.xn--bcher-kva.test' }],
    },
    routes: new Map<string, WebAnswer>([
      ['autoconfig.autoconf.test/mail/config-v1.1.xml', { status: 200, body: autoconfigDocument('imap.autoconf.test', 993, 'SSL', 'Lab Mail', 'smtp.autoconf.test') }],
      ['ispdb.lab.test/v1.1/ispdb.test', { status: 200, body: autoconfigDocument('imap.ispdb-host.test', 993, 'SSL', 'ISPDB Mail', 'smtp.ispdb-host.test') }],
      ['ispdb.lab.test/v1.1/hoster.test', { status: 200, body: autoconfigDocument('imap.hoster.test', 993, 'SSL', 'Hoster', 'smtp.hoster.test') }],
      ['http://autoconfig.plain.test/mail/config-v1.1.xml', { status: 200, body: autoconfigDocument('imap.plain.test', 143, 'STARTTLS') }],
      [
        'autoconfig.hostile.test/mail/config-v1.1.xml',
        { status: 200, body: autoconfigDocument('imap.hostile.test').replace('</emailProvider>', '<documentation url="javascript:alert(1)"/></emailProvider>') },
      ],
      ['ispdb.lab.test/v1.1/slow.test', 'hang'],
      [
        'autoconfig.xn--mller-kva.test/mail/config-v1.1.xml',
        { status: 200, body: autoconfigDocument('imap.%EMAILDOMAIN%', 993, 'SSL', 'Müller Mail', 'smtp.%EMAILDOMAIN%') },
      ],
    ]),
  });
});

afterAll(async () => {
  await lab?.close();
});

async function discover(email: string, options: { budgetMs?: number } = {}) {
  const { discovery, routed } = lab.discovery(options);
  const started = performance.now();
  const result = await discovery.discover(email);
  return { result: DiscoveryResultSchema.parse(result), ms: performance.now() - started, attempts: routed.attempts };
}

describe('discovery on the loopback lab', () => {
  it("prefers the domain's own https autoconfig over SRV", async () => {
    const { result } = await discover('jo@autoconf.test');
    expect(result).toMatchObject({
      source: 'autoconfig',
      imap: { host: 'imap.autoconf.test', port: 993, security: 'tls', username: 'jo@autoconf.test' },
      smtp: { host: 'smtp.autoconf.test', port: 465, security: 'tls', username: 'jo@autoconf.test' },
    });
    expect(result.needsConfirmation).toBeUndefined();
  });

  it('uses the ISPDB document for the domain', async () => {
    const { result } = await discover('jo@ispdb.test');
    expect(result).toMatchObject({
      source: 'ispdb',
      imap: { host: 'imap.ispdb-host.test' },
      smtp: { host: 'smtp.ispdb-host.test', port: 465, security: 'tls' },
      provider: { name: 'ISPDB Mail', auth: 'password' },
    });
  });

  it('prefers SRV over a guess that would also work, and _submissions (465) over _submission (587)', async () => {
    const { result } = await discover('jo@srv.test');
    expect(result).toEqual({
      source: 'srv',
      imap: { host: 'mail.srv.test', port: 993, security: 'tls', username: 'jo@srv.test' },
      smtp: { host: 'out.srv.test', port: 465, security: 'tls', username: 'jo@srv.test' },
      pop3: null,
      provider: null,
      suggestion: null,
    });
  });

  it('takes STARTTLS on 587 from _submission when there is no _submissions record', async () => {
    const { result } = await discover('jo@srv587.test');
    expect(result).toMatchObject({
      source: 'srv',
      imap: { host: 'mail.srv587.test', port: 143, security: 'starttls' },
      smtp: { host: 'mail.srv587.test', port: 587, security: 'starttls', username: 'jo@srv587.test' },
    });
  });

  it("gives a custom domain on Google's MX the Workspace settings", async () => {
    const { result } = await discover('ceo@workspace.test');
    expect(result).toMatchObject({
      source: 'mx',
      imap: { host: 'imap.gmail.com' },
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls', username: 'ceo@workspace.test' },
      provider: { id: 'google-workspace' },
    });
  });

  it("asks the ISPDB for the MX's domain", async () => {
    const { result } = await discover('jo@hosted.test');
    expect(result).toMatchObject({ source: 'mx', imap: { host: 'imap.hoster.test', username: 'jo@hosted.test' }, smtp: { host: 'smtp.hoster.test' } });
  });

  it('marks settings that came only over plain http as needing confirmation', async () => {
    const { result } = await discover('jo@plain.test');
    expect(result).toMatchObject({ source: 'autoconfig', needsConfirmation: true, imap: { host: 'imap.plain.test', port: 143, security: 'starttls' } });
  });

  it('guesses imap.<domain> against Dovecot and smtp.<domain> against an SMTP greeter when nothing else knows the domain', async () => {
    const before = lab.smtp.tls.received.length;
    const { result } = await discover('alice@guess.test');
    expect(result).toEqual({
      source: 'guess',
      imap: { host: 'imap.guess.test', port: 993, security: 'tls', username: 'alice@guess.test' },
      smtp: { host: 'smtp.guess.test', port: 465, security: 'tls', username: 'alice@guess.test' },
      pop3: null,
      provider: null,
      suggestion: null,
    });
    // Over verified TLS the greeting is enough: the probe says only goodbye, and never signs in.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lab.smtp.tls.received.slice(before)).toEqual(['QUIT']);
  });

  it('ignores a hostile autoconfig document and falls back to the next source', async () => {
    const { result } = await discover('jo@hostile.test');
    expect(result.source).toBe('guess');
  });

  it('finds an internationalised domain through its punycode name', async () => {
    const { result } = await discover('jürgen@bücher.test');
    expect(result).toMatchObject({ source: 'srv', imap: { host: 'imap.xn--bcher-kva.test', username: 'jürgen@xn--bcher-kva.test' } });
  });

  it('asks DNS, the ISPDB and the autoconfig host (over verified TLS) in punycode, whichever form was typed', async () => {
    for (const typed of ['jo@müller.test', 'jo@MÜLLER.test', 'jo@xn--mller-kva.test']) {
      const { result } = await discover(typed);
      expect(result).toMatchObject({
        source: 'autoconfig',
        imap: { host: 'imap.xn--mller-kva.test', username: 'jo@xn--mller-kva.test' },
        smtp: { host: 'smtp.xn--mller-kva.test' },
        provider: { name: 'Müller Mail' },
      });
    }
    expect(lab.web.requests).toContain('https://ispdb.lab.test/v1.1/xn--mller-kva.test');
    expect(lab.dns.queries).toContain('SRV _imaps._tcp.xn--mller-kva.test');
  });

  it('ends with source "none" quickly when no source knows the domain', async () => {
    const { result, ms } = await discover('jo@nothing.test');
    expect(result).toEqual({ source: 'none', imap: null, smtp: null, pop3: null, provider: null, suggestion: null });
    expect(ms).toBeLessThan(1000);
  });

  it('returns the best answer found when the budget runs out, however long a source would take', async () => {
    // The ISPDB hangs for slow.test, so it would hold back the guess until its own 4 s time-out.
    const { result, ms } = await discover('jo@slow.test', { budgetMs: 1500 });
    expect(result).toMatchObject({ source: 'guess', imap: { host: 'imap.slow.test' } });
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(1900);
  });

  it('never waits longer than the budget, even when DNS stops answering', async () => {
    for (const name of ['_imaps._tcp.mute.test', '_imap._tcp.mute.test', 'mute.test', 'autoconfig.mute.test', 'imap.mute.test', 'mail.mute.test']) {
      lab.dns.silent.add(name);
    }
    const { result, ms } = await discover('jo@mute.test', { budgetMs: 1200 });
    expect(result.source).toBe('none');
    expect(ms).toBeLessThan(1600);
  });

  it('stops when the caller aborts', async () => {
    const { discovery } = lab.discovery();
    const controller = new AbortController();
    const pending = discovery.discover('jo@slow.test', controller.signal);
    setTimeout(() => controller.abort(new Error('user went back')), 100);
    await expect(pending).rejects.toThrow('user went back');
  });

  it('suggests the provider domain the user probably meant, and still shows what the typed domain has', async () => {
    const { result } = await discover('bob@gmial.com');
    expect(result.suggestion).toBe('bob@gmail.com');
    expect(result.source).toBe('none');
    const { result: real } = await discover('bob@gmx.de');
    expect(real).toMatchObject({ source: 'bundled', suggestion: null });
  });

  it('throws InvalidEmailError for input that is not an address', async () => {
    const { discovery } = lab.discovery();
    await expect(discovery.discover('not an address')).rejects.toBeInstanceOf(InvalidEmailError);
  });
});

describe('without a network (the real adapters, DNS on a dead loopback port)', () => {
  let blackHole: UdpSocket;
  let closedPort: number;

  beforeAll(async () => {
    closedPort = await getClosedPort();
    blackHole = createSocket('udp4');
    await new Promise<void>((resolve) => blackHole.bind(0, '127.0.0.1', resolve));
  });

  afterAll(() => {
    blackHole?.close();
  });

  const env = (dnsPort: number) => ({ MAIL_SETUP_DNS_SERVERS: `127.0.0.1:${dnsPort}`, MAIL_SETUP_ISPDB_URL: `https://127.0.0.1:${closedPort}/v1.1/` });

  it('gives up on an unknown domain within 3 s when nothing listens on the DNS port', async () => {
    const started = performance.now();
    const result = await createDefaultDiscovery(env(closedPort)).discover('jo@unknown-domain.test');
    expect(result).toEqual({ source: 'none', imap: null, smtp: null, pop3: null, provider: null, suggestion: null });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('gives up on an unknown domain within 3 s when the DNS server swallows every query', async () => {
    const port = (blackHole.address() as { port: number }).port;
    const started = performance.now();
    const result = await createDefaultDiscovery(env(port)).discover('jo@unknown-domain.test');
    expect(result.source).toBe('none');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('gives up within 3 s even when a local ISPDB mirror answers, since loopback is not the network', async () => {
    const port = (blackHole.address() as { port: number }).port;
    const started = performance.now();
    const result = await createDefaultDiscovery({
      MAIL_SETUP_DNS_SERVERS: `127.0.0.1:${port}`,
      MAIL_SETUP_ISPDB_URL: `http://127.0.0.1:${lab.web.httpPort}/v1.1/`,
    }).discover('jo@unknown-domain.test');
    expect(result.source).toBe('none');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(lab.web.requests).toContain('http://127.0.0.1/v1.1/unknown-domain.test');
  });

  it('still answers a known provider from the bundled table in under 50 ms', async () => {
    const port = (blackHole.address() as { port: number }).port;
    const discovery = createDefaultDiscovery(env(port));
    const started = performance.now();
    const result = await discovery.discover('someone@outlook.com');
    expect(performance.now() - started).toBeLessThan(50);
    expect(result).toMatchObject({
      source: 'bundled',
      provider: { id: 'outlook', auth: 'oauth2' },
      imap: { host: 'outlook.office365.com' },
      smtp: { host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' },
    });
  });
});
