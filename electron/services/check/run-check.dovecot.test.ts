// The check engine against a real Dovecot: passwords of every kind, provider texts, refusals, security modes, certificates, cancel.
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepIds, type CheckReport, type CheckStep } from '../../../shared/check-report.ts';
import type { FailureCategory } from '../../../shared/failure-category.ts';
import type { Security } from '../../../shared/server-settings.ts';
import { nextLoopbackAddress, startDovecot, type Dovecot, type DovecotUser } from '../../../e2e/fixtures/dovecot.ts';
import { getTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { CheckCancelledError } from './check-failure.ts';
import type { CheckInput } from './check-input.ts';
import { createCheckEngine, type RunOptions } from './run-check.ts';
import { expectFailure, expectWellFormed, step } from './report-expectations.ts';

const alice: DovecotUser = { user: 'alice@example.test', password: 'correct horse battery staple', messages: 2 };

// Passwords that break naive quoting: spaces, quotes, backslashes, braces (literal syntax), non-ASCII.
const specialPasswords: readonly [string, string][] = [
  ['spaces, leading and trailing', '  two  spaces inside  '],
  ['double quotes', 'say "hello" to "me"'],
  ['backslashes', 'C:\\Users\\ann\\ and \\" too'],
  ['braces that look like a literal', 'pass {12} {0} {5+}'],
  ['non-ASCII', 'pässwörd Ünïcødé 密码 🔑'],
  ['every ASCII symbol', `!#$%&'()*+,-./:;<=>?@[]^_\`{|}~ "\\`],
];

const specialUsers: DovecotUser[] = specialPasswords.map(([, password], index) => ({ user: `special${index}@example.test`, password }));

// Dovecot allows only letters, digits and ".-_@" in usernames by default; `auth_username_chars =`
// lifts that. Its passwd-file still never finds names with quotes or backslashes, so those are
// tested against the scripted peer (run-check.peers.test.ts).
const oddUsers: DovecotUser[] = [{ user: 'brace{1}+tag~ü-ß@example.test', password: 'odd user "quoted"' }];

// Exact lines Gmail sends, reproduced by a dict passdb (the `providerText` of the fixture).
const gmailTexts: readonly [string, string, FailureCategory][] = [
  ['gmail-app@example.test', '[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)', 'app-password-required'],
  ['gmail-browser@example.test', '[ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)', 'account-blocked'],
  ['gmail-imapoff@example.test', '[ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access. (Failure)', 'account-blocked'],
  ['gmail-wrong@example.test', '[AUTHENTICATIONFAILED] Invalid credentials (Failure)', 'wrong-credentials'],
  ['gmail-busy@example.test', '[ALERT] Too many simultaneous connections. (Failure)', 'server-unavailable'],
];

const refusedUsers: readonly [DovecotUser, FailureCategory, RegExp][] = [
  [{ user: 'nologin@example.test', password: 'right-password', extraFields: ['nologin'] }, 'account-blocked', /^NO \[CONTACTADMIN\]/],
  [{ user: 'expired@example.test', password: 'right-password', refusal: { code: 'pass_expired' } }, 'password-expired', /^NO \[EXPIRED\]/],
  [{ user: 'tempfail@example.test', password: 'right-password', refusal: { code: 'temp_fail' } }, 'server-unavailable', /^NO \[UNAVAILABLE\]/],
  [{ user: 'authz@example.test', password: 'right-password', refusal: { code: 'authz_fail' } }, 'account-blocked', /^NO \[AUTHORIZATIONFAILED\]/],
];

const lockedInbox: DovecotUser = { user: 'locked-inbox@example.test', password: 'right-password' };

let ca: TestCa;
let dovecot: Dovecot;
const extraServers: Dovecot[] = [];

beforeAll(async () => {
  ca = await getTestCa();
  dovecot = await startDovecot({
    users: [
      alice,
      ...specialUsers,
      ...oddUsers,
      ...gmailTexts.map(([user, providerText]) => ({ user, password: 'whatever-is-typed', providerText })),
      ...refusedUsers.map(([user]) => user),
      lockedInbox,
    ],
    extraConfig: 'auth_username_chars =\n',
  });
  // The mail process cannot read this INBOX, so signing in works and opening it does not.
  await chmod(join(dovecot.home(lockedInbox.user), 'Maildir', 'cur'), 0o000);
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), ...extraServers.map((server) => server.stop())]);
});

interface CheckOptions {
  user?: string;
  password?: string;
  security?: Security;
  port?: number;
  host?: string;
  localAddress?: string;
  allowInsecure?: boolean;
  timeoutMs?: number;
  trustedFingerprint?: string;
  provider?: CheckInput['provider'];
  transcript?: boolean;
}

