// `npm run bench`: every benchmark in turn (local ratios against Dovecot and Postfix, a security mode wrong for the port, round trips at 100 ms RTT incoming, outgoing and discovery, CLI start, discovery, renderer bundle size, page load to the email step per language).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const benches = ['bench-check.ts', 'bench-outgoing.ts', 'bench-outgoing-postfix.ts', 'bench-wrong-port.ts', 'bench-round-trips.ts', 'bench-round-trips-pop3.ts', 'bench-round-trips-outgoing.ts', 'bench-round-trips-discovery.ts', 'bench-cli-start.ts', 'bench-discovery.ts', 'bench-renderer.ts', 'bench-locale-load.ts'];
let failed = false;
for (const name of benches) {
  const file = join(import.meta.dirname, name);
  if (!existsSync(file)) continue;
  process.stdout.write(`\n== ${name}\n`);
  const result = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
