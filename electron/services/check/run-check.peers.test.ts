// The check engine against scripted IMAP peers on real sockets: what Dovecot cannot do, and proof that no credential leaks.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { stepIds, type CheckReport, type CheckStep } from '../../../shared/check-report.ts';
import type { Security } from '../../../shared/server-settings.ts';
import {
  bannerScript,
  byeGreetingScript,
  dropAfterAuthenticateScript,
  httpScript,
  imapScript,
  microsoftAuthenticateFailedScript,
  microsoftBasicAuthBlockedScript,
  oauthOnlyScript,
  ordinaryCapabilities,
  silentScript,
  smtpBannerScript,
  stallAtSignInScript,
  startScriptedPeer,
  starttlsStrippedScript,
  type PeerScript,
  type ScriptedPeer,
  type ScriptedPeerOptions,
} from '../../../e2e/fixtures/scripted-imap-peer.ts';
import { getFreePort } from '../../../e2e/fixtures/free-port.ts';
import { ServiceError } from '../service-error.ts';
import { CheckCancelledError } from './check-failure.ts';
import { createCheckRunner, defaultStepTimeoutMs } from './check-runner.ts';
import type { CheckInput } from './check-input.ts';
import { createCheckEngine, type RunOptions } from './run-check.ts';
import { expectFailure, expectWellFormed, step } from './report-expectations.ts';
import { usePeerLab } from './test-support/peer-lab.ts';

const password = 'Hunter2 "quoted" \\ {5}';
const username = 'ann@example.test';
// What the password looks like inside AUTHENTICATE PLAIN: the form a leak would most likely take.
const plainBase64 = Buffer.from(`\0${username}\0${password}`).toString('base64');
const microsoft = { name: 'Microsoft Outlook', helpUrl: null, auth: 'oauth2' as const };

const lab = usePeerLab();

async function peer(script: PeerScript, options: Omit<ScriptedPeerOptions, 'script'> = {}): Promise<ScriptedPeer> {
  const started = await startScriptedPeer({ script, ...options });
  lab.stopAfterTest(() => started.stop());
  return started;
}

interface CheckOptions {
  security?: Security;
  allowInsecure?: boolean;
  timeoutMs?: number;
  user?: string;
  password?: string;
  provider?: CheckInput['provider'];
  trustedFingerprint?: string;
}

async function check(port: number, options: CheckOptions = {}, runOptions: RunOptions = {}): Promise<CheckReport> {
  const engine = lab.loopbackEngine();
  const report = await engine.run(
    {
      settings: { email: username, host: 'localhost', port, security: options.security ?? 'tls', username: options.user ?? username },
      credential: { kind: 'password', password: options.password ?? password },
      allowInsecure: options.allowInsecure ?? false,
      trustedFingerprint: options.trustedFingerprint,
      timeoutMs: options.timeoutMs ?? 2_000,
      provider: options.provider,
    },
    runOptions,
  );
  expectWellFormed(report);
  // Whatever happened, the secret is nowhere in what the check reports.
  const text = JSON.stringify(report);
  for (const form of [options.password ?? password, plainBase64]) expect(text).not.toContain(JSON.stringify(form).slice(1, -1));
  return report;
}