function portFor(server: Dovecot, security: Security): number {
  return security === 'tls' ? server.tlsPort : server.starttlsPort;
}

async function check(options: CheckOptions = {}, runOptions: RunOptions = {}, server: Dovecot = dovecot): Promise<CheckReport> {
  const security = options.security ?? 'tls';
  const user = options.user ?? alice.user;
  const engine = createCheckEngine({
    resolveHost: async () => ['127.0.0.1'],
    caCertificates: () => [ca.caPem],
    localAddress: options.localAddress,
    now: () => performance.now(),
  });
  const report = await engine.run(
    {
      settings: { email: 'alice@example.test', host: options.host ?? 'localhost', port: options.port ?? portFor(server, security), security, username: user },
      credential: { kind: 'password', password: options.password ?? alice.password },
      allowInsecure: options.allowInsecure ?? false,
      trustedFingerprint: options.trustedFingerprint,
      timeoutMs: options.timeoutMs ?? 5_000,
      provider: options.provider,
      transcript: options.transcript,
    },
    runOptions,
  );
  expectWellFormed(report);
  return report;
}


describe('a correct sign-in', () => {
  it('passes every step over SSL/TLS, each with its time and a readable detail, progress streaming in order', async () => {
    const events: CheckStep[] = [];
    const report = await check({}, { onProgress: (event) => events.push(event) });
    expect(report.ok).toBe(true);
    expect(report.failure).toBeNull();
    expect(report.steps.map((entry) => entry.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed']);
    expect(report.steps.every((entry) => Number.isInteger(entry.ms) && entry.ms >= 0)).toBe(true);
    expect(step(report, 'resolve').detail).toBe('127.0.0.1');
    expect(step(report, 'connect').detail).toContain('127.0.0.1');
    const tls = step(report, 'tls').detail;
    for (const part of [/TLSv1\.[23]/, /certificate for localhost/, /issued by Mail Setup Test CA/, /valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/, ca.trusted.fingerprint256]) {
      expect(tls).toMatch(part);
    }
    expect(step(report, 'greeting').detail).toMatch(/Dovecot .*ready.* · capabilities: .*IMAP4rev1.* · sign-in methods: PLAIN, LOGIN/);
    expect(step(report, 'authenticate').detail).toBe('Signed in as alice@example.test with PLAIN (offered: PLAIN, LOGIN)');
    expect(step(report, 'inbox').detail).toBe('INBOX opened: 2 messages');
    expect(report.tls).toMatchObject({ protocol: expect.stringMatching(/^TLSv1\.[23]$/), certificate: { subject: 'localhost', fingerprint256: ca.trusted.fingerprint256 } });
    // Each step announces itself running, then its outcome, in contract order.
    expect(events.map((event) => `${event.id}:${event.status}`)).toEqual(stepIds.flatMap((id) => [`${id}:running`, `${id}:passed`]));
    expect(events.filter((event) => event.status === 'passed')).toEqual(report.steps);
  });

  it('keeps the IMAP transcript on request, both directions in time order, with every form of the password masked', async () => {
    for (const [password, user] of [[alice.password, alice.user], [specialUsers[1]?.password ?? '', specialUsers[1]?.user ?? '']] as const) {
      const report = await check({ transcript: true, user, password });
      expect(report.ok).toBe(true);
      const lines = report.transcript ?? [];
      expect(lines.length).toBeGreaterThan(4);
      expect(lines.every((line) => line.server === 'incoming')).toBe(true);
      expect(lines[0]).toMatchObject({ from: 'server', line: expect.stringMatching(/^\* OK .*Dovecot.*ready/) });
      expect(lines.some((line) => line.from === 'client')).toBe(true);
      expect(lines.map((line) => line.ms)).toEqual(lines.map((line) => line.ms).sort((a, b) => a - b));
      // The sign-in went out as AUTHENTICATE PLAIN with its initial response on the line: only the mechanism shows.
      expect(lines.map((line) => line.line)).toContainEqual(expect.stringMatching(/^\S+ AUTHENTICATE PLAIN •••$/));
      const shown = JSON.stringify(report);
      const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
      for (const form of [password, JSON.stringify(password).slice(1, -1), base64(password), base64(`\0${user}\0${password}`), base64(`${user}\0${user}\0${password}`)]) {
        expect(shown).not.toContain(form);
      }
    }
  });

  it('passes with STARTTLS: the greeting, then TLS with its certificate, then the password', async () => {
    const events: string[] = [];
    // From an address other than Dovecot's own, the plaintext greeting says LOGINDISABLED.
    const report = await check({ security: 'starttls', localAddress: nextLoopbackAddress() }, { onProgress: (event) => events.push(`${event.id}:${event.status}`) });
    expect(report.ok).toBe(true);
    expect(events).toEqual(['resolve', 'connect', 'greeting', 'tls', 'authenticate', 'inbox'].flatMap((id) => [`${id}:running`, `${id}:passed`]));
    expect(step(report, 'greeting').detail).toMatch(/STARTTLS LOGINDISABLED .*sign-in methods: none on this connection/);
    expect(step(report, 'tls').detail).toMatch(/TLSv1\.[23], .* · certificate for localhost, issued by Mail Setup Test CA.* · SHA-256 .* · upgraded with STARTTLS$/);
    expect(step(report, 'authenticate').detail).toMatch(/with PLAIN/);
    expect(report.tls?.certificate.fingerprint256).toBe(ca.trusted.fingerprint256);
  });

  it('works for the host name the certificate carries and for its IP address', async () => {
    expect((await check({ host: 'imap.example.test' })).ok).toBe(true);
    expect((await check({ host: '127.0.0.1' })).ok).toBe(true);
  });

  it.each(specialPasswords)('accepts a password with %s', async (_kind, password) => {
    const index = specialPasswords.findIndex(([, candidate]) => candidate === password);
    const report = await check({ user: `special${index}@example.test`, password });
    expect(report.failure).toBeNull();
    expect(report.ok).toBe(true);
  });

  it.each(oddUsers.map((user) => [user.user, user] as const))('accepts the username %s', async (_name, user) => {
    for (const security of ['tls', 'starttls'] as const) {
      const report = await check({ user: user.user, password: user.password, security });
      expect(report.failure).toBeNull();
    }
  });
});

describe('refused sign-ins', () => {
  it('reports a wrong password as wrong-credentials, with the server’s words and the Caps Lock advice', async () => {
    const report = await check({ password: 'not the password', localAddress: nextLoopbackAddress() });
    expectFailure(report, 'wrong-credentials', 'authenticate');
    expect(report.failure?.serverText).toBe('NO [AUTHENTICATIONFAILED] Authentication failed.');
    expect(report.failure?.advice).toMatch(/case-sensitive/);
    expect(report.failure?.advice).toMatch(/Caps Lock/);
    expect(step(report, 'greeting').status).toBe('passed');
  });

  it('refuses the right password with its case flipped', async () => {
    const flipped = [...alice.password].map((char) => (char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase())).join('');
    const report = await check({ password: flipped, localAddress: nextLoopbackAddress() });
    expectFailure(report, 'wrong-credentials', 'authenticate');
  });

  it('adds the provider’s app-password advice and page to a wrong password', async () => {
    const provider = { name: 'Yahoo Mail', helpUrl: 'https://help.yahoo.com/kb/SLN15241.html', auth: 'app-password' as const };
    const report = await check({ password: 'my usual password', localAddress: nextLoopbackAddress(), provider });
    expectFailure(report, 'wrong-credentials', 'authenticate');
    expect(report.failure?.advice).toMatch(/Yahoo Mail requires an app-specific password/);
    expect(report.failure?.helpUrl).toBe(provider.helpUrl);
  });

  it.each(gmailTexts)('recognises Gmail’s exact line for %s', async (user, text, category) => {
    const report = await check({ user, password: 'whatever-is-typed', localAddress: nextLoopbackAddress() });
    expectFailure(report, category, 'authenticate');
    expect(report.failure?.serverText).toBe(`NO ${text}`);
    if (category === 'app-password-required') {
      expect(report.failure?.helpUrl).toBe('https://support.google.com/accounts/answer/185833');
      expect(report.failure?.advice).toMatch(/create an app password/i);
    }
  });

  it.each(refusedUsers.map(([user, category, text]) => [user.user, category, text, user] as const))('reports %s as %s', async (_name, category, text, user) => {
    const report = await check({ user: user.user, password: user.password, localAddress: nextLoopbackAddress() });
    expectFailure(report, category, 'authenticate');
    expect(report.failure?.serverText).toMatch(text);
  });
});

describe('the mailbox', () => {
  it('reports an INBOX that will not open as mailbox-unavailable, with the server’s words', async () => {
    const report = await check({ user: lockedInbox.user, password: lockedInbox.password });
    expectFailure(report, 'mailbox-unavailable', 'inbox');
    expect(step(report, 'authenticate').status).toBe('passed');
    expect(report.failure?.serverText).toMatch(/^NO \[SERVERBUG\]/);
  });
});

describe('security modes', () => {
  it('does not send a password over plaintext unless allowed, even where the server would take it', async () => {
    // From 127.0.0.1 Dovecot counts the connection as secure and offers PLAIN in the clear.
    const refused = await check({ security: 'none' });
    expectFailure(refused, 'encryption-required', 'authenticate');
    expect(step(refused, 'tls')).toMatchObject({ status: 'skipped', detail: 'No encryption chosen for this account.' });
    expect(step(refused, 'greeting').detail).toMatch(/sign-in methods: PLAIN, LOGIN/);
    expect(refused.tls).toBeUndefined();

    const allowed = await check({ security: 'none', allowInsecure: true });
    expect(allowed.ok).toBe(true);
    expect(allowed.tls).toBeUndefined();
  });

  it('reports LOGINDISABLED from a non-local source as encryption-required', async () => {
    for (const allowInsecure of [false, true]) {
      const report = await check({ security: 'none', localAddress: '127.0.0.2', allowInsecure });
      expectFailure(report, 'encryption-required', 'authenticate');
      expect(step(report, 'greeting').detail).toMatch(/LOGINDISABLED/);
    }
  });

  it('reports SSL/TLS on the plaintext port as a failed TLS handshake, at once', async () => {
    const started = performance.now();
    const report = await check({ security: 'tls', port: dovecot.starttlsPort, timeoutMs: 15_000 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expectFailure(report, 'tls-handshake-failed', 'tls');
    expect(step(report, 'tls').detail).toMatch(/expects STARTTLS or no encryption/);
  });

  it('names STARTTLS or no encryption on the SSL/TLS port in seconds, not at the end of the time limit', async () => {
    for (const security of ['starttls', 'none'] as const) {
      const started = performance.now();
      const report = await check({ security, port: dovecot.tlsPort, timeoutMs: 15_000 });
      expect(performance.now() - started).toBeLessThan(3_000);
      expectFailure(report, 'tls-handshake-failed', 'greeting');
      expect(report.failure?.message).toMatch(/^This port expects SSL\/TLS/);
      expect(report.failure?.advice).toMatch(/Choose SSL\/TLS for port \d+/);
      expect(step(report, 'greeting').detail).toMatch(/answered a TLS hello on a second connection/);
    }
  });

  it('with a time limit shorter than the usual wait, asks the port at half of it', async () => {
    const started = performance.now();
    const report = await check({ security: 'starttls', port: dovecot.tlsPort, timeoutMs: 2_000 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expectFailure(report, 'tls-handshake-failed', 'greeting');
  });
});

describe('certificates made for the run', () => {
  let expired: Dovecot;
  let wrongHost: Dovecot;
  let selfSigned: Dovecot;

  beforeAll(async () => {
    [expired, wrongHost, selfSigned] = await Promise.all([
      startDovecot({ certificate: ca.expired }),
      startDovecot({ certificate: ca.wrongHost }),
      startDovecot({ certificate: ca.selfSigned }),
    ]);
    extraServers.push(expired, wrongHost, selfSigned);
  });

  it.each([
    ['expired', 'certificate-expired'],
    ['wrongHost', 'certificate-hostname-mismatch'],
    ['selfSigned', 'certificate-untrusted'],
  ] as const)('refuses the %s certificate over SSL/TLS and STARTTLS, showing it for a decision', async (which, category) => {
    const server = { expired, wrongHost, selfSigned }[which];
    for (const security of ['tls', 'starttls'] as const) {
      const report = await check({ security }, {}, server);
      expectFailure(report, category, 'tls');
      expect(report.failure?.certificate?.fingerprint256).toBe(ca[which].fingerprint256);
      expect(step(report, 'authenticate').status).toBe('skipped');
    }
  });

  it('accepts exactly the certificate the user pinned, and calls another one changed', async () => {
    const pinned = await check({ trustedFingerprint: ca.selfSigned.fingerprint256 }, {}, selfSigned);
    expect(pinned.ok).toBe(true);
    expect(pinned.tls?.pinned).toEqual({ fingerprint256: ca.selfSigned.fingerprint256, problem: 'certificate-untrusted' });
    expect(step(pinned, 'tls').detail).toMatch(/trusted by your decision despite: certificate-untrusted/);

    const changed = await check({ trustedFingerprint: ca.selfSigned.fingerprint256, security: 'starttls' }, {}, expired);
    expectFailure(changed, 'certificate-changed', 'tls');
    expect(changed.failure?.pinnedFingerprint256).toBe(ca.selfSigned.fingerprint256);
    expect(changed.failure?.certificate?.fingerprint256).toBe(ca.expired.fingerprint256);
  });
});

describe('cancel', () => {
  it('stops a running check at once when the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const run = check({ security: 'starttls', port: dovecot.tlsPort, timeoutMs: 10_000 }, {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.id === 'greeting' && event.status === 'running') setTimeout(() => controller.abort(), 20);
      },
    });
    await expect(run).rejects.toBeInstanceOf(CheckCancelledError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses to start with a signal that already aborted', async () => {
    await expect(check({}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CheckCancelledError);
  });
});
