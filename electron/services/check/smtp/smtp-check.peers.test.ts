// The outgoing check against scripted SMTP peers on real sockets: providers' exact refusals, what no real
// server does on demand, and proof that no credential leaves where it must not.
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../../shared/check-report.ts';
import type { FailureCategory } from '../../../../shared/failure-category.ts';
import type { Security } from '../../../../shared/server-settings.ts';
import { clientFlights, startDelayProxy } from '../../../../e2e/fixtures/delay-proxy.ts';
import { bannerScript, httpScript, silentScript, startScriptedPeer, type ScriptedPeer } from '../../../../e2e/fixtures/scripted-imap-peer.ts';
import { startSmtpPeer, type SmtpBehaviour, type SmtpPeer, type SmtpReply } from '../../../../e2e/fixtures/scripted-smtp-peer.ts';
import { recordWrites } from '../../net/test-support/write-recorder.ts';
import { ServiceError } from '../../service-error.ts';
import type { CheckInput, Credential } from '../check-input.ts';
import { usePeerLab } from '../test-support/peer-lab.ts';
import { expectOutgoingFailure, expectWellFormedOutgoing, outgoingOf, outgoingStep } from './outgoing-expectations.ts';

const email = 'ann@example.test';
const password = 'Hunter2 "quoted" \\ pässwörd {5}';
const plainBase64 = Buffer.from(`\0${email}\0${password}`).toString('base64');

const lab = usePeerLab();

async function smtpPeer(behaviour: SmtpBehaviour, mode: Security = 'tls'): Promise<SmtpPeer> {
  const peer = await startSmtpPeer({ behaviour, ...(mode === 'tls' ? { tls: lab.ca.trusted } : {}), ...(mode === 'starttls' ? { starttlsCertificate: lab.ca.trusted } : {}) });
  lab.stopAfterTest(() => peer.stop());
  return peer;
}

async function rawPeer(script: Parameters<typeof startScriptedPeer>[0]['script']): Promise<ScriptedPeer> {
  const peer = await startScriptedPeer({ script });
  lab.stopAfterTest(() => peer.stop());
  return peer;
}

interface Options {
  security?: Security;
  allowInsecure?: boolean;
  timeoutMs?: number;
  credential?: Credential;
  provider?: CheckInput['provider'];
}

async function check(port: number, options: Options = {}): Promise<CheckReport> {
  const engine = lab.loopbackEngine();
  const credential = options.credential ?? { kind: 'password', password };
  const report = await engine.run({
    settings: { email, host: 'localhost', port: 1, security: 'tls', username: email },
    credential,
    allowInsecure: options.allowInsecure ?? false,
    timeoutMs: options.timeoutMs ?? 2_000,
    provider: options.provider,
    only: 'outgoing',
    outgoing: { settings: { host: 'localhost', port, security: options.security ?? 'tls', username: email }, credential },
  });
  expectWellFormedOutgoing(report);
  // Whatever happened, the secret is nowhere in what the check reports.
  const text = JSON.stringify(report);
  for (const form of [password, plainBase64]) expect(text).not.toContain(JSON.stringify(form).slice(1, -1));
  return report;
}

// Providers' own replies, as their users report them (multi-line replies as sent).
const refusals: readonly (readonly [string, SmtpReply, FailureCategory, string])[] = [
  [
    'Gmail: app password required',
    ['534-5.7.9 Application-specific password required. Learn more at', '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor d9443c01a7336-2f-gsmtp'],
    'app-password-required',
    '534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor d9443c01a7336-2f-gsmtp',
  ],
  [
    'Gmail: wrong password',
    ['535-5.7.8 Username and Password not accepted. For more information, go to', '535 5.7.8  https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-gsmtp'],
    'wrong-credentials',
    '535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-gsmtp',
  ],
  [
    'Microsoft 365: SMTP AUTH off for the tenant',
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR02CA0001.eurprd02.prod.outlook.com]',
    'auth-disabled',
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR02CA0001.eurprd02.prod.outlook.com]',
  ],
  [
    'Microsoft: basic authentication off',
    '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BN9PR03CA0123.namprd03.prod.outlook.com]',
    'oauth-required',
    '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BN9PR03CA0123.namprd03.prod.outlook.com]',
  ],
  ['Yahoo: locked after bad attempts', '535 5.7.0 (#AUTH005) Too many bad auth attempts.', 'account-blocked', '535 5.7.0 (#AUTH005) Too many bad auth attempts.'],
  ['a temporary failure', '454 4.7.0 Temporary authentication failure', 'server-unavailable', '454 4.7.0 Temporary authentication failure'],
];