describe('peers that never get a credential', () => {
  it('a silent peer ends in a timeout at the greeting, quickly, with a hint', async () => {
    const silent = await peer(silentScript());
    const started = performance.now();
    const report = await check(silent.port, { security: 'starttls', timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(1_500);
    expectFailure(report, 'timeout', 'greeting');
    expect(step(report, 'greeting').detail).toMatch(/No answer within 0\.3 s: the server sent no IMAP greeting/);
    expect(silent.credentialReceived).toBe(false);
    await silent.waitForClosed();
  });

  it('a peer that accepts TCP but never finishes TLS ends in a timeout at the TLS step', async () => {
    const silent = await peer(silentScript());
    const report = await check(silent.port, { security: 'tls', timeoutMs: 300 });
    expectFailure(report, 'timeout', 'tls');
    expect(step(report, 'tls').detail).toBe('No answer within 0.3 s.');
  });

  it('a BYE greeting keeps the server’s own words', async () => {
    const bye = await peer(byeGreetingScript('Too many connections from your IP address, try again later'));
    const report = await check(bye.port, { security: 'starttls' });
    expectFailure(report, 'server-unavailable', 'greeting');
    expect(report.failure?.serverText).toBe('Too many connections from your IP address, try again later');
    expect(bye.credentialReceived).toBe(false);
  });

  it('STARTTLS stripped from the capabilities: starttls-unavailable at the TLS step, nothing sent', async () => {
    const stripped = await peer(starttlsStrippedScript());
    const report = await check(stripped.port, { security: 'starttls' });
    expectFailure(report, 'starttls-unavailable', 'tls');
    expect(step(report, 'greeting').status).toBe('passed');
    expect(step(report, 'tls').detail).toBe('The server did not offer STARTTLS; no password was sent.');
    expect(report.failure?.message).toMatch(/password was not sent/);
    expect(stripped.credentialReceived).toBe(false);
    expect(stripped.received.some((line) => / (LOGIN|AUTHENTICATE) /i.test(line))).toBe(false);
  });

  it('a STARTTLS the server refuses is starttls-unavailable too', async () => {
    const refusing = await peer(imapScript({ capabilities: [...ordinaryCapabilities, 'STARTTLS'], signIn: { kind: 'stall' } }));
    // Without a certificate the peer cannot start TLS and answers STARTTLS with NO.
    const report = await check(refusing.port, { security: 'starttls' });
    expectFailure(report, 'starttls-unavailable', 'tls');
    expect(step(report, 'tls').detail).toBe('The server refused STARTTLS; no password was sent.');
    expect(refusing.credentialReceived).toBe(false);
  });

  it('no encryption chosen: encryption-required before anything is sent, unless explicitly allowed', async () => {
    const plain = await peer(starttlsStrippedScript());
    const report = await check(plain.port, { security: 'none' });
    expectFailure(report, 'encryption-required', 'authenticate');
    expect(report.failure?.message).toMatch(/not sent/);
    expect(plain.credentialReceived).toBe(false);

    // --allow-insecure: the user's explicit choice, and the only way a password crosses plaintext.
    const allowed = await check(plain.port, { security: 'none', allowInsecure: true });
    expectFailure(allowed, 'wrong-credentials', 'authenticate');
    // The server offers SASL-IR, so the credential rides on the AUTHENTICATE line itself.
    expect(plain.credentials.map(({ kind, secure }) => ({ kind, secure }))).toEqual([
      { kind: 'AUTHENTICATE', secure: false },
    ]);
  });

  it('a self-signed certificate after STARTTLS stops the check before the password', async () => {
    const selfSigned = await peer(imapScript({ capabilities: [...ordinaryCapabilities, 'STARTTLS'], signIn: { kind: 'accept', user: username, password } }), {
      starttlsCertificate: lab.ca.selfSigned,
    });
    const report = await check(selfSigned.port, { security: 'starttls' });
    expectFailure(report, 'certificate-untrusted', 'tls');
    expect(report.failure?.certificate?.fingerprint256).toBe(lab.ca.selfSigned.fingerprint256);
    expect(selfSigned.credentialReceived).toBe(false);
  });

  it('OAuth-only capabilities with LOGINDISABLED: oauth-required, nothing sent', async () => {
    const oauth = await peer(oauthOnlyScript(), { tls: lab.ca.trusted });
    const report = await check(oauth.port, { security: 'tls' });
    expectFailure(report, 'oauth-required', 'authenticate');
    expect(step(report, 'greeting').detail).toMatch(/sign-in methods: XOAUTH2, OAUTHBEARER/);
    expect(report.failure?.advice).toMatch(/OAuth2/);
    expect(oauth.credentialReceived).toBe(false);
  });

  it('an HTTP server stays silent like a real one: a timeout that names a web server', async () => {
    const web = await peer(httpScript());
    const report = await check(web.port, { security: 'none', timeoutMs: 300 });
    expectFailure(report, 'timeout', 'greeting');
    expect(step(report, 'greeting').detail).toMatch(/web server/);
    expect(web.credentialReceived).toBe(false);
    // Only the TLS hello that asked, on a second connection, whether the port expects SSL/TLS.
    expect(web.received.map((chunk) => chunk.charCodeAt(0))).toEqual([0x16]);
  });

  it('an HTTP server that speaks first is not-imap, with its words', async () => {
    const web = await peer(httpScript({ idleAnswerMs: 20 }));
    const report = await check(web.port, { security: 'starttls' });
    expectFailure(report, 'not-imap', 'greeting');
    expect(report.failure?.serverText).toBe('HTTP/1.1 408 Request Timeout');
    expect(web.credentialReceived).toBe(false);
  });

  it('SSL/TLS against an HTTP port fails the TLS handshake', async () => {
    const web = await peer(httpScript());
    const report = await check(web.port, { security: 'tls' });
    expectFailure(report, 'tls-handshake-failed', 'tls');
  });

  it('an SMTP or POP3 banner is not-imap', async () => {
    for (const script of [smtpBannerScript(), bannerScript('+OK Dovecot (Debian) ready.', '-ERR Unknown command.')]) {
      const other = await peer(script);
      const report = await check(other.port, { security: 'starttls' });
      expectFailure(report, 'not-imap', 'greeting');
      expect(report.failure?.serverText).toMatch(/^(220 mx\.example\.test ESMTP|\+OK Dovecot)/);
      expect(other.credentialReceived).toBe(false);
    }
  });

  it('nothing listening is connection-refused', async () => {
    const report = await check(await getFreePort(), { security: 'tls' });
    expectFailure(report, 'connection-refused', 'connect');
    expect(step(report, 'tls').status).toBe('skipped');
  });

  it('a peer that hangs up before greeting, or right after it, is connection-lost', async () => {
    const hangUp = await peer({ onConnect: (connection) => connection.drop() });
    expectFailure(await check(hangUp.port, { security: 'starttls' }), 'connection-lost', 'greeting');
    const greetThenHangUp = await peer({
      onConnect: (connection) => connection.send('* OK [CAPABILITY IMAP4rev1 ID AUTH=PLAIN] ready'),
      onCommand: (_command, connection) => connection.drop(),
    });
    // The greeting carries the capabilities, so the first command is the sign-in.
    const report = await check(greetThenHangUp.port, { security: 'none', allowInsecure: true });
    expectFailure(report, 'connection-lost', 'authenticate');
  });

  it('a PREAUTH greeting signs in without a credential, but cannot be trusted for STARTTLS', async () => {
    const preauth = imapScript({ capabilities: ordinaryCapabilities, greeting: 'ignored', signIn: { kind: 'stall' } });
    const script: PeerScript = { ...preauth, onConnect: (connection) => connection.send('* PREAUTH [CAPABILITY IMAP4rev1 ID] Logged in as ann') };
    const overTls = await peer(script, { tls: lab.ca.trusted });
    const report = await check(overTls.port);
    expect(report.ok).toBe(true);
    expect(step(report, 'authenticate').detail).toMatch(/PREAUTH greeting\); no credential was sent/);
    expect(overTls.credentialReceived).toBe(false);

    const plain = await peer(script);
    const downgraded = await check(plain.port, { security: 'starttls' });
    expectFailure(downgraded, 'starttls-unavailable', 'tls');
    expect(step(downgraded, 'tls').detail).toMatch(/PREAUTH/);
  });

  it('a name that does not resolve is dns-not-found', async () => {
    const engine = createCheckEngine({
      resolveHost: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND imap.nowhere.invalid'), { code: 'ENOTFOUND' });
      },
      caCertificates: () => [lab.ca.caPem],
      now: () => performance.now(),
    });
    const report = await engine.run({
      settings: { email: username, host: 'imap.nowhere.invalid', port: 993, security: 'tls', username },
      credential: { kind: 'password', password },
      allowInsecure: false,
      timeoutMs: 1_000,
    });
    expectFailure(report, 'dns-not-found', 'resolve');
    expect(report.failure?.message).toContain('imap.nowhere.invalid');
  });
});

