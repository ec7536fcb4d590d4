// Tests SRV and MX discovery against a real DNS server on loopback (dns2 over UDP).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoveryConfigFromEnv } from './discovery-config.ts';
import { createDnsPort } from '../net/dns-port.ts';
import { parseEmailAddress } from './email-address.ts';
import { discoverByMx, ispdbDomainsForMx, type IspdbLookup } from './mx-source.ts';
import { discoverBySrv, pickSrvRecord } from './srv-source.ts';
import type { DnsPort } from '../net/net-ports.ts';
import { startLocalDns, type LocalDns } from '../net/test-support/local-dns.ts';

let dns: LocalDns;
let port: DnsPort;
const signal = () => AbortSignal.timeout(5000);

beforeAll(async () => {
  dns = await startLocalDns({
    '_imaps._tcp.both.test': [
      { type: 'SRV', priority: 20, weight: 0, port: 993, target: 'backup.both.test' },
      { type: 'SRV', priority: 10, weight: 5, port: 993, target: 'imap.both.test' },
    ],
    '_imap._tcp.both.test': [{ type: 'SRV', priority: 0, weight: 0, port: 143, target: 'plain.both.test' }],
    '_submissions._tcp.both.test': [
      { type: 'SRV', priority: 5, weight: 0, port: 465, target: 'backup-smtp.both.test' },
      { type: 'SRV', priority: 1, weight: 0, port: 465, target: 'smtp.both.test' },
    ],
    '_submission._tcp.both.test': [{ type: 'SRV', priority: 0, weight: 0, port: 587, target: 'submit.both.test' }],
    '_submission._tcp.starttls.test': [{ type: 'SRV', priority: 0, weight: 0, port: 587, target: 'mail.starttls.test' }],
    '_submissions._tcp.dot.test': [{ type: 'SRV', priority: 0, weight: 0, port: 0, target: '.' }],
    '_imap._tcp.starttls.test': [{ type: 'SRV', priority: 0, weight: 0, port: 143, target: 'mail.starttls.test' }],
    '_pop3s._tcp.both.test': [{ type: 'SRV', priority: 0, weight: 0, port: 995, target: 'pop.both.test' }],
    '_pop3._tcp.both.test': [{ type: 'SRV', priority: 0, weight: 0, port: 110, target: 'plain-pop.both.test' }],
    '_pop3._tcp.poponly.test': [{ type: 'SRV', priority: 0, weight: 0, port: 110, target: 'pop.poponly.test' }],
    '_imaps._tcp.dot.test': [{ type: 'SRV', priority: 0, weight: 0, port: 0, target: '.' }],
    '_imap._tcp.dot.test': [{ type: 'SRV', priority: 0, weight: 0, port: 143, target: 'imap.dot.test' }],
    '_imaps._tcp.xn--bcher-kva.test': [{ type: 'SRV', priority: 0, weight: 0, port: 993, target: 'imap.xn--bcher-kva.test' }],
    'workspace.test': [
      { type: 'MX', priority: 10, exchange: 'alt1.aspmx.l.google.com' },
      { type: 'MX', priority: 1, exchange: 'aspmx.l.google.com' },
    ],
    'hosted.test': [{ type: 'MX', priority: 10, exchange: 'mx1.mail.hoster.test' }],
    'danish.test': [{ type: 'MX', priority: 10, exchange: 'mx01.mail.dk' }],
    'nullmx.test': [{ type: 'MX', priority: 0, exchange: '' }],
    'imap.both.test': [{ type: 'A', address: '127.0.0.1' }],
  });
  port = createDnsPort({ servers: [dns.server], timeoutMs: 500, tries: 1 });
});

afterAll(async () => {
  await dns?.close();
});

