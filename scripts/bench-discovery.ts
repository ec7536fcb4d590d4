// Benchmark: median discovery times on loopback servers (bundled, SRV, guess-only) and the offline give-up.
// Run: node scripts/bench-discovery.ts [--runs N]
import { createSocket } from 'node:dgram';
import { parseArgs } from 'node:util';
import { createDefaultDiscovery } from '../electron/services/discovery/default-discovery.ts';
import type { Discovery } from '../electron/services/discovery/discover.ts';
import { getClosedPort } from '../electron/services/net/test-support/closed-port.ts';
import { atLab, startLab } from '../electron/services/discovery/test-support/discovery-lab.ts';
import { median } from './bench-support/median.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = Math.max(1, Number(values.runs));

async function measure(label: string, count: number, discovery: Discovery, email: string, expectedSource: string) {
  const samples: number[] = [];
  for (let run = 0; run < count; run += 1) {
    const started = performance.now();
    const result = await discovery.discover(email);
    samples.push(performance.now() - started);
    if (result.source !== expectedSource) throw new Error(`${label}: expected source ${expectedSource}, got ${result.source}`);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  process.stdout.write(
    `${label.padEnd(50)} median ${median(samples).toFixed(2).padStart(8)} ms   min ${(sorted[0] ?? 0).toFixed(2).padStart(8)}   max ${(sorted.at(-1) ?? 0).toFixed(2).padStart(8)}   (n=${count}, source ${expectedSource})\n`,
  );
}

const lab = await startLab({
  webNames: [],
  imapNames: ['imap.guess-only.test'],
  zone: {
    '_imaps._tcp.srv-domain.test': [{ type: 'SRV', priority: 0, weight: 0, port: 993, target: 'imap.srv-domain.test' }],
    'imap.guess-only.test': [...atLab],
  },
});
const blackHole = createSocket('udp4');
try {
  await new Promise<void>((resolve) => blackHole.bind(0, '127.0.0.1', resolve));
  const { discovery } = lab.discovery();
  process.stdout.write(`Discovery benchmark on loopback (Node ${process.version}); local DNS ${lab.dns.server}, Dovecot ${lab.dovecot.tlsPort}/${lab.dovecot.starttlsPort}\n`);
  await measure('bundled provider (someone@gmail.com)', Math.max(runs, 200), discovery, 'someone@gmail.com', 'bundled');
  await measure('bundled ISPDB-only domain (someone@inbox.lv)', Math.max(runs, 200), discovery, 'someone@inbox.lv', 'bundled');
  await measure('SRV domain (jo@srv-domain.test)', runs, discovery, 'jo@srv-domain.test', 'srv');
  await measure('guess-only domain (jo@guess-only.test, Dovecot)', runs, discovery, 'jo@guess-only.test', 'guess');

  const closedPort = await getClosedPort();
  const offlineEnv = (dnsPort: number) => ({
    MAIL_SETUP_DNS_SERVERS: `127.0.0.1:${dnsPort}`,
    MAIL_SETUP_ISPDB_URL: `https://127.0.0.1:${closedPort}/v1.1/`,
  });
  const offlineRuns = Math.min(runs, 5);
  await measure('offline give-up, DNS port refuses', offlineRuns, createDefaultDiscovery(offlineEnv(closedPort)), 'jo@unknown.test', 'none');
  const silentPort = (blackHole.address() as { port: number }).port;
  await measure('offline give-up, DNS swallows queries', offlineRuns, createDefaultDiscovery(offlineEnv(silentPort)), 'jo@unknown.test', 'none');
} finally {
  blackHole.close();
  await lab.close();
}
