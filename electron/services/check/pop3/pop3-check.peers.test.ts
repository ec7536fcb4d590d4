// The POP3 check against scripted POP3 peers on real sockets: providers' exact refusals, what Dovecot does not do on
// demand (no CAPA, [IN-USE], bytes injected after STLS, an endless line, silence), and no credential where none may go.
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../../shared/check-report.ts';
import type { Security } from '../../../../shared/server-settings.ts';
import { silentScript, startScriptedPeer } from '../../../../e2e/fixtures/scripted-imap-peer.ts';
import { gmailPop3Capabilities, pop3Script, type Pop3Behaviour, type Pop3Script } from '../../../../e2e/fixtures/scripted-pop3-peer.ts';
import type { Credential } from '../check-input.ts';
import { expectFailure, expectWellFormed, step } from '../report-expectations.ts';
import { usePeerLab } from '../test-support/peer-lab.ts';

const email = 'ann@example.test';
const password = 'Hunter2 "quoted" pässwörd';

const lab = usePeerLab();

async function peer(behaviour: Pop3Behaviour, mode: Security = 'tls'): Promise<{ port: number; seen: Pop3Script }> {
  const seen = pop3Script(behaviour);
  const started = await startScriptedPeer({ script: seen.script, ...(mode === 'tls' ? { tls: lab.ca.trusted } : {}), ...(mode === 'starttls' ? { starttlsCertificate: lab.ca.trusted } : {}) });
  lab.stopAfterTest(() => started.stop());
  return { port: started.port, seen };
}

async function check(port: number, options: { security?: Security; timeoutMs?: number; credential?: Credential; allowInsecure?: boolean } = {}): Promise<CheckReport> {
  const engine = lab.loopbackEngine();
  const report = await engine.run({
    settings: { email, host: 'localhost', port, security: options.security ?? 'tls', username: email, protocol: 'pop3' },
    credential: options.credential ?? { kind: 'password', password },
    allowInsecure: options.allowInsecure ?? false,
    timeoutMs: options.timeoutMs ?? 3_000,
  });
  expectWellFormed(report);
  return report;
}

