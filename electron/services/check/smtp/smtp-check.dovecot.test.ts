// The outgoing check against Dovecot's real submission service (and its relay): both servers at once,
// security modes, certificates and pins, special passwords, refusals, OAuth2, cancel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outgoingStepIds, stepIds, type CheckReport, type CheckStep, type ServerRole } from '../../../../shared/check-report.ts';
import type { Security } from '../../../../shared/server-settings.ts';
import { nextLoopbackAddress, startDovecot, type Dovecot, type DovecotUser } from '../../../../e2e/fixtures/dovecot.ts';
import { startOAuthServer, type OAuthServer } from '../../../../e2e/fixtures/oauth-server.ts';
import { getTestCa, type TestCa } from '../../../../e2e/fixtures/test-ca.ts';
import { CheckCancelledError } from '../check-failure.ts';
import type { CheckInput, Credential } from '../check-input.ts';
import { createCheckEngine, type RunOptions } from '../run-check.ts';
import { expectFailure, expectWellFormed, step } from '../report-expectations.ts';
import { expectOutgoingFailure, expectWellFormedOutgoing, outgoingOf, outgoingStep } from './outgoing-expectations.ts';

const alice: DovecotUser = { user: 'alice@example.test', password: 'correct horse battery staple' };
const specialPasswords = ['  two  spaces inside  ', 'say "hello" \\ to {5} me', 'pässwörd Ünïcødé 密码 🔑', `!#$%&'()*+,-./:;<=>?@[]^_\`{|}~`];
const specialUsers: DovecotUser[] = specialPasswords.map((password, index) => ({ user: `special${index}@example.test`, password }));
const refusedSender: DovecotUser = { user: 'refused@example.test', password: 'refused password' };

let ca: TestCa;
let dovecot: Dovecot & { readonly plainSubmissionPort: number; readonly plainNoTlsPort: number };
let selfSigned: Dovecot;
let oauth: OAuthServer;

beforeAll(async () => {
  ca = await getTestCa();
  oauth = await startOAuthServer();
  [dovecot, selfSigned] = await Promise.all([
    startDovecot({ ssl: 'no', users: [alice, ...specialUsers, refusedSender], extraConfig: oauth.dovecotConfig }),
    startDovecot({ users: [alice], certificate: ca.selfSigned }),
  ]);
  dovecot.refuseSender(refusedSender.user, '553 Sender address rejected: not owned by user');
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), selfSigned?.stop(), oauth?.stop()]);
});

interface Options {
  user?: string;
  credential?: Credential;
  /** The outgoing server's own secret (default: the same credential). */
  outgoingCredential?: Credential;
  security?: Security;
  port?: number;
  localAddress?: string;
  allowInsecure?: boolean;
  timeoutMs?: number;
  trustedFingerprint?: string;
  incomingFingerprint?: string;
  only?: CheckInput['only'];
  server?: Dovecot;
  transcript?: boolean;
}

function submissionPort(server: Dovecot, security: Security): number {
  return security === 'tls' ? server.submissionsPort : server.submissionPort;
}

async function check(options: Options = {}, runOptions: RunOptions = {}): Promise<CheckReport> {
  const server = options.server ?? dovecot;
  const security = options.security ?? 'tls';
  const user = options.user ?? alice.user;
  const credential = options.credential ?? { kind: 'password', password: specialPasswordOf(user) };
  const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], localAddress: options.localAddress, now: () => performance.now() });
  const report = await engine.run(
    {
      settings: { email: user, host: 'localhost', port: server.tlsPort, security: 'tls', username: user },
      credential,
      allowInsecure: options.allowInsecure ?? false,
      trustedFingerprint: options.incomingFingerprint,
      timeoutMs: options.timeoutMs ?? 5_000,
      only: options.only,
      transcript: options.transcript,
      outgoing: {
        settings: { host: 'localhost', port: options.port ?? submissionPort(server, security), security, username: user },
        credential: options.outgoingCredential ?? credential,
        trustedFingerprint: options.trustedFingerprint,
      },
    },
    runOptions,
  );
  expectWellFormedOutgoing(report);
  if (options.only !== 'outgoing') expectWellFormed(report);
  return report;
}

