// Tests the provider data generated from the ISPDB snapshot: up to date, every IMAP domain offline, disagreements resolved.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeIspdb } from './merge-ispdb.ts';
import { readIspdbFolder, type IspdbFile } from './read-ispdb.ts';
import { renderIspdbModule } from './write-ispdb-module.ts';
import { findProviderByDomain, findProviderById } from '../../shared/providers/find-provider.ts';
import { ispdbProviders, ispdbSnapshot } from '../../shared/providers/ispdb-providers.ts';
import { ProviderEntrySchema } from '../../shared/providers/provider-schema.ts';
import { providerTable } from '../../shared/providers/provider-table.ts';
import { runDiscover } from '../../electron/cli/discover-command.ts';
import { createDiscovery } from '../../electron/services/discovery/discover.ts';
import type { ConnectPort, DnsPort } from '../../electron/services/net/net-ports.ts';

const root = new URL('../../', import.meta.url).pathname;
const noNetwork = () => Promise.reject(new Error('the network must not be used for bundled data'));
const offlineDns: DnsPort = { resolveSrv: noNetwork, resolveMx: noNetwork, lookupHost: noNetwork };
const offline = createDiscovery({ ispdbBaseUrl: 'https://ispdb.invalid/', dns: offlineDns, connect: noNetwork as ConnectPort });

let files: IspdbFile[];

beforeAll(async () => {
  files = await readIspdbFolder(`${root}scripts/ispdb-snapshot/ispdb`);
});