describe('providers’ POP3 refusals, in their own words', () => {
  const cases: [string, string, string][] = [
    ['Gmail, POP switched off', '-ERR [SYS/PERM] Your account is not enabled for POP access. Please visit your Gmail settings page and enable your account for POP access.', 'auth-disabled'],
    ['Gmail, wrong password', '-ERR [AUTH] Username and password not accepted.', 'wrong-credentials'],
    ['Gmail, app password', '-ERR [AUTH] Application-specific password required: https://support.google.com/accounts/answer/185833', 'app-password-required'],
    ['Outlook.com, POP switched off', '-ERR User is authenticated but not connected.', 'auth-disabled'],
    ['Outlook.com, wrong password', '-ERR Logon failure: unknown user name or bad password.', 'wrong-credentials'],
    ['any server, [SYS/PERM]', '-ERR [SYS/PERM] Your account has been suspended', 'account-blocked'],
    ['any server, [SYS/TEMP]', '-ERR [SYS/TEMP] Service busy, try again', 'server-unavailable'],
    ['any server, [LOGIN-DELAY]', '-ERR [LOGIN-DELAY] Minimum time between logins is 5 minutes', 'server-unavailable'],
  ];
  for (const [who, reply, category] of cases) {
    it(`${who}: ${category}`, async () => {
      const { port } = await peer({ capabilities: gmailPop3Capabilities, authReply: reply });
      const report = await check(port);
      expectFailure(report, category as never, 'authenticate');
      expect(report.failure?.serverText).toBe(reply);
    });
  }

  it('says where to switch POP on at Outlook.com, with its help page', async () => {
    const { port } = await peer({ authReply: '-ERR User is authenticated but not connected.' });
    const report = await check(port);
    expect(report.failure?.advice).toMatch(/Forwarding and IMAP → POP options/);
    expect(report.failure?.helpUrl).toMatch(/^https:\/\/support\.microsoft\.com\//);
  });

  it('[IN-USE]: the password was accepted, the mailbox is held by another session', async () => {
    const { port } = await peer({ authReply: '-ERR [IN-USE] Mailbox is locked by another POP3 session' });
    const report = await check(port);
    expectFailure(report, 'mailbox-unavailable', 'inbox');
    expect(step(report, 'authenticate').status).toBe('passed');
  });
});

describe('what Dovecot does not do on demand', () => {
  it('signs in with USER/PASS on a server without CAPA, one command at a time', async () => {
    const { port, seen } = await peer({ capabilities: null });
    const report = await check(port);
    expect(report.failure).toBeNull();
    // QUIT follows without being awaited, so the report may come before the peer sees it.
    expect(seen.commands.slice(0, 4)).toEqual(['CAPA', `USER ${email}`, `PASS ${password}`, 'STAT']);
  });

  it('pipelines STAT behind AUTH PLAIN where PIPELINING is offered', async () => {
    const { port, seen } = await peer({});
    const report = await check(port);
    expect(report.failure).toBeNull();
    expect(seen.commands.slice(0, 3).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['CAPA', 'AUTH PLAIN', 'STAT']);
  });

  it('signs in with OAuth2 (XOAUTH2) and answers a refusal challenge before reporting it', async () => {
    const token = { kind: 'oauth2' as const, accessToken: 'ya29.token' };
    const ok = await peer({ capabilities: gmailPop3Capabilities });
    expect((await check(ok.port, { credential: token })).failure).toBeNull();
    expect(ok.seen.credentials[0]?.line).toMatch(/^AUTH XOAUTH2 /);
    const refused = await peer({ capabilities: gmailPop3Capabilities, authChallenge: 'eyJzdGF0dXMiOiI0MDAifQ==', authReply: '-ERR [AUTH] Invalid credentials' });
    expectFailure(await check(refused.port, { credential: token }), 'wrong-credentials', 'authenticate');
  });

  it('refuses a server that sends more right after agreeing to STLS, before any credential', async () => {
    const { port, seen } = await peer({ afterStls: '+OK Logged in.' }, 'starttls');
    const report = await check(port, { security: 'starttls' });
    expectFailure(report, 'protocol-error', 'tls');
    expect(seen.credentials).toEqual([]);
  });

  it('passes over STLS, every credential over TLS', async () => {
    const { port, seen } = await peer({}, 'starttls');
    const report = await check(port, { security: 'starttls' });
    expect(report.failure).toBeNull();
    expect(seen.credentials.length).toBeGreaterThan(0);
    expect(seen.credentials.every((credential) => credential.secure)).toBe(true);
  });

  it('stops reading an endless CAPA line rather than fill memory', async () => {
    const { port } = await peer({ endlessCapa: true });
    const report = await check(port);
    expectFailure(report, 'protocol-error', 'greeting');
    expect(step(report, 'greeting').detail).toMatch(/line longer than 256 KB/);
  });

  it('names a greeting -ERR and an SMTP banner on the POP3 port', async () => {
    const busy = await peer({ greeting: '-ERR [SYS/TEMP] Too many connections' });
    expectFailure(await check(busy.port), 'server-unavailable', 'greeting');
    const smtp = await peer({ greeting: '220 mx.example.test ESMTP Postfix' });
    expectFailure(await check(smtp.port), 'not-pop3', 'greeting');
  });

  it('a silent server times out at the greeting naming POP3', async () => {
    const silent = await startScriptedPeer({ script: silentScript(), tls: lab.ca.trusted });
    lab.stopAfterTest(() => silent.stop());
    const report = await check(silent.port, { timeoutMs: 1_000 });
    expectFailure(report, 'timeout', 'greeting');
    expect(step(report, 'greeting').detail).toMatch(/POP3 greeting/);
  });
});
