// Tests ISPDB and autoconfig fetching against real local HTTP and HTTPS servers with a private CA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { domainAutoconfigUrls, fetchAutoconfig, ispdbUrl } from './autoconfig-source.ts';
import { maxAutoconfigBytes } from './autoconfig-xml.ts';
import { createDnsPort } from '../net/dns-port.ts';
import { parseEmailAddress } from './email-address.ts';
import { createHttpClient } from './http-client.ts';
import type { FetchText } from './discovery-ports.ts';
import { startLocalDns, type LocalDns } from '../net/test-support/local-dns.ts';
import { startLocalWeb, type LocalWeb } from './test-support/local-web.ts';
import { createRoutedConnect } from './test-support/routed-connect.ts';

const loopback = [{ type: 'A', address: '127.0.0.1' }] as const;
const email = parseEmailAddress('jo@acme.test');

function configFor(host: string, displayName = 'Acme Mail'): string {
  return `<clientConfig version="1.1"><emailProvider id="acme.test"><domain>acme.test</domain><displayName>${displayName}</displayName>
    <incomingServer type="imap"><hostname>${host}</hostname><port>993</port><socketType>SSL</socketType>
    <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>
    <outgoingServer type="smtp"><hostname>smtp.acme.test</hostname><port>587</port><socketType>STARTTLS</socketType>
    <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></outgoingServer>
    <documentation url="https://acme.test/help"/></emailProvider></clientConfig>`;
}

let ca: TestCa;
let dns: LocalDns;
let web: LocalWeb;
let fetchText: FetchText;

beforeAll(async () => {
  ca = await createTestCa();
  const certificate = await ca.issue({ names: ['autoconfig.acme.test', 'acme.test', 'ispdb.lab.test', 'redirect.lab.test'] });
  web = await startLocalWeb(certificate);
  dns = await startLocalDns({
    'autoconfig.acme.test': [...loopback],
    'acme.test': [...loopback],
    'ispdb.lab.test': [...loopback],
    'redirect.lab.test': [...loopback],
    'selfsigned.lab.test': [...loopback],
  });
  const routed = createRoutedConnect(createDnsPort({ servers: [dns.server] }), { 443: web.httpsPort, 80: web.httpPort });
  fetchText = createHttpClient({ connect: routed.connect, caCertificates: () => [ca.caPem], requestTimeoutMs: 1000 });
});

afterAll(async () => {
  await Promise.all([web?.close(), dns?.close()]);
  await ca?.remove();
});

const signal = () => AbortSignal.timeout(5000);

