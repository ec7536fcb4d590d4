// Tests the DNS port against a real DNS server on loopback (dns2 over UDP).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsPort } from './dns-port.ts';
import type { DnsPort } from './net-ports.ts';
import { startLocalDns, type LocalDns } from './test-support/local-dns.ts';

let dns: LocalDns;
let port: DnsPort;
const signal = () => AbortSignal.timeout(5000);

beforeAll(async () => {
  dns = await startLocalDns({ 'imap.both.test': [{ type: 'A', address: '127.0.0.1' }] });
  port = createDnsPort({ servers: [dns.server], timeoutMs: 500, tries: 1 });
});

afterAll(async () => {
  await dns?.close();
});

describe('the DNS port', () => {
  it('resolves names through the configured server and treats NXDOMAIN as an empty answer', async () => {
    expect(await port.lookupHost('imap.both.test', signal())).toEqual(['127.0.0.1']);
    expect(await port.lookupHost('nowhere.test', signal())).toEqual([]);
    expect(await port.lookupHost('192.0.2.7', signal())).toEqual(['192.0.2.7']);
  });

  it('rejects when no server answers, within its time-out', async () => {
    dns.silent.add('_imaps._tcp.silent.test');
    const started = performance.now();
    await expect(port.resolveSrv('_imaps._tcp.silent.test', signal())).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('cancels a query when its signal aborts', async () => {
    dns.silent.add('_imap._tcp.silent.test');
    const controller = new AbortController();
    const pending = port.resolveSrv('_imap._tcp.silent.test', controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pending).rejects.toThrow('stop');
  });
});