function specialPasswordOf(user: string): string {
  return [alice, ...specialUsers, refusedSender].find((entry) => entry.user === user)?.password ?? 'unknown';
}

describe('both servers', () => {
  it('checks incoming and outgoing at once, every step passed and streamed with its server', async () => {
    const events: [ServerRole, CheckStep][] = [];
    const report = await check({}, { onProgress: (event, server) => events.push([server, event]) });
    expect(report.ok).toBe(true);
    expect(report.failure).toBeNull();
    expect(outgoingOf(report).failure).toBeNull();
    expect(outgoingOf(report).account).toEqual({ host: 'localhost', port: dovecot.submissionsPort, security: 'tls', username: alice.user });
    expect(outgoingOf(report).steps.map((entry) => entry.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed']);
    expect(outgoingStep(report, 'tls').detail).toMatch(/TLSv1\.[23], .* · certificate for localhost, issued by Mail Setup Test CA/);
    expect(outgoingStep(report, 'greeting').detail).toMatch(/^localhost Dovecot \(Debian\) ready\. · extensions: .*PIPELINING.* · sign-in methods: PLAIN, LOGIN/);
    expect(outgoingStep(report, 'authenticate').detail).toBe(`Signed in as ${alice.user} with PLAIN (offered: PLAIN, LOGIN, OAUTHBEARER, XOAUTH2)`);
    expect(outgoingStep(report, 'sender').detail).toMatch(/^MAIL FROM:<alice@example\.test> and RCPT TO:<alice@example\.test> accepted \(250 2\.1\.0 .*\), then reset \(RSET\): nothing was sent$/);
    expect(outgoingOf(report).tls?.certificate.fingerprint256).toBe(ca.trusted.fingerprint256);
    // Each server's events come in its own order; the two streams interleave.
    const of = (server: ServerRole) => events.filter(([role]) => role === server).map(([, event]) => `${event.id}:${event.status}`);
    expect(of('incoming')).toEqual(stepIds.flatMap((id) => [`${id}:running`, `${id}:passed`]));
    expect(of('outgoing')).toEqual(outgoingStepIds.filter((id) => id !== 'delivery').flatMap((id) => [`${id}:running`, `${id}:passed`]));
    // Nothing was sent: the relay saw no message.
    expect(dovecot.relayed.filter((message) => message.from === alice.user)).toEqual([]);
  });

  it('passes over STARTTLS: greeting in the clear, then TLS, then the password', async () => {
    const events: string[] = [];
    const report = await check({ security: 'starttls', localAddress: nextLoopbackAddress() }, { onProgress: (event, server) => server === 'outgoing' && events.push(`${event.id}:${event.status}`) });
    expect(outgoingOf(report).failure).toBeNull();
    expect(events).toEqual(['resolve', 'connect', 'greeting', 'tls', 'authenticate', 'sender'].flatMap((id) => [`${id}:running`, `${id}:passed`]));
    expect(outgoingStep(report, 'greeting').detail).toMatch(/extensions: .*STARTTLS/);
    expect(outgoingStep(report, 'tls').detail).toMatch(/· upgraded with STARTTLS$/);
    expect(outgoingStep(report, 'authenticate').detail).toMatch(/with PLAIN/);
  });

  it('with only outgoing, reports no incoming steps', async () => {
    const report = await check({ only: 'outgoing' });
    expect(report.ok).toBe(true);
    expect(report.steps).toEqual([]);
    expect(report.tls).toBeUndefined();
    expect(outgoingOf(report).failure).toBeNull();
  });

  it('a failing outgoing server fails the whole check and names itself in the top-level failure', async () => {
    const report = await check({ outgoingCredential: { kind: 'password', password: 'not the password' }, localAddress: nextLoopbackAddress() });
    expect(step(report, 'inbox').status).toBe('passed');
    expect(report.failure?.server).toBe('outgoing');
    expectOutgoingFailure(report, 'wrong-credentials', 'authenticate');
    expect(outgoingOf(report).failure?.serverText).toBe('535 5.7.8 Authentication failed.');
    expect(outgoingOf(report).failure?.advice).toMatch(/same password as incoming mail/);

  });

  it('reports the incoming failure first when both fail', async () => {
    const report = await check({ credential: { kind: 'password', password: 'not the password' }, localAddress: nextLoopbackAddress(), server: selfSigned, incomingFingerprint: ca.selfSigned.fingerprint256 });
    expect(report.failure?.server).toBe('incoming');
    expectFailure(report, 'wrong-credentials', 'authenticate');
    expectOutgoingFailure(report, 'certificate-untrusted', 'tls');
  });
});

describe('passwords and senders', () => {
  it.each(specialUsers.map((user) => [user.password, user] as const))('signs in with the password %j', async (_password, user) => {
    const report = await check({ user: user.user, only: 'outgoing' });
    expect(outgoingOf(report).failure).toBeNull();
  });

  it('reports a sender the server refuses as sender-rejected, with its words', async () => {
    const report = await check({ user: refusedSender.user, only: 'outgoing' });
    expectOutgoingFailure(report, 'sender-rejected', 'sender');
    expect(outgoingOf(report).failure?.serverText).toBe('553 5.0.0 Sender address rejected: not owned by user');
    expect(outgoingOf(report).failure?.message).toContain(refusedSender.user);
  });

  it('reports the 421 Dovecot sends after the sign-in while its relay is down as server-unavailable, in its own words', async () => {
    await dovecot.setRelayDown(true);
    try {
      const report = await check({ security: 'starttls' });
      expect(step(report, 'inbox').status).toBe('passed');
      expect(outgoingStep(report, 'authenticate').status).toBe('passed');
      expectOutgoingFailure(report, 'server-unavailable', 'sender');
      expect(outgoingOf(report).failure?.serverText).toMatch(/^421 4\.4\.0 .*Failed to connect to relay server/);
      expect(outgoingOf(report).failure?.advice).not.toMatch(/server name|port/i);
    } finally {
      await dovecot.setRelayDown(false);
    }
    expect((await check({ security: 'starttls' })).ok).toBe(true);
  });
});

describe('security modes', () => {
  it('does not send a password in the clear unless allowed, and then only where the server offers sign-in', async () => {
    const refused = await check({ security: 'none', only: 'outgoing' });
    expectOutgoingFailure(refused, 'encryption-required', 'authenticate');
    expect(outgoingStep(refused, 'tls')).toMatchObject({ status: 'skipped' });
    expect(outgoingStep(refused, 'authenticate').detail).toMatch(/offers STARTTLS/);

    // From 127.0.0.1 Dovecot counts the client as secured and offers PLAIN in the clear.
    const allowed = await check({ security: 'none', allowInsecure: true, only: 'outgoing' });
    expect(outgoingOf(allowed).failure).toBeNull();
    expect(outgoingOf(allowed).tls).toBeUndefined();

    // From elsewhere it offers no mechanism before TLS: nothing is sent even when allowed.
    const noMechanism = await check({ security: 'none', allowInsecure: true, only: 'outgoing', localAddress: '127.0.0.2' });
    expectOutgoingFailure(noMechanism, 'encryption-required', 'authenticate');
    expect(outgoingStep(noMechanism, 'authenticate').detail).toMatch(/only after STARTTLS/);
  });

  it('reports STARTTLS on a server without it as starttls-unavailable, before any password', async () => {
    const report = await check({ security: 'starttls', port: dovecot.plainSubmissionPort, only: 'outgoing' });
    expectOutgoingFailure(report, 'starttls-unavailable', 'tls');
    expect(outgoingStep(report, 'greeting').status).toBe('passed');
    expect(outgoingStep(report, 'tls').detail).toMatch(/did not offer STARTTLS; no password was sent/);
    expect(outgoingOf(report).failure?.advice).toMatch(/465/);
  });

  it('reports SSL/TLS on the STARTTLS port as a failed handshake at once, and STARTTLS on the TLS port as such in seconds', async () => {
    let started = performance.now();
    const handshake = await check({ security: 'tls', port: dovecot.submissionPort, only: 'outgoing', timeoutMs: 15_000 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expectOutgoingFailure(handshake, 'tls-handshake-failed', 'tls');
    expect(outgoingOf(handshake).failure?.advice).toMatch(/465 uses SSL\/TLS/);

    started = performance.now();
    const silent = await check({ security: 'starttls', port: dovecot.submissionsPort, only: 'outgoing', timeoutMs: 15_000 });
    expect(performance.now() - started).toBeLessThan(3_000);
    expectOutgoingFailure(silent, 'tls-handshake-failed', 'greeting');
    expect(outgoingOf(silent).failure?.message).toMatch(/^This port expects SSL\/TLS/);
    expect(outgoingStep(silent, 'greeting').detail).toMatch(/sent no SMTP greeting, and answered a TLS hello/);
  });
});

describe('certificates', () => {
  it('refuses a self-signed certificate over SSL/TLS and STARTTLS, and accepts it pinned for this host and port only', async () => {
    for (const security of ['tls', 'starttls'] as const) {
      const report = await check({ server: selfSigned, security, only: 'outgoing' });
      expectOutgoingFailure(report, 'certificate-untrusted', 'tls');
      expect(outgoingOf(report).failure?.certificate?.fingerprint256).toBe(ca.selfSigned.fingerprint256);
    }
    const pinned = await check({ server: selfSigned, trustedFingerprint: ca.selfSigned.fingerprint256, only: 'outgoing' });
    expect(outgoingOf(pinned).failure).toBeNull();
    expect(outgoingOf(pinned).tls?.pinned?.problem).toBe('certificate-untrusted');
    // A pin made for the incoming server does not vouch for the outgoing one.
    const incomingPin = await check({ server: selfSigned, incomingFingerprint: ca.selfSigned.fingerprint256 });
    expect(step(incomingPin, 'tls').status).toBe('passed');
    expectOutgoingFailure(incomingPin, 'certificate-untrusted', 'tls');
    expect(incomingPin.failure?.server).toBe('outgoing');
  });
});

describe('OAuth2', () => {
  it('signs in to the outgoing server with the same token (XOAUTH2), and refuses another user’s token', async () => {
    const token = await oauth.issueAccessToken(alice.user);
    const report = await check({ credential: { kind: 'oauth2', accessToken: token } });
    expect(report.ok).toBe(true);
    expect(outgoingStep(report, 'authenticate').detail).toMatch(/with XOAUTH2/);
    expect(JSON.stringify(report)).not.toContain(token.split('.').at(-1)?.slice(0, 16));

    const other = await oauth.issueAccessToken('someone-else@example.test');
    const refused = await check({ credential: { kind: 'oauth2', accessToken: other }, only: 'outgoing', localAddress: nextLoopbackAddress() });
    expectOutgoingFailure(refused, 'wrong-credentials', 'authenticate');
  });

  it('signs in with a token too long for one command line (Microsoft’s are), sending it after the server’s 334', async () => {
    // Microsoft 365 access tokens run to 2 KB and more; AUTH with such an initial response exceeds
    // SMTP's 512-octet line, and Dovecot answers "500 5.5.2 Line too long".
    const scope = Array.from({ length: 12 }, (_, index) => `https://outlook.office.com/Scope${index}.AccessAsUser.All`).join(' ');
    const token = await oauth.issueAccessToken(alice.user, { scope });
    expect(token.length).toBeGreaterThan(600);
    const report = await check({ credential: { kind: 'oauth2', accessToken: token }, transcript: true });
    expect(report.outgoing?.failure).toBeNull();
    expect(outgoingStep(report, 'authenticate').detail).toMatch(/with XOAUTH2/);
    const outgoingLines = (report.transcript ?? []).filter((line) => line.server === 'outgoing').map((line) => `${line.from} ${line.line}`);
    expect(outgoingLines).toEqual(expect.arrayContaining(['client AUTH XOAUTH2', 'client •••']));
    expect(JSON.stringify(report)).not.toContain(token.split('.').at(-1)?.slice(0, 16));
  });
});

describe('cancel', () => {
  it('stops both servers at once when the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const run = check({ security: 'starttls', port: dovecot.submissionsPort, timeoutMs: 10_000 }, {
      signal: controller.signal,
      onProgress: (event, server) => {
        if (server === 'outgoing' && event.id === 'greeting' && event.status === 'running') setTimeout(() => controller.abort(), 20);
      },
    });
    await expect(run).rejects.toBeInstanceOf(CheckCancelledError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