describe('autoconfig over HTTPS with a private CA', () => {
  it('reads the ISPDB document for a domain', async () => {
    web.routes.set('ispdb.lab.test/v1.1/acme.test', { status: 200, body: configFor('imap.acme.test') });
    const result = await fetchAutoconfig(ispdbUrl('https://ispdb.lab.test/v1.1/', 'acme.test'), 'ispdb', email, fetchText, signal());
    expect(result).toEqual({
      source: 'ispdb',
      imap: { host: 'imap.acme.test', port: 993, security: 'tls', username: 'jo@acme.test' },
      smtp: { host: 'smtp.acme.test', port: 587, security: 'starttls', username: 'jo' },
      pop3: null,
      provider: { name: 'Acme Mail', auth: 'password', helpUrl: 'https://acme.test/help' },
    });
  });

  it('asks the domain itself at autoconfig.<domain> with the address, and at .well-known', async () => {
    web.routes.set('autoconfig.acme.test/mail/config-v1.1.xml', { status: 200, body: configFor('mail.acme.test') });
    web.routes.set('acme.test/.well-known/autoconfig/mail/config-v1.1.xml', { status: 200, body: configFor('wk.acme.test') });
    const [subdomain, wellKnown] = domainAutoconfigUrls(email, 'https');
    expect(subdomain).toBe('https://autoconfig.acme.test/mail/config-v1.1.xml?emailaddress=jo%40acme.test');
    expect((await fetchAutoconfig(subdomain ?? '', 'autoconfig', email, fetchText, signal()))?.imap?.host).toBe('mail.acme.test');
    expect((await fetchAutoconfig(wellKnown ?? '', 'autoconfig', email, fetchText, signal()))?.imap?.host).toBe('wk.acme.test');
    expect(web.requests).toContain('https://autoconfig.acme.test/mail/config-v1.1.xml?emailaddress=jo%40acme.test');
  });

  it('marks a document that came over plain http as needing confirmation, and sends no address there', async () => {
    web.routes.set('http://autoconfig.acme.test/mail/config-v1.1.xml', { status: 200, body: configFor('plain.acme.test') });
    const [url] = domainAutoconfigUrls(email, 'http');
    const result = await fetchAutoconfig(url ?? '', 'autoconfig', email, fetchText, signal());
    expect(result).toMatchObject({ source: 'autoconfig', needsConfirmation: true, imap: { host: 'plain.acme.test' } });
    expect(result?.provider?.helpUrl).toBeNull();
    expect(web.requests).toContain('http://autoconfig.acme.test/mail/config-v1.1.xml');
    expect(web.requests.some((request) => request.startsWith('http://') && request.includes('emailaddress'))).toBe(false);
  });

  it('gives null for a missing document and for a hostile one', async () => {
    expect(await fetchAutoconfig('https://ispdb.lab.test/v1.1/missing.test', 'ispdb', email, fetchText, signal())).toBeNull();
    web.routes.set('ispdb.lab.test/v1.1/evil.test', { status: 200, body: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><clientConfig/>' });
    expect(await fetchAutoconfig('https://ispdb.lab.test/v1.1/evil.test', 'ispdb', email, fetchText, signal())).toBeNull();
  });

  it('refuses a server whose certificate the CA did not sign', async () => {
    const stranger = await startLocalWeb(ca.selfSigned, new Map([['selfsigned.lab.test/x', { status: 200, body: configFor('imap.acme.test') }]]));
    try {
      const routed = createRoutedConnect(createDnsPort({ servers: [dns.server] }), { 443: stranger.httpsPort });
      const strict = createHttpClient({ connect: routed.connect, caCertificates: () => [ca.caPem], requestTimeoutMs: 1000 });
      await expect(strict('https://selfsigned.lab.test/x', { signal: signal(), maxBytes: 1000 })).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    } finally {
      await stranger.close();
    }
  });

  it('stops reading a body over the limit while it streams, with or without Content-Length', async () => {
    const huge = `<clientConfig>${' '.repeat(maxAutoconfigBytes + 10)}</clientConfig>`;
    web.routes.set('ispdb.lab.test/huge-declared', { status: 200, body: huge });
    web.routes.set('ispdb.lab.test/huge-chunked', { status: 200, body: huge, headers: { 'transfer-encoding': 'chunked' } });
    for (const path of ['huge-declared', 'huge-chunked']) {
      await expect(fetchText(`https://ispdb.lab.test/${path}`, { signal: signal(), maxBytes: maxAutoconfigBytes })).rejects.toThrow(/limit/);
    }
    expect(await fetchAutoconfig('https://ispdb.lab.test/huge-chunked', 'ispdb', email, fetchText, signal()).catch(() => 'rejected')).toBe('rejected');
  });

  it('follows an https redirect but never one down to http', async () => {
    web.routes.set('redirect.lab.test/up', { status: 302, body: '', headers: { location: 'https://ispdb.lab.test/v1.1/acme.test' } });
    web.routes.set('redirect.lab.test/down', { status: 302, body: '', headers: { location: 'http://ispdb.lab.test/v1.1/acme.test' } });
    expect((await fetchText('https://redirect.lab.test/up', { signal: signal(), maxBytes: 10_000 })).status).toBe(200);
    await expect(fetchText('https://redirect.lab.test/down', { signal: signal(), maxBytes: 10_000 })).rejects.toThrow(/https to http/);
  });

  it('gives up on a server that never answers after the per-request time-out', async () => {
    web.routes.set('ispdb.lab.test/hang', 'hang');
    const started = performance.now();
    await expect(fetchText('https://ispdb.lab.test/hang', { signal: signal(), maxBytes: 1000 })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetchText('https://ispdb.lab.test/hang', { signal: controller.signal, maxBytes: 1000 });
    setTimeout(() => controller.abort(new Error('user went back')), 50);
    await expect(pending).rejects.toThrow();
  });
});
