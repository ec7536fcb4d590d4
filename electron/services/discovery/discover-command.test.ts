// Tests `mail-setup discover` (electron/cli/discover-command.ts): output, --json and exit statuses.
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import type { DiscoveryResult } from '../../../shared/discovery-result.ts';
import { runDiscover } from '../../cli/discover-command.ts';
import type { Discovery } from './discover.ts';
import { parseEmailAddress } from './email-address.ts';
import { autoconfigDocument } from './test-support/discovery-lab.ts';
import { startLocalDns, type LocalDns } from '../net/test-support/local-dns.ts';
import { startLocalWeb, type LocalWeb } from './test-support/local-web.ts';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(args: string[], answer?: DiscoveryResult, env: NodeJS.ProcessEnv = {}) {
  const stdout = capture();
  const stderr = capture();
  const fake: Discovery = {
    discover: async (email) => {
      parseEmailAddress(email);
      return answer ?? { source: 'none', imap: null, provider: null };
    },
  };
  const code = await runDiscover(args, { stdout: stdout.stream, stderr: stderr.stream, env }, answer ? () => fake : undefined);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const srvAnswer: DiscoveryResult = {
  source: 'srv',
  imap: { host: 'mail.example.test', port: 993, security: 'tls', username: 'jo@example.test' },
  smtp: { host: 'smtp.example.test', port: 465, security: 'tls', username: 'jo@example.test' },
  pop3: null,
  provider: null,
  suggestion: null,
};

describe('mail-setup discover', () => {
  it('prints a known provider from the bundled table in a few readable lines', async () => {
    const { code, stdout, stderr } = await run(['jo@gmail.com'], undefined, { MAIL_SETUP_DNS_SERVERS: '127.0.0.1:9' });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Found settings for jo@gmail.com (from the bundled provider table)');
    expect(stdout).toContain('Server:    imap.gmail.com');
    expect(stdout).toContain('Security:  SSL/TLS');
    expect(stdout).toContain('https://myaccount.google.com/apppasswords');
    expect(stdout).toContain('Outgoing:  smtp.gmail.com, port 465, SSL/TLS, username jo@gmail.com');
    expect(stdout.trim().split('\n').length).toBeLessThanOrEqual(10);
  });

  it('prints exactly one JSON document with --json', async () => {
    const { code, stdout } = await run(['--json', 'jo@example.test'], srvAnswer);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(srvAnswer);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('fills smtp, pop3 and suggestion with null in --json when discovery left them out', async () => {
    const { stdout } = await run(['--json', 'jo@example.test'], { source: 'srv', imap: srvAnswer.imap, provider: null });
    expect(JSON.parse(stdout)).toEqual({ source: 'srv', imap: srvAnswer.imap, smtp: null, pop3: null, provider: null, suggestion: null });
  });

  it('prints POP3 settings where they are all there is, and names POP3 beside IMAP where both are offered', async () => {
    const pop3 = { host: 'pop.example.test', port: 995, security: 'tls' as const, username: 'jo@example.test' };
    const only = await run(['jo@example.test'], { ...srvAnswer, imap: null, pop3 });
    expect(only.code).toBe(0);
    expect(only.stdout).toMatch(/Protocol: +POP3 \(--protocol pop3\)\n +Server: +pop\.example\.test\n +Port: +995/);
    const both = await run(['jo@example.test'], { ...srvAnswer, pop3 });
    expect(both.stdout).toContain('Server:    mail.example.test');
    expect(both.stdout).toMatch(/POP3 too: +pop\.example\.test, port 995, SSL\/TLS, username jo@example\.test \(--protocol pop3; POP3 downloads your mail to this one device; IMAP keeps it in sync on every device\.\)/);
  });

  it('asks "did you mean" first when the domain looks mistyped, and carries the suggestion in --json', async () => {
    const typo: DiscoveryResult = { source: 'none', imap: null, smtp: null, provider: null, suggestion: 'bob@gmail.com' };
    const human = await run(['bob@gmial.com'], typo);
    expect(human.stdout.split('\n')[0]).toBe('Did you mean bob@gmail.com? (mail-setup discover bob@gmail.com)');
    expect(human.code).toBe(1);
    const json = await run(['bob@gmial.com', '--json'], typo);
    expect(JSON.parse(json.stdout).suggestion).toBe('bob@gmail.com');
  });

  it('takes an address with non-ASCII letters before the @ and uses it as the username', async () => {
    const { code, stdout, stderr } = await run(['jürgen@gmail.com', '--json'], undefined, { MAIL_SETUP_DNS_SERVERS: '127.0.0.1:9' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const found = JSON.parse(stdout) as DiscoveryResult;
    expect(found.imap?.username).toBe('jürgen@gmail.com');
    expect(found.smtp?.username).toBe('jürgen@gmail.com');
  });

  it('says when no outgoing server was found', async () => {
    const { stdout } = await run(['jo@example.test'], { ...srvAnswer, smtp: null });
    expect(stdout).toContain('Outgoing:  not found; enter the outgoing server by hand');
  });

  it('warns about settings that came over plain http', async () => {
    const { stdout } = await run(['jo@example.test'], { ...srvAnswer, source: 'autoconfig', needsConfirmation: true });
    expect(stdout).toMatch(/Warning: .*unencrypted connection/);
  });

  it('exits 1 with a hint to type the settings when nothing was found', async () => {
    const none: DiscoveryResult = { source: 'none', imap: null, smtp: null, pop3: null, provider: null, suggestion: null };
    const human = await run(['jo@nothing.test'], none);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('Enter the server settings by hand');
    const json = await run(['jo@nothing.test', '--json'], none);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual(none);
  });

  it('says plainly that a provider offers no IMAP, and exits 1', async () => {
    const { code, stdout } = await run(['jo@tuta.com'], undefined, { MAIL_SETUP_DNS_SERVERS: '127.0.0.1:9' });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Tuta Mail does not offer IMAP/);
  });

  it.each([
    [[], 'no email address given'],
    [['a@b.test', 'c@d.test'], 'exactly one'],
    [['--bogus', 'a@b.test'], 'bogus'],
    [['not-an-address'], 'is not an email address'],
  ])('exits 2 with one line on stderr for %j', async (args, message) => {
    const { code, stdout, stderr } = await run(args, srvAnswer);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for an unusable MAIL_SETUP_DNS_SERVERS', async () => {
    const { code, stderr } = await run(['jo@example.test'], undefined, { MAIL_SETUP_DNS_SERVERS: 'dns.example:53' });
    expect(code).toBe(2);
    expect(stderr).toContain('MAIL_SETUP_DNS_SERVERS');
  });
});

describe('the real `mail-setup discover` process (contract shape of --json)', () => {
  const bin = fileURLToPath(new URL('../../../bin/mail-setup.js', import.meta.url));
  let ca: TestCa;
  let dns: LocalDns;
  let web: LocalWeb;

  beforeAll(async () => {
    ca = await createTestCa();
    [dns, web] = await Promise.all([
      startLocalDns({
        '_imaps._tcp.srvcli.test': [{ type: 'SRV', priority: 0, weight: 0, port: 993, target: 'imap.srvcli.test' }],
        '_submissions._tcp.srvcli.test': [{ type: 'SRV', priority: 0, weight: 0, port: 465, target: 'smtp.srvcli.test' }],
      }),
      startLocalWeb(await ca.issue({ names: ['web.lab.test'] })),
    ]);
    web.routes.set('127.0.0.1/v1.1/ispdbcli.test', { status: 200, body: autoconfigDocument('imap.ispdbcli.test', 993, 'SSL', 'CLI Mail', 'smtp.ispdbcli.test') });
  });

  afterAll(async () => {
    await Promise.all([dns?.close(), web?.close()]);
    await ca?.remove();
  });

  function discoverJson(email: string): Promise<{ code: number | null; json: unknown }> {
    const child = spawn(process.execPath, [bin, 'discover', email, '--json'], {
      env: { ...process.env, MAIL_SETUP_DNS_SERVERS: dns.server, MAIL_SETUP_ISPDB_URL: `http://127.0.0.1:${web.httpPort}/v1.1/` },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, json: JSON.parse(stdout) })));
  }

  it('prints incoming and outgoing servers from the ISPDB and from SRV, and a suggestion for a typo', async () => {
    const [ispdb, srv, typo] = await Promise.all([discoverJson('jo@ispdbcli.test'), discoverJson('jo@srvcli.test'), discoverJson('bob@gmial.com')]);
    expect(ispdb).toEqual({
      code: 0,
      json: {
        source: 'ispdb',
        imap: { host: 'imap.ispdbcli.test', port: 993, security: 'tls', username: 'jo@ispdbcli.test' },
        smtp: { host: 'smtp.ispdbcli.test', port: 465, security: 'tls', username: 'jo@ispdbcli.test' },
        pop3: null,
        provider: { name: 'CLI Mail', auth: 'password', helpUrl: null },
        suggestion: null,
      },
    });
    expect(srv.json).toMatchObject({ source: 'srv', imap: { host: 'imap.srvcli.test', port: 993 }, smtp: { host: 'smtp.srvcli.test', port: 465, security: 'tls' } });
    expect(typo.json).toMatchObject({ suggestion: 'bob@gmail.com' });
  });
});