describe('providers’ refusals of the sign-in', () => {
  it.each(refusals)('%s', async (_name, authReply, category, serverText) => {
    const peer = await smtpPeer({ authReply });
    const report = await check(peer.port);
    expectOutgoingFailure(report, category, 'authenticate');
    expect(outgoingOf(report).failure?.serverText).toBe(serverText);
    expect(report.failure?.server).toBe('outgoing');
  });

  it('links the page a provider names: Google’s app-password help, Microsoft’s admin switch', async () => {
    const [[, gmailReply], , [, microsoftReply]] = refusals as [(typeof refusals)[number], (typeof refusals)[number], (typeof refusals)[number]];
    const gmail = await check((await smtpPeer({ authReply: gmailReply })).port);
    expect(outgoingOf(gmail).failure?.helpUrl).toBe('https://support.google.com/mail/?p=InvalidSecondFactor');
    expect(outgoingOf(gmail).failure?.advice).toMatch(/app password made for mail works for both/);
    const microsoft = await check((await smtpPeer({ authReply: microsoftReply })).port);
    expect(outgoingOf(microsoft).failure?.helpUrl).toBe('https://aka.ms/smtp_auth_disabled');
    expect(outgoingOf(microsoft).failure?.advice).toMatch(/Authenticated SMTP/);
  });

  it('answers an OAuth2 refusal’s challenge and reports the final reply', async () => {
    const challenge = Buffer.from('{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}').toString('base64');
    const peer = await smtpPeer({ extensions: ['AUTH XOAUTH2 OAUTHBEARER'], authChallenge: `334 ${challenge}`, authReply: ['535-5.7.8 Username and Password not accepted.', '535 5.7.8 https://support.google.com/mail/?p=BadCredentials'] });
    const report = await check(peer.port, { credential: { kind: 'oauth2', accessToken: 'ya29.a0-secret-token-value' } });
    expectOutgoingFailure(report, 'wrong-credentials', 'authenticate');
    expect(peer.credentials.map((entry) => entry.line)).toEqual([expect.stringMatching(/^AUTH XOAUTH2 /), '']);
    expect(JSON.stringify(report)).not.toContain('ya29.a0-secret-token-value');
  });
});

