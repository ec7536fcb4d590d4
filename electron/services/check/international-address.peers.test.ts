// International addresses (jürgen@…) against scripted peers that answer like Gmail (UTF8=ACCEPT once
// signed in, SMTPUTF8) and like servers without them: what crosses the wire, and the refusals.
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../shared/check-report.ts';
import type { Security } from '../../../shared/server-settings.ts';
import { gmailScript, imapScript, ordinaryCapabilities, startScriptedPeer, type PeerScript, type ScriptedPeer } from '../../../e2e/fixtures/scripted-imap-peer.ts';
import { gmailSmtpExtensions as gmailSmtp, startSmtpPeer, type SmtpBehaviour, type SmtpPeer } from '../../../e2e/fixtures/scripted-smtp-peer.ts';
import { expectFailure, expectWellFormed, step } from './report-expectations.ts';
import { expectOutgoingFailure, expectWellFormedOutgoing, outgoingOf, outgoingStep } from './smtp/outgoing-expectations.ts';
import { usePeerLab } from './test-support/peer-lab.ts';

const jurgen = 'jürgen@xn--bcher-kva.example';
const ann = 'ann@example.test';
const password = 'pässwort "quoted"';

const lab = usePeerLab();

async function imapPeer(script: PeerScript): Promise<ScriptedPeer> {
  const peer = await startScriptedPeer({ script, tls: lab.ca.trusted });
  lab.stopAfterTest(() => peer.stop());
  return peer;
}

async function smtpPeer(behaviour: SmtpBehaviour): Promise<SmtpPeer> {
  const peer = await startSmtpPeer({ behaviour, tls: lab.ca.trusted });
  lab.stopAfterTest(() => peer.stop());
  return peer;
}

interface Run {
  email: string;
  username?: string;
  imapPort?: number;
  smtpPort?: number;
  sendTestMessage?: boolean;
}

async function check(run: Run): Promise<CheckReport> {
  const engine = lab.loopbackEngine();
  const username = run.username ?? run.email;
  const security: Security = 'tls';
  const report = await engine.run({
    settings: { email: run.email, host: 'localhost', port: run.imapPort ?? 1, security, username },
    credential: { kind: 'password', password },
    allowInsecure: false,
    timeoutMs: 2_000,
    deliveryTimeoutMs: 300,
    sendTestMessage: run.sendTestMessage,
    only: run.imapPort === undefined ? 'outgoing' : run.smtpPort === undefined ? 'incoming' : undefined,
    ...(run.smtpPort !== undefined ? { outgoing: { settings: { host: 'localhost', port: run.smtpPort, security, username }, credential: { kind: 'password' as const, password } } } : {}),
  });
  if (run.imapPort !== undefined) expectWellFormed(report);
  if (run.smtpPort !== undefined) expectWellFormedOutgoing(report, run.sendTestMessage);
  return report;
}

const gmailImap = (user = jurgen) => gmailScript(user, password);

