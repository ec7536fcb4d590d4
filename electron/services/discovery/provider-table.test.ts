// Tests every entry of the bundled provider table, and that discovery answers from it without the network.
import { describe, expect, it } from 'vitest';
import { DiscoveryResultSchema } from '../../../shared/discovery-result.ts';
import {
  findProviderByDomain,
  findProviderById,
  findProviderByImapHost,
  findProviderByMxHost,
} from '../../../shared/providers/find-provider.ts';
import { ProviderEntrySchema } from '../../../shared/providers/provider-schema.ts';
import { providerTable } from '../../../shared/providers/provider-table.ts';
import { createDiscovery } from './discover.ts';
import type { ConnectPort, DnsPort } from '../net/net-ports.ts';

const noNetwork = () => Promise.reject(new Error('the network must not be used for a bundled provider'));
const offlineDns: DnsPort = { resolveSrv: noNetwork, resolveMx: noNetwork, lookupHost: noNetwork };
const offlineConnect: ConnectPort = noNetwork;
const discovery = createDiscovery({ ispdbBaseUrl: 'https://ispdb.invalid/', dns: offlineDns, connect: offlineConnect });

describe('the bundled provider table', () => {
  it('holds at least 40 providers with unique ids and unique address domains', () => {
    expect(providerTable.length).toBeGreaterThanOrEqual(40);
    expect(new Set(providerTable.map((entry) => entry.id)).size).toBe(providerTable.length);
    const domains = providerTable.flatMap((entry) => entry.domains);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('covers the providers the issue names', () => {
    const ids = ['gmail', 'google-workspace', 'outlook', 'microsoft-365', 'yahoo', 'aol', 'icloud', 'fastmail', 'gmx', 'web-de',
      'mail-ru', 'yandex', 'zoho', 'proton', 'posteo', 'mailbox-org', 'tuta'];
    for (const id of ids) expect(findProviderById(id), id).toBeDefined();
    expect(findProviderByDomain('yahoo.co.uk')?.id).toBe('yahoo');
    expect(findProviderByDomain('me.com')?.id).toBe('icloud');
    expect(findProviderByDomain('hotmail.com')?.id).toBe('outlook');
  });

  it('keeps OAuth2 metadata for Google and Microsoft as data', () => {
    for (const id of ['gmail', 'google-workspace', 'outlook', 'microsoft-365']) {
      const entry = findProviderById(id);
      expect(entry?.imapAvailable && entry.oauth2?.authorizationEndpoint).toMatch(/^https:\/\//);
      expect(entry?.imapAvailable && entry.oauth2?.tokenEndpoint).toMatch(/^https:\/\//);
    }
  });

  it('runs Proton through the local Bridge on 127.0.0.1:1143 with STARTTLS', () => {
    const proton = findProviderById('proton');
    expect(proton?.imapAvailable && proton.imap).toEqual({ host: '127.0.0.1', port: 1143, security: 'starttls', username: '%EMAILADDRESS%' });
  });

  it('knows the submission server of the large providers', () => {
    const smtp = (id: string) => {
      const entry = findProviderById(id);
      return entry?.imapAvailable ? entry.smtp : undefined;
    };
    expect(smtp('gmail')).toEqual({ host: 'smtp.gmail.com', port: 465, security: 'tls', username: '%EMAILADDRESS%' });
    expect(smtp('microsoft-365')).toEqual({ host: 'smtp.office365.com', port: 587, security: 'starttls', username: '%EMAILADDRESS%' });
    expect(smtp('outlook')).toEqual({ host: 'smtp-mail.outlook.com', port: 587, security: 'starttls', username: '%EMAILADDRESS%' });
    // Apple: the name part signs in to IMAP, the whole address to SMTP.
    expect(smtp('icloud')).toEqual({ host: 'smtp.mail.me.com', port: 587, security: 'starttls', username: '%EMAILADDRESS%' });
    expect(smtp('yahoo')).toMatchObject({ host: 'smtp.mail.yahoo.com', port: 465, security: 'tls' });
    expect(smtp('fastmail')).toMatchObject({ host: 'smtp.fastmail.com', port: 465, security: 'tls' });
    expect(smtp('gmx')).toMatchObject({ host: 'mail.gmx.net', port: 465, security: 'tls' });
    expect(smtp('proton')).toEqual({ host: '127.0.0.1', port: 1025, security: 'starttls', username: '%EMAILADDRESS%' });
  });

  it('maps MX hosts to providers by their longest suffix', () => {
    expect(findProviderByMxHost('aspmx.l.google.com')?.id).toBe('google-workspace');
    expect(findProviderByMxHost('ALT1.ASPMX.L.GOOGLE.COM.')?.id).toBe('google-workspace');
    expect(findProviderByMxHost('contoso-com.mail.protection.outlook.com')?.id).toBe('microsoft-365');
    expect(findProviderByMxHost('outlook-com.olc.protection.outlook.com')?.id).toBe('outlook');
    expect(findProviderByMxHost('mx-aol.mail.gm0.yahoodns.net')?.id).toBe('aol');
    expect(findProviderByMxHost('mta5.am0.yahoodns.net')?.id).toBe('yahoo');
    expect(findProviderByMxHost('in1-smtp.messagingengine.com')?.id).toBe('fastmail');
    expect(findProviderByMxHost('mx.zoho.eu')?.id).toBe('zoho-workplace-eu');
    expect(findProviderByMxHost('mail.protonmail.ch')?.id).toBe('proton');
    expect(findProviderByMxHost('mx.example.net')).toBeUndefined();
    expect(findProviderByMxHost('notgoogle.com')).toBeUndefined();
  });

  it('labels a server by IMAP host, preferring the business entry for a custom domain', () => {
    expect(findProviderByImapHost('imap.gmail.com', 'gmail.com')?.id).toBe('gmail');
    expect(findProviderByImapHost('imap.gmail.com', 'acme.example')?.id).toBe('google-workspace');
    expect(findProviderByImapHost('outlook.office365.com', 'acme.example')?.id).toBe('microsoft-365');
    expect(findProviderByImapHost('imap.example.net')).toBeUndefined();
  });

  describe.each(providerTable.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
    it('matches the entry schema', () => {
      expect(ProviderEntrySchema.safeParse(entry).error?.issues ?? []).toEqual([]);
    });

    it('has an https help URL or none, and app-password providers have one', () => {
      if (entry.helpUrl !== null) expect(new URL(entry.helpUrl).protocol).toBe('https:');
      if (entry.auth === 'app-password' || entry.auth === 'oauth2') expect(entry.helpUrl).not.toBeNull();
    });

    if (entry.domains.length > 0) it('is found for each of its domains, offline and in under 50 ms', async () => {
      for (const domain of entry.domains) {
        const started = performance.now();
        const result = await discovery.discover(`someone@${domain}`);
        expect(performance.now() - started).toBeLessThan(50);
        expect(DiscoveryResultSchema.parse(result)).toEqual(result);
        expect(result.source).toBe('bundled');
        expect(result.provider).toMatchObject({ id: entry.id, name: entry.name, auth: entry.auth, helpUrl: entry.helpUrl });
        if (entry.imapAvailable) {
          const username = entry.imap.username === '%EMAILADDRESS%' ? `someone@${domain}` : 'someone';
          expect(result.imap).toEqual({ host: entry.imap.host, port: entry.imap.port, security: entry.imap.security, username });
          const smtpUsername = entry.smtp.username === '%EMAILADDRESS%' ? `someone@${domain}` : 'someone';
          expect(result.smtp).toEqual({ host: entry.smtp.host, port: entry.smtp.port, security: entry.smtp.security, username: smtpUsername });
        } else {
          expect(result.imap).toBeNull();
          expect(result.smtp).toBeNull();
          expect(result.provider?.imapAvailable).toBe(false);
        }
      }
    });

    if (entry.mxSuffixes) it('is found from a host under each of its MX suffixes', () => {
      for (const suffix of entry.mxSuffixes ?? []) expect(findProviderByMxHost(`mx1.${suffix}`)?.id).toBe(entry.id);
    });
  });

  it('tells plainly that Tuta offers no IMAP', async () => {
    const result = await discovery.discover('someone@tutanota.com');
    expect(result).toMatchObject({ source: 'bundled', imap: null, provider: { id: 'tuta', imapAvailable: false } });
    const tuta = findProviderById('tuta');
    expect(tuta && !tuta.imapAvailable && tuta.note).toMatch(/does not offer IMAP/);
  });
});