describe('greetings and other peers', () => {
  it('a 421 banner is server-unavailable at the greeting, with its words', async () => {
    const peer = await smtpPeer({ banner: '421 4.7.0 smtp.example.test Service not available, closing transmission channel' });
    const report = await check(peer.port);
    expectOutgoingFailure(report, 'server-unavailable', 'greeting');
    expect(outgoingOf(report).failure?.serverText).toBe('421 4.7.0 smtp.example.test Service not available, closing transmission channel');
  });

  it('an IMAP server on the port is not-smtp, with its greeting', async () => {
    const imap = await rawPeer(bannerScript('* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.', '* BAD Error in IMAP command'));
    const report = await check(imap.port, { security: 'none' });
    expectOutgoingFailure(report, 'not-smtp', 'greeting');
    expect(outgoingOf(report).failure?.serverText).toBe('* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.');
    expect(outgoingOf(report).failure?.advice).toMatch(/587 with STARTTLS/);
  });

  it('a web server that speaks first is not-smtp; a silent one times out naming web servers and port 465', async () => {
    const talking = await rawPeer(httpScript({ idleAnswerMs: 20 }));
    const report = await check(talking.port, { security: 'starttls' });
    expectOutgoingFailure(report, 'not-smtp', 'greeting');
    expect(outgoingOf(report).failure?.serverText).toBe('HTTP/1.1 408 Request Timeout');

    const silent = await rawPeer(silentScript());
    const timedOut = await check(silent.port, { security: 'starttls', timeoutMs: 300 });
    expectOutgoingFailure(timedOut, 'timeout', 'greeting');
    expect(outgoingStep(timedOut, 'greeting').detail).toMatch(/no SMTP greeting; the server may expect SSL\/TLS from the first byte \(as on port 465\), or .*web server/);
  });

  it('a server that stalls at sign-in times out at authenticate; one that drops is connection-lost', async () => {
    const stall = await smtpPeer({ authReply: null });
    const started = performance.now();
    const stalled = await check(stall.port, { timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expectOutgoingFailure(stalled, 'timeout', 'authenticate');

    const drop = await smtpPeer({ dropAtAuth: true });
    expectOutgoingFailure(await check(drop.port), 'connection-lost', 'authenticate');
  });

  it('an endless reply ends in protocol-error naming the size', async () => {
    const peer = await smtpPeer({ extensions: ['X'.repeat(300 * 1024)] });
    const report = await check(peer.port);
    expectOutgoingFailure(report, 'protocol-error', 'greeting');
    expect(outgoingStep(report, 'greeting').detail).toMatch(/reply larger than 256 KB/);
  });
});

describe('credentials that must not leave', () => {
  it('no AUTH offered (a relay port): smtp-auth-unavailable with the submission ports, nothing sent', async () => {
    const peer = await smtpPeer({ extensions: ['PIPELINING', 'SIZE 10240000', '8BITMIME'] });
    const report = await check(peer.port);
    expectOutgoingFailure(report, 'smtp-auth-unavailable', 'authenticate');
    expect(outgoingOf(report).failure?.advice).toMatch(/587 with STARTTLS or 465 with SSL\/TLS/);
    expect(peer.credentials).toEqual([]);
  });

  it('STARTTLS stripped from the offer: starttls-unavailable, nothing sent', async () => {
    const peer = await smtpPeer({ extensions: ['PIPELINING', 'AUTH PLAIN LOGIN'] }, 'starttls');
    const report = await check(peer.port, { security: 'starttls' });
    expectOutgoingFailure(report, 'starttls-unavailable', 'tls');
    expect(outgoingOf(report).failure?.serverText).toBe('502 5.5.1 Unrecognized command');
    expect(peer.credentials).toEqual([]);
    expect(peer.received.some((line) => line.startsWith('AUTH'))).toBe(false);
  });

  it('no encryption chosen: the password is not sent unless the user insists', async () => {
    const peer = await smtpPeer({}, 'none');
    const refused = await check(peer.port, { security: 'none' });
    expectOutgoingFailure(refused, 'encryption-required', 'authenticate');
    expect(peer.credentials).toEqual([]);

    const insisted = await check(peer.port, { security: 'none', allowInsecure: true });
    expect(outgoingOf(insisted).failure).toBeNull();
    expect(peer.credentials).toEqual([{ line: `AUTH PLAIN ${plainBase64}`, secure: false }]);
  });

  it('a server that wants STARTTLS before sign-in (530) is encryption-required', async () => {
    const peer = await smtpPeer({ authReply: '530 5.7.0 Must issue a STARTTLS command first.' }, 'none');
    const report = await check(peer.port, { security: 'none', allowInsecure: true });
    expectOutgoingFailure(report, 'encryption-required', 'authenticate');
    expect(outgoingOf(report).failure?.serverText).toBe('530 5.7.0 Must issue a STARTTLS command first.');
  });

  it('only OAuth2 offered to a password: oauth-required, nothing sent', async () => {
    const peer = await smtpPeer({ extensions: ['AUTH XOAUTH2 OAUTHBEARER'] });
    const report = await check(peer.port);
    expectOutgoingFailure(report, 'oauth-required', 'authenticate');
    expect(peer.credentials).toEqual([]);
  });

  it('refuses CR, LF or NUL in the outgoing password before connecting', async () => {
    const peer = await smtpPeer({});
    await expect(check(peer.port, { credential: { kind: 'password', password: 'a\r\nRSET' } })).rejects.toBeInstanceOf(ServiceError);
    expect(peer.received).toEqual([]);
  });

  it('signs in with LOGIN where only LOGIN is offered, the password exact, and hides a password the server echoes', async () => {
    const peer = await smtpPeer({ extensions: ['AUTH LOGIN'], authReply: `535 5.7.8 Bad password ${password}` });
    const report = await check(peer.port);
    expect(peer.credentials[0]?.line).toBe('AUTH LOGIN');
    expect(peer.credentials.slice(1).map((entry) => Buffer.from(entry.line, 'base64').toString('utf8'))).toEqual([email, password]);
    expectOutgoingFailure(report, 'wrong-credentials', 'authenticate');
    expect(outgoingOf(report).failure?.serverText).toBe('535 5.7.8 Bad password [hidden]');
  });

  it('signs in with OAUTHBEARER where only that is offered, naming the user, host and port', async () => {
    const peer = await smtpPeer({ extensions: ['AUTH OAUTHBEARER'] });
    const report = await check(peer.port, { credential: { kind: 'oauth2', accessToken: 'token-abc-123' } });
    expect(outgoingOf(report).failure).toBeNull();
    expect(outgoingStep(report, 'authenticate').detail).toMatch(/with OAUTHBEARER/);
    const [line] = peer.credentials;
    expect(Buffer.from(line?.line.split(' ')[2] ?? '', 'base64').toString('utf8')).toBe(`n,a=${email},\x01host=localhost\x01port=${peer.port}\x01auth=Bearer token-abc-123\x01\x01`);
  });
});

describe('the sender', () => {
  it.each([
    ['MAIL FROM', { mailReply: '553 5.7.1 <ann@example.test>: Sender address rejected: not owned by user ann@example.test' }],
    ['MAIL FROM', { mailReply: '550 5.7.60 SMTP; Client does not have permissions to send as this sender' }],
    ['RCPT TO', { rcptReply: '554 5.7.1 <ann@example.test>: Relay access denied' }],
  ] as const)('a refused %s is sender-rejected, with the words', async (command, behaviour) => {
    const peer = await smtpPeer(behaviour);
    const report = await check(peer.port);
    expectOutgoingFailure(report, 'sender-rejected', 'sender');
    expect(outgoingStep(report, 'sender').detail).toBe(`The server refused ${command}:<${email}>.`);
    expect(outgoingOf(report).failure?.serverText).toBe(Object.values(behaviour)[0]);
    expect(peer.received).not.toContain('DATA');
  });

  it('a temporary refusal is server-unavailable', async () => {
    const peer = await smtpPeer({ mailReply: '451 4.3.0 Temporary lookup failure' });
    expectOutgoingFailure(await check(peer.port), 'server-unavailable', 'sender');
  });

  it('an accepted envelope is reset, and no message is sent', async () => {
    const peer = await smtpPeer({});
    const report = await check(peer.port);
    expect(outgoingOf(report).failure).toBeNull();
    expect(peer.received.filter((line) => !/^(AUTH|EHLO|QUIT)/.test(line))).toEqual([`MAIL FROM:<${email}>`, `RCPT TO:<${email}>`, 'RSET']);
  });
});

describe('round trips', () => {
  it('spends one flight each on EHLO and AUTH (initial response), one on MAIL FROM + RCPT TO + RSET, and does not wait for QUIT', async () => {
    const peer = await smtpPeer({}, 'none');
    const relay = await startDelayProxy({ targetPort: peer.port, delayMs: 20 });
    lab.stopAfterTest(() => relay.close());
    const report = await check(relay.port, { security: 'none', allowInsecure: true });
    const seenAtReport = [...(relay.clientView[0] ?? [])];
    expect(outgoingOf(report).failure).toBeNull();
    // The report was complete before QUIT's answer came (it comes, a round trip later).
    const view = relay.clientView[0] ?? [];
    await expect.poll(() => view.some((chunk) => chunk.from === 'server' && chunk.text.startsWith('221'))).toBe(true);
    expect(seenAtReport.some((chunk) => chunk.text.startsWith('221'))).toBe(false);
    const verbs = clientFlights(view).map((flight) => flight.map((line) => /^[A-Z]+/.exec(line)?.[0]));
    expect(verbs).toEqual([['EHLO'], ['AUTH'], ['MAIL', 'RCPT', 'RSET'], ['QUIT']]);
  });

  it.each(['tls', 'none'] as const)('over %s, MAIL FROM, RCPT TO and RSET leave in one write, not three', async (security) => {
    const peer = await smtpPeer({}, security);
    const recorder = recordWrites(peer.port);
    try {
      const report = await check(peer.port, { security, allowInsecure: true });
      expect(outgoingOf(report).failure).toBeNull();
    } finally {
      recorder.stop();
    }
    const envelopeWrites = recorder.writes.filter((write) => /^(MAIL|RCPT|RSET)/m.test(write));
    expect(envelopeWrites).toEqual([`MAIL FROM:<${email}>\r\nRCPT TO:<${email}>\r\nRSET\r\n`]);
  });
});