describe('peers that get the credential over TLS', () => {
  it('a drop right after AUTHENTICATE is connection-lost', async () => {
    const dropping = await peer(dropAfterAuthenticateScript(), { tls: lab.ca.trusted });
    const report = await check(dropping.port);
    expectFailure(report, 'connection-lost', 'authenticate');
    // AUTHENTICATE PLAIN with the secret as its initial response (SASL-IR), over TLS.
    expect(dropping.credentials.map(({ kind, secure }) => ({ kind, secure }))).toEqual([
      { kind: 'AUTHENTICATE', secure: true },
    ]);
  });

  it('a stall at sign-in ends in a timeout at the authenticate step', async () => {
    const stalling = await peer(stallAtSignInScript(), { tls: lab.ca.trusted });
    const started = performance.now();
    const report = await check(stalling.port, { timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(1_500);
    expectFailure(report, 'timeout', 'authenticate');
  });

  it('Microsoft’s NO AUTHENTICATE failed. is wrong-credentials, with the OAuth2 hint for Microsoft', async () => {
    const exchange = await peer(microsoftAuthenticateFailedScript(), { tls: lab.ca.trusted });
    const report = await check(exchange.port, { provider: microsoft });
    expectFailure(report, 'wrong-credentials', 'authenticate');
    expect(report.failure?.serverText).toBe('NO AUTHENTICATE failed.');
    expect(report.failure?.advice).toMatch(/Caps Lock/);
    expect(report.failure?.advice).toMatch(/Microsoft Outlook may accept only an app password or signing in with your browser/);
    expect(step(report, 'greeting').detail).toMatch(/^The Microsoft Exchange IMAP4 service is ready/);
  });

  it('Microsoft’s Basic authentication is disabled. is oauth-required, even with the BYE after it', async () => {
    const exchange = await peer(microsoftBasicAuthBlockedScript(), { tls: lab.ca.trusted });
    const report = await check(exchange.port, { provider: microsoft });
    expectFailure(report, 'oauth-required', 'authenticate');
    expect(report.failure?.serverText).toBe('NO Basic authentication is disabled.');
  });

  it('signs in with LOGIN when no SASL mechanism is offered, quoting any character correctly', async () => {
    // A non-ASCII username goes in LOGIN only where UTF8=ACCEPT is announced: international-address.peers.test.ts.
    const users = ['ann@example.test', 'DOMAIN\\ann "the" {user}', 'o\'brien+tag~x@example.test'];
    const passwords = [password, 'pässwörd 🔑 {3+} "\\', ' lead and trail '];
    for (const [index, user] of users.entries()) {
      const secret = passwords[index] ?? password;
      const server = await peer(imapScript({ capabilities: ['IMAP4rev1', 'LITERAL+', 'ID'], signIn: { kind: 'accept', user, password: secret } }), { tls: lab.ca.trusted });
      const report = await check(server.port, { user, password: secret });
      expect(report.failure).toBeNull();
      expect(step(report, 'authenticate').detail).toBe(`Signed in as ${user} with LOGIN (offered: LOGIN command only)`);
      expect(step(report, 'inbox').detail).toBe('INBOX opened: 3 messages');
    }
  });

  it('signs in with AUTHENTICATE PLAIN for any characters', async () => {
    // (A backslash in the username would make imapflow use LOGIN, tested above.)
    const user = 'o"brien{x}+ü@example.test';
    const server = await peer(imapScript({ capabilities: ['IMAP4rev1', 'SASL-IR', 'AUTH=PLAIN'], signIn: { kind: 'accept', user, password } }), { tls: lab.ca.trusted });
    const report = await check(server.port, { user });
    expect(report.failure).toBeNull();
    expect(step(report, 'authenticate').detail).toBe(`Signed in as ${user} with PLAIN (offered: PLAIN)`);
    // SASL-IR offered: one line, no wait for the server's `+` continuation.
    expect(server.credentials.map((entry) => entry.kind)).toEqual(['AUTHENTICATE']);

    // Without SASL-IR the initial response may not ride on the command line (RFC 4959).
    const noInitialResponse = await peer(imapScript({ capabilities: ['IMAP4rev1', 'AUTH=PLAIN'], signIn: { kind: 'accept', user, password } }), { tls: lab.ca.trusted });
    expect((await check(noInitialResponse.port, { user })).failure).toBeNull();
    expect(noInitialResponse.credentials.map((entry) => entry.kind)).toEqual(['AUTHENTICATE', 'SASL-RESPONSE']);
  });

  it('hides the password even when the server repeats it back', async () => {
    const echo = await peer(imapScript({ capabilities: ['IMAP4rev1', 'SASL-IR', 'AUTH=PLAIN'], signIn: { kind: 'refuse', response: `NO [AUTHENTICATIONFAILED] Bad password ${password} (${plainBase64})` } }), {
      tls: lab.ca.trusted,
    });
    const report = await check(echo.port);
    expectFailure(report, 'wrong-credentials', 'authenticate');
    expect(report.failure?.serverText).toBe('NO [AUTHENTICATIONFAILED] Bad password [hidden] ([hidden])');
  });
});

describe('progress, cancel and bad input', () => {
  it('streams each step as it happens, in order, and the report matches the last events', async () => {
    const server = await peer(imapScript({ capabilities: ordinaryCapabilities, signIn: { kind: 'accept', user: username, password } }), { tls: lab.ca.trusted });
    const events: CheckStep[] = [];
    const report = await check(server.port, {}, { onProgress: (event) => events.push(event) });
    expect(report.ok).toBe(true);
    expect(events.map((event) => `${event.id}:${event.status}`)).toEqual(stepIds.flatMap((id) => [`${id}:running`, `${id}:passed`]));
    expect(events.filter((event) => event.status !== 'running')).toEqual(report.steps);
    expect(step(report, 'greeting').detail).toBe(
      'Scripted IMAP ready. · capabilities: IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE · sign-in methods: PLAIN, LOGIN',
    );
  });

  it('cancels while waiting for a greeting, closing the connection', async () => {
    const silent = await peer(silentScript());
    const controller = new AbortController();
    const running = check(silent.port, { security: 'starttls', timeoutMs: 10_000 }, {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.id === 'greeting' && event.status === 'running') setTimeout(() => controller.abort(), 10);
      },
    });
    await expect(running).rejects.toBeInstanceOf(CheckCancelledError);
    await silent.waitForClosed(1);
    expect(silent.closedConnections).toBe(1);
  });

  it('cancels during the sign-in, closing the connection', async () => {
    const stalling = await peer(stallAtSignInScript(), { tls: lab.ca.trusted });
    const controller = new AbortController();
    const running = check(stalling.port, { timeoutMs: 10_000 }, {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.id === 'authenticate' && event.status === 'running') setTimeout(() => controller.abort(), 10);
      },
    });
    await expect(running).rejects.toBeInstanceOf(CheckCancelledError);
    await stalling.waitForClosed(1);
  });

  it.each([
    ['a CR in the password', { password: 'opensesame\rxyzzy' }, /password must not contain line breaks/],
    ['an LF in the password', { password: 'opensesame\nA1 LOGOUT' }, /password must not contain line breaks/],
    ['a NUL in the password', { password: 'opensesame\0xyzzy' }, /password must not contain line breaks/],
    ['an LF in the username', { user: 'ann\r\nA1 LOGOUT' }, /username must not contain line breaks/],
  ] as const)('refuses %s before connecting, without repeating it', async (_what, options, message) => {
    const server = await peer(imapScript({ capabilities: ordinaryCapabilities, signIn: { kind: 'stall' } }), { tls: lab.ca.trusted });
    const attempt = check(server.port, options);
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringMatching(message) });
    await attempt.catch((error: Error) => expect(error.message).not.toMatch(/opensesame|xyzzy|LOGOUT/));
    expect(server.connections).toBe(0);
  });
});

