// A server's own TLS failure, a silent greeting and STARTTLS without TLS, against peers on real sockets:
// each told apart from a wrong security setting, in one clean form after SSL/TLS and after STARTTLS.
import { describe, expect, it } from 'vitest';
import type { CheckReport, ServerRole } from '../../../shared/check-report.ts';
import type { Security } from '../../../shared/server-settings.ts';
import { httpScript, silentScript, startScriptedPeer } from '../../../e2e/fixtures/scripted-imap-peer.ts';
import { startAlertPeer, tlsAlerts, type AlertPeerProtocol } from '../net/test-support/tls-alert-peer.ts';
import { expectFailure, expectWellFormed, step } from './report-expectations.ts';
import { expectOutgoingFailure, expectWellFormedOutgoing, outgoingOf, outgoingStep } from './smtp/outgoing-expectations.ts';
import { usePeerLab } from './test-support/peer-lab.ts';

const email = 'ann@example.test';
const password = 'Hunter2 pässwörd';

const lab = usePeerLab();

async function check(role: ServerRole, port: number, security: Security, timeoutMs = 2_000): Promise<CheckReport> {
  const engine = lab.loopbackEngine();
  const credential = { kind: 'password' as const, password };
  const server = { host: 'localhost', port, security, username: email };
  const report = await engine.run({
    settings: { email, ...(role === 'incoming' ? server : { ...server, port: 1 }) },
    credential,
    allowInsecure: false,
    timeoutMs,
    only: role,
    ...(role === 'outgoing' ? { outgoing: { settings: server, credential } } : {}),
  });
  if (role === 'incoming') expectWellFormed(report);
  else expectWellFormedOutgoing(report);
  expect(JSON.stringify(report)).not.toContain(password);
  return report;
}

async function alertPeer(protocol: AlertPeerProtocol, alert: number) {
  const peer = await startAlertPeer(protocol, alert);
  lab.stopAfterTest(() => peer.stop());
  return peer;
}

/** The failed TLS step's detail and the failure, whichever server was checked. */
function tlsOutcome(report: CheckReport, role: ServerRole) {
  const failure = role === 'incoming' ? report.failure : outgoingOf(report).failure;
  const tls = role === 'incoming' ? step(report, 'tls') : outgoingStep(report, 'tls');
  return { failure, detail: tls.detail };
}

const cases = [
  ['incoming', 'tls', 'tls'],
  ['incoming', 'starttls', 'imap-starttls'],
  ['outgoing', 'tls', 'tls'],
  ['outgoing', 'starttls', 'smtp-starttls'],
] as const;

describe('a TLS alert from the server', () => {
  it.each(cases)('%s over %s: an internal error is the server’s failure, not the user’s setting', async (role, security, protocol) => {
    const peer = await alertPeer(protocol, tlsAlerts.internalError);
    const report = await check(role, peer.port, security);
    if (role === 'incoming') expectFailure(report, 'server-unavailable', 'tls');
    else expectOutgoingFailure(report, 'server-unavailable', 'tls');
    const { failure, detail } = tlsOutcome(report, role);
    expect(failure?.message).toMatch(/failed while setting up a secure connection/);
    expect(failure?.advice).toMatch(/fault on the server, not in your settings/);
    expect(failure?.advice).not.toMatch(/does not fit this port/);
    // One clean form after SSL/TLS and after STARTTLS: no OpenSSL source path, no line break.
    expect(detail).toBe('The server broke off the TLS handshake with an internal error of its own (ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR).');
    expect(peer.received()).not.toMatch(/AUTH|LOGIN /);
  });

  it.each(cases)('%s over %s: another alert is a refusal of this connection on a port that speaks TLS', async (role, security, protocol) => {
    const peer = await alertPeer(protocol, tlsAlerts.handshakeFailure);
    const report = await check(role, peer.port, security);
    if (role === 'incoming') expectFailure(report, 'tls-handshake-failed', 'tls');
    else expectOutgoingFailure(report, 'tls-handshake-failed', 'tls');
    const { failure, detail } = tlsOutcome(report, role);
    expect(failure?.message).toMatch(/turned down the secure connection/);
    expect(failure?.advice).toMatch(/Your security setting fits this port/);
    expect(detail).toMatch(/^The server turned down the TLS handshake with the alert “handshake failure” \(ERR_SSL_[A-Z0-9/_]+_ALERT_HANDSHAKE_FAILURE\)\.$/);
  });
});

describe('a greeting that never comes after a passed connect', () => {
  it.each(['incoming', 'outgoing'] as const)('%s: is neither "server down" nor "firewall"', async (role) => {
    const silent = await startScriptedPeer({ script: silentScript() });
    lab.stopAfterTest(() => silent.stop());
    const report = await check(role, silent.port, 'starttls', 1_000);
    const failure = role === 'incoming' ? report.failure : outgoingOf(report).failure;
    if (role === 'incoming') expectFailure(report, 'timeout', 'greeting');
    else expectOutgoingFailure(report, 'timeout', 'greeting');
    expect(failure?.message).toMatch(/accepted the connection on port \d+ but never greeted/);
    expect(`${failure?.message} ${failure?.advice}`).not.toMatch(/down|firewall/i);
  });

  it('a web server, asked on the side, answers the TLS hello in plain text: the port is ruled out for SSL/TLS', async () => {
    const web = await startScriptedPeer({ script: httpScript() });
    lab.stopAfterTest(() => web.stop());
    const report = await check('incoming', web.port, 'starttls', 1_000);
    expectFailure(report, 'timeout', 'greeting');
    expect(step(report, 'greeting').detail).toMatch(/did not answer a TLS hello either; .*web server/);
  });
});