describe('incoming (IMAP, RFC 6855)', () => {
  it('enables UTF8=ACCEPT where the server announces it after sign-in, pipelined in front of EXAMINE, and passes', async () => {
    const peer = await imapPeer(gmailImap());
    const report = await check({ email: jurgen, imapPort: peer.port });
    expect(report.failure).toBeNull();
    expect(step(report, 'inbox').detail).toContain('UTF8=ACCEPT');
    // The UTF-8 username went inside AUTHENTICATE PLAIN, where SASL carries UTF-8 by definition.
    expect(peer.credentials.map((entry) => entry.kind)).toEqual(['AUTHENTICATE']);
    const commands = peer.received.map((line) => line.split(' ').slice(1, 3).join(' '));
    const enable = commands.indexOf('ENABLE UTF8=ACCEPT');
    expect(enable).toBeGreaterThan(commands.findIndex((line) => line.startsWith('AUTHENTICATE')));
    // Written together with EXAMINE (ID rides along too): no round trip of its own.
    expect(commands.slice(enable, enable + 3).some((line) => line.startsWith('EXAMINE'))).toBe(true);
    expect(peer.received.filter((line) => / ENABLE /.test(line))).toHaveLength(1);
  });

  it('sends no ENABLE for an ASCII address, even where UTF8=ACCEPT is announced', async () => {
    const peer = await imapPeer(gmailImap(ann));
    const report = await check({ email: ann, imapPort: peer.port });
    expect(report.failure).toBeNull();
    expect(peer.received.some((line) => / ENABLE /.test(line))).toBe(false);
  });

  it('refuses jürgen@… at the inbox step where the server has no UTF8=ACCEPT, naming the letter and what to do', async () => {
    const peer = await imapPeer(imapScript({ capabilities: ordinaryCapabilities, signIn: { kind: 'accept', user: jurgen, password } }));
    const report = await check({ email: jurgen, imapPort: peer.port });
    expectFailure(report, 'mailbox-unavailable', 'inbox');
    expect(step(report, 'authenticate').status).toBe('passed');
    expect(report.failure?.message).toBe('The incoming server localhost cannot handle an address with letters such as “ü” before the @ (jürgen@bücher.example).');
    expect(report.failure?.advice).toMatch(/UTF8=ACCEPT.*ASCII letters before the @/);
    expect(peer.received.some((line) => / (ENABLE|EXAMINE|SELECT) /.test(line))).toBe(false);
  });

  it('refuses a non-ASCII username before sending it where only LOGIN is offered, without UTF8=ACCEPT', async () => {
    const peer = await imapPeer(imapScript({ capabilities: ['IMAP4rev1', 'ID', 'IDLE'], signIn: { kind: 'accept', user: jurgen, password } }));
    const report = await check({ email: jurgen, imapPort: peer.port });
    expectFailure(report, 'protocol-error', 'authenticate');
    expect(peer.credentialReceived).toBe(false);
    expect(report.failure?.message).toContain('cannot take the username jürgen@xn--bcher-kva.example');
    expect(report.failure?.advice).toMatch(/^Nothing was sent\./);
  });

  it('sends LOGIN with the UTF-8 username where UTF8=ACCEPT is announced before sign-in (RFC 6855 §5)', async () => {
    const capabilities = ['IMAP4rev1', 'ID', 'ENABLE', 'UTF8=ACCEPT'];
    const peer = await imapPeer(imapScript({ capabilities, signIn: { kind: 'accept', user: jurgen, password } }));
    const report = await check({ email: jurgen, imapPort: peer.port });
    expect(report.failure).toBeNull();
    expect(peer.credentials.map((entry) => entry.kind)).toEqual(['LOGIN']);
    expect(peer.credentials[0]?.text).toContain('"jürgen@xn--bcher-kva.example"');
  });
});

describe('outgoing (SMTP, RFC 6531)', () => {
  it('sends MAIL FROM with SMTPUTF8 where the server announces it, and passes the sender step', async () => {
    const peer = await smtpPeer({ extensions: gmailSmtp });
    const report = await check({ email: jurgen, smtpPort: peer.port });
    expect(outgoingOf(report).failure).toBeNull();
    expect(peer.received).toContain(`MAIL FROM:<${jurgen}> SMTPUTF8`);
    expect(peer.received).toContain(`RCPT TO:<${jurgen}>`);
  });

  it('sends an address with an international domain in its ASCII form, with no need of SMTPUTF8', async () => {
    const peer = await smtpPeer({});
    const report = await check({ email: 'jo@Bücher.example', smtpPort: peer.port });
    expect(outgoingOf(report).failure).toBeNull();
    expect(peer.received).toContain('MAIL FROM:<jo@xn--bcher-kva.example>');
  });

  it('refuses jürgen@… at the sender step where SMTPUTF8 is not announced, without sending MAIL FROM', async () => {
    const peer = await smtpPeer({});
    const report = await check({ email: jurgen, smtpPort: peer.port });
    expectOutgoingFailure(report, 'sender-rejected', 'sender');
    expect(outgoingStep(report, 'authenticate').status).toBe('passed');
    expect(outgoingOf(report).failure?.message).toBe('The outgoing server localhost cannot send from an address with letters such as “ü” before the @ (jürgen@bücher.example).');
    expect(peer.received.some((line) => /^(MAIL|RCPT|DATA)/i.test(line))).toBe(false);
    // Nothing 8-bit left the client at all.
    expect(peer.received.every((line) => !/[^\p{ASCII}]/u.test(line))).toBe(true);
  });

  it('sends the test message with SMTPUTF8, BODY=8BITMIME and the address in UTF-8 headers', async () => {
    const imap = await imapPeer(gmailImap());
    const smtp = await smtpPeer({ extensions: gmailSmtp });
    const report = await check({ email: jurgen, imapPort: imap.port, smtpPort: smtp.port, sendTestMessage: true });
    // The scripted INBOX never receives it: the step ends waiting, after the message was accepted.
    expect(outgoingOf(report).failure?.category).toBe('delivery-delayed');
    const mailFroms = smtp.received.filter((line) => line.startsWith('MAIL FROM:'));
    expect(mailFroms).toEqual([`MAIL FROM:<${jurgen}> SMTPUTF8`, `MAIL FROM:<${jurgen}> SMTPUTF8 BODY=8BITMIME`]);
    expect(smtp.received).toContain(`From: <${jurgen}>`);
    expect(smtp.received).toContain('Content-Type: text/plain; charset=utf-8');
    expect(smtp.received.some((line) => line.includes('from jürgen@bücher.example to itself'))).toBe(true);
  });
});