describe('SRV records (RFC 6186)', () => {
  it('prefers _imaps over _imap, _pop3s over _pop3 and _submissions over _submission, and picks the lowest priority', async () => {
    const result = await discoverBySrv(parseEmailAddress('a@both.test'), port, signal());
    expect(result).toEqual({
      source: 'srv',
      imap: { host: 'imap.both.test', port: 993, security: 'tls', username: 'a@both.test' },
      smtp: { host: 'smtp.both.test', port: 465, security: 'tls', username: 'a@both.test' },
      pop3: { host: 'pop.both.test', port: 995, security: 'tls', username: 'a@both.test' },
      provider: null,
    });
    expect(dns.queries).toContain('SRV _imaps._tcp.both.test');
    expect(dns.queries).toContain('SRV _submissions._tcp.both.test');
  });

  it('gives a domain with only _pop3._tcp a POP3 result with STLS (RFC 6186)', async () => {
    const result = await discoverBySrv(parseEmailAddress('a@poponly.test'), port, signal());
    expect(result).toMatchObject({ source: 'srv', imap: null, pop3: { host: 'pop.poponly.test', port: 110, security: 'starttls', username: 'a@poponly.test' } });
    expect(dns.queries).toContain('SRV _pop3s._tcp.poponly.test');
  });

  it('uses _imap._tcp and _submission._tcp as STARTTLS when there is no implicit-TLS record', async () => {
    const result = await discoverBySrv(parseEmailAddress('a@starttls.test'), port, signal());
    expect(result?.imap).toEqual({ host: 'mail.starttls.test', port: 143, security: 'starttls', username: 'a@starttls.test' });
    expect(result?.smtp).toEqual({ host: 'mail.starttls.test', port: 587, security: 'starttls', username: 'a@starttls.test' });
  });

  it('treats target "." as "not offered here"', async () => {
    const result = await discoverBySrv(parseEmailAddress('a@dot.test'), port, signal());
    expect(result?.imap?.security).toBe('starttls');
    expect(result?.smtp).toBeNull();
    expect(pickSrvRecord([{ name: '.', port: 0, priority: 0, weight: 0 }])).toBeNull();
  });

  it('asks for internationalised domains in punycode', async () => {
    const result = await discoverBySrv(parseEmailAddress('jürgen@bücher.test'), port, signal());
    expect(result?.imap?.host).toBe('imap.xn--bcher-kva.test');
  });

  it('gives null for a domain without records', async () => {
    expect(await discoverBySrv(parseEmailAddress('a@nothing.test'), port, signal())).toBeNull();
  });
});

describe('MX records', () => {
  const noIspdb: IspdbLookup = async () => null;

  it("gives a custom domain on Google's MX the Google Workspace settings", async () => {
    const result = await discoverByMx(parseEmailAddress('ceo@workspace.test'), port, noIspdb, signal());
    expect(result).toMatchObject({
      source: 'mx',
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls', username: 'ceo@workspace.test' },
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls', username: 'ceo@workspace.test' },
      provider: { id: 'google-workspace', auth: 'app-password' },
    });
  });

  it("asks the ISPDB about the MX's domain when no bundled provider matches", async () => {
    const asked: string[] = [];
    const ispdb: IspdbLookup = async (domain) => {
      asked.push(domain);
      return domain === 'hoster.test'
        ? { source: 'ispdb', imap: { host: 'imap.hoster.test', port: 993, security: 'tls', username: 'x' }, provider: null }
        : null;
    };
    const result = await discoverByMx(parseEmailAddress('a@hosted.test'), port, ispdb, signal());
    expect(asked).toEqual(['mail.hoster.test', 'hoster.test']);
    expect(result).toMatchObject({ source: 'mx', imap: { host: 'imap.hoster.test' } });
  });

  it("finds the MX's domain in the bundled ISPDB data without asking the ISPDB online", async () => {
    const asked: string[] = [];
    const ispdb: IspdbLookup = async (domain) => {
      asked.push(domain);
      return null;
    };
    const result = await discoverByMx(parseEmailAddress('a@danish.test'), port, ispdb, signal());
    expect(result).toMatchObject({ source: 'mx', imap: { host: 'imap.mail.dk', username: 'a@danish.test' }, smtp: { host: 'asmtp.mail.dk', port: 587 } });
    expect(asked).toEqual([]);
  });

  it('gives null for a null MX and for a domain without MX', async () => {
    expect(await discoverByMx(parseEmailAddress('a@nullmx.test'), port, noIspdb, signal())).toBeNull();
    expect(await discoverByMx(parseEmailAddress('a@nothing.test'), port, noIspdb, signal())).toBeNull();
  });

  it('derives the ISPDB domains of an MX host', () => {
    expect(ispdbDomainsForMx('contoso-com.mail.protection.outlook.com', 'contoso.com')).toEqual(['mail.protection.outlook.com', 'outlook.com']);
    expect(ispdbDomainsForMx('mx1.mail.ovh.net', 'x.fr')).toEqual(['mail.ovh.net', 'ovh.net']);
    expect(ispdbDomainsForMx('mx.hoster.co.uk', 'x.fr')).toEqual(['hoster.co.uk']);
    expect(ispdbDomainsForMx('mail.example.com', 'example.com')).toEqual([]);
  });
});

describe('MAIL_SETUP_ISPDB_URL', () => {
  it('takes defaults for unset variables and normalises the ISPDB base', () => {
    expect(discoveryConfigFromEnv({})).toEqual({ ispdbBaseUrl: 'https://autoconfig.thunderbird.net/v1.1/', dnsServers: null, localAddress: undefined });
    expect(discoveryConfigFromEnv({ MAIL_SETUP_ISPDB_URL: 'http://127.0.0.1:8080/ispdb', MAIL_SETUP_DNS_SERVERS: '' })).toEqual({
      ispdbBaseUrl: 'http://127.0.0.1:8080/ispdb/',
      dnsServers: null,
      localAddress: undefined,
    });
    expect(() => discoveryConfigFromEnv({ MAIL_SETUP_ISPDB_URL: 'ftp://x/' })).toThrow(/MAIL_SETUP_ISPDB_URL/);
  });
});
