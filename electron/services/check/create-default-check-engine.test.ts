// The default engine resolves server names through MAIL_SETUP_DNS_SERVERS, as discovery does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClosedPort } from '../net/test-support/closed-port.ts';
import { startLocalDns, type LocalDns } from '../net/test-support/local-dns.ts';
import { createDefaultCheckEngine } from './create-default-check-engine.ts';
import type { CheckInput } from './check-input.ts';

let dns: LocalDns;
let closedPort: number;

beforeAll(async () => {
  // A name that exists only in the test zone: the system resolver cannot know it.
  dns = await startLocalDns({ 'imap.only-in-test-dns.test': [{ type: 'A', address: '127.0.0.1' }] });
  closedPort = await getClosedPort();
});

afterAll(async () => {
  await dns?.close();
});

function input(): CheckInput {
  return {
    settings: { email: 'a@only-in-test-dns.test', host: 'imap.only-in-test-dns.test', port: closedPort, security: 'tls', username: 'a' },
    credential: { kind: 'password', password: 'never sent' },
    allowInsecure: false,
    timeoutMs: 3_000,
  };
}

describe('the check resolves where discovery resolves', () => {
  it('finds a name through MAIL_SETUP_DNS_SERVERS and goes on to connect', async () => {
    const report = await createDefaultCheckEngine({ env: { MAIL_SETUP_DNS_SERVERS: dns.server } }).run(input());
    expect(report.steps.find((step) => step.id === 'resolve')).toMatchObject({ status: 'passed', detail: '127.0.0.1' });
    expect(report.failure?.category).toBe('connection-refused');
    expect(dns.queries).toContain('A imap.only-in-test-dns.test');
  });

  it('without the variable the same name is not found', async () => {
    const report = await createDefaultCheckEngine({ env: {} }).run(input());
    expect(report.failure?.category).toBe('dns-not-found');
  });
});