describe('the check runner', () => {
  it('cancels a running check by its id, and knows no other', async () => {
    const silent = await peer(silentScript());
    const engine = lab.loopbackEngine();
    const runner = createCheckRunner(engine);
    const events: CheckStep[] = [];
    const running = runner.run(
      'check-1',
      { settings: { email: username, host: 'localhost', port: silent.port, security: 'starttls', username }, credential: { kind: 'password', password }, allowInsecure: false, timeoutMs: defaultStepTimeoutMs },
      (event) => {
        events.push(event);
        if (event.id === 'greeting' && event.status === 'running') setTimeout(() => runner.cancel('check-1'), 10);
      },
    );
    await expect(running).rejects.toBeInstanceOf(CheckCancelledError);
    expect(runner.cancel('check-1')).toBe(false);
    expect(events.at(-1)).toMatchObject({ id: 'greeting', status: 'running' });
    await silent.waitForClosed(1);
  });

  it('gives every step 15 seconds by default', () => {
    expect(defaultStepTimeoutMs).toBe(15_000);
  });
});

describe('the scripted peer itself', () => {
  it('answers on a real socket and frees its port', async () => {
    const server = await peer(silentScript());
    const port = server.port;
    // Stopped here to free the port; the lab's second stop after the test finds it closed and does nothing.
    await server.stop();
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });
});
