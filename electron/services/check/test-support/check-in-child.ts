// Runs one check in its own process and prints its outcome and the process's peak memory, so a
// test can measure what a hostile server makes the check hold: node check-in-child.ts PORT SECURITY
import { createCheckEngine } from '../run-check.ts';
import type { Security } from '../../../../shared/server-settings.ts';

const [port = '0', security = 'starttls'] = process.argv.slice(2);
const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [], now: () => performance.now() });
const started = performance.now();
const report = await engine.run({
  settings: { email: 'ann@example.test', host: 'localhost', port: Number(port), security: security as Security, username: 'ann@example.test' },
  credential: { kind: 'password', password: 'not sent' },
  allowInsecure: false,
  timeoutMs: 10_000,
});
const failed = report.steps.find((step) => step.status === 'failed');
process.stdout.write(
  `${JSON.stringify({ category: report.failure?.category ?? null, step: failed?.id ?? null, detail: failed?.detail ?? '', ms: Math.round(performance.now() - started), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
process.exit(0);