describe('the ISPDB-generated provider data', () => {
  it('is what the generator makes of the committed snapshot, with no unresolved disagreement', async () => {
    const merge = mergeIspdb(files, providerTable);
    expect(merge.disagreements).toEqual([]);
    const source = renderIspdbModule(merge, { repository: 'https://github.com/thunderbird/autoconfig', commit: ispdbSnapshot.commit, files: files.length });
    expect(source).toBe(await readFile(`${root}shared/providers/ispdb-providers.ts`, 'utf8'));
    expect(source).toContain('Mozilla Public License, v. 2.0');
  });

  it('has entries that match the schema, with ids unique across the curated table', () => {
    for (const entry of ispdbProviders) expect(ProviderEntrySchema.safeParse(entry).error?.issues ?? [], entry.id).toEqual([]);
    const ids = [...providerTable, ...ispdbProviders].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers every ISPDB domain that has IMAP offline, with incoming and outgoing servers', async () => {
    const imapDomains = [...new Set(files.filter((file) => file.imap).flatMap((file) => file.domains))];
    expect(imapDomains.length).toBeGreaterThan(800);
    for (const domain of imapDomains) {
      const result = await offline.discover(`someone@${domain}`);
      expect(result.source, domain).toBe('bundled');
      expect(result.imap, domain).not.toBeNull();
      expect(result.smtp, domain).not.toBeNull();
    }
  });

  it('gives the ISPDB servers where no curated entry decides otherwise', async () => {
    for (const file of files.filter((candidate) => candidate.imap)) {
      for (const domain of file.domains) {
        const entry = findProviderByDomain(domain);
        if (!entry?.id.startsWith('ispdb-')) continue;
        const result = await offline.discover(`someone@${domain}`);
        expect(result.imap?.host, domain).toBe(file.imap?.host.replace('%EMAILDOMAIN%', domain));
      }
    }
  });

  it('resolves the known disagreements with the curated table', async () => {
    // 1&1's own addresses use 1&1's servers; IONOS stays for custom domains on its MX.
    expect(await offline.discover('jo@online.de')).toMatchObject({ imap: { host: 'imap.1und1.de' }, smtp: { host: 'smtp.1und1.de' } });
    expect(findProviderById('ionos-de')?.domains).toEqual([]);
    // ZeelandNet is DELTA's, not Ziggo's: the ISPDB's server, signing in with the name part.
    expect(await offline.discover('jo@zeelandnet.nl')).toMatchObject({
      imap: { host: 'mail.zeelandnet.nl', username: 'jo' },
      smtp: { host: 'mail.zeelandnet.nl', port: 465, security: 'tls', username: 'jo' },
    });
    // Virgin Media's one server for all its brands; the curated entry says why it differs.
    for (const domain of ['blueyonder.co.uk', 'ntlworld.com', 'virgin.net']) {
      expect(await offline.discover(`jo@${domain}`)).toMatchObject({ imap: { host: 'imap.virginmedia.com' }, provider: { id: 'virgin-media' } });
    }
    const virgin = findProviderById('virgin-media');
    expect(virgin?.imapAvailable && virgin.ispdbDiffers).toMatch(/virginmedia/);
  });

  it('brings providers the curated table lacks, and gives curated ones the domains the ISPDB files with them', async () => {
    expect(await offline.discover('jo@yahoo.co.jp')).toMatchObject({ imap: { host: 'imap.mail.yahoo.co.jp' }, smtp: { host: 'smtp.mail.yahoo.co.jp', port: 465 } });
    expect(await offline.discover('jo@inbox.lv')).toMatchObject({ imap: { host: 'mail.inbox.lv' }, smtp: { host: 'mail.inbox.lv' } });
    expect(await offline.discover('jo@t-online.de')).toMatchObject({ provider: { id: 't-online' } });
    expect(await offline.discover('jo@hotmail.co.th')).toMatchObject({ provider: { id: 'outlook', auth: 'oauth2' }, smtp: { host: 'smtp-mail.outlook.com' } });
  });

  it('gives a POP3-only provider its POP3 and outgoing settings, with a note on what POP3 means', async () => {
    const result = await offline.discover('jo@nifty.com');
    expect(result).toMatchObject({ source: 'bundled', imap: null, pop3: { host: 'pop.nifty.com', username: 'jo' }, smtp: { host: 'smtp.nifty.com' }, provider: { imapAvailable: false, pop3Only: true } });
    expect(result.provider?.note).toMatch(/offers POP3, not IMAP: POP3 downloads your mail to this one device/);
    let text = '';
    const stdout = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
    const code = await runDiscover(['jo@nifty.com'], { stdout, stderr: stdout, env: {} } as never, () => offline);
    expect(code).toBe(0);
    expect(text).toMatch(/Protocol: +POP3 \(--protocol pop3\)\n +Server: +pop\.nifty\.com/);
    expect(text).not.toContain('No settings found');
  });

  it('gives every POP3-only provider in the bundled data its POP3 and outgoing servers', async () => {
    const pop3Only = ispdbProviders.filter((entry) => !entry.imapAvailable && entry.pop3Only);
    expect(pop3Only.length).toBeGreaterThanOrEqual(40);
    for (const entry of pop3Only) {
      const result = await offline.discover(`jo@${entry.domains[0] ?? ''}`);
      expect(result.pop3, entry.id).toMatchObject({ host: expect.any(String), port: expect.any(Number) });
      expect(result.smtp, entry.id).toMatchObject({ host: expect.any(String) });
    }
  });

  it('answers a bundled domain in under 1 ms (median of many ISPDB and curated domains)', async () => {
    const domains = files.flatMap((file) => file.domains).slice(0, 200);
    const samples: number[] = [];
    for (const domain of domains) {
      const started = performance.now();
      await offline.discover(`jo@${domain}`);
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    expect(samples[Math.floor(samples.length / 2)]).toBeLessThan(1);
  });

  it('looks a domain up in well under 1 ms', () => {
    findProviderByDomain('warm-up.example');
    const domains = files.flatMap((file) => file.domains);
    const started = performance.now();
    for (let round = 0; round < 100; round += 1) for (const domain of domains) findProviderByDomain(domain);
    const perLookup = (performance.now() - started) / (100 * domains.length);
    expect(perLookup).toBeLessThan(0.01);
  });
});
