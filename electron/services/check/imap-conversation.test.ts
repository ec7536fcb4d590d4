// The IMAP conversation of a check on the wire: one ID that names this app, sign-in on one line,
// INBOX opened with nothing in between — against real Dovecot through a recording relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy, type DelayProxy } from '../../../e2e/fixtures/delay-proxy.ts';
import { startDovecot, type Dovecot, type DovecotUser } from '../../../e2e/fixtures/dovecot.ts';
import { startScriptedPeer, imapScript, type ScriptedPeer } from '../../../e2e/fixtures/scripted-imap-peer.ts';
import { getTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { appIdentity } from '../../../shared/app-identity.ts';
import type { Security } from '../../../shared/server-settings.ts';
import { createCheckEngine } from './run-check.ts';

const ann: DovecotUser = { user: 'ann@example.test', password: 'a "quoted" pass {3}', messages: 1 };
const ourId = `MSID ID ("name" "${appIdentity.name}" "version" "${appIdentity.version}")`;

let ca: TestCa;
let dovecot: Dovecot;
let relay: DelayProxy;

beforeAll(async () => {
  ca = await getTestCa();
  dovecot = await startDovecot({ users: [ann] });
  // Unencrypted, so the relay can read the conversation; Dovecot accepts a password in clear
  // from its own listen address (the relay connects from 127.0.0.1).
  relay = await startDelayProxy({ targetPort: dovecot.starttlsPort, delayMs: 0 });
});

afterAll(async () => {
  await relay?.close();
  await dovecot?.stop();
});

function check(port: number, security: Security, user = ann.user, password = ann.password) {
  const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], now: () => performance.now() });
  return engine.run({
    settings: { email: user, host: 'localhost', port, security, username: user },
    credential: { kind: 'password', password },
    allowInsecure: security === 'none',
    timeoutMs: 5_000,
  });
}

/** The client's command lines, LOGOUT left out (it is sent without waiting for its answer). */
function commands(wire: string): string[] {
  return wire
    .split('\r\n')
    .filter((line) => line !== '' && !/^\S+ LOGOUT$/i.test(line));
}

describe('the conversation with Dovecot', () => {
  it('is AUTHENTICATE with its initial response, then ID and EXAMINE written together; one ID, ours', async () => {
    const report = await check(relay.port, 'none');
    expect(report.failure).toBeNull();
    const sent = commands(relay.clientBytes[0] ?? '');
    const plain = Buffer.from(`\0${ann.user}\0${ann.password}`).toString('base64');
    expect(sent).toEqual([`1 AUTHENTICATE PLAIN ${plain}`, ourId, '2 EXAMINE INBOX']);
    // Dovecot understood the ID and opened INBOX after it.
    expect(relay.serverBytes[0]).toMatch(/\r\nMSID OK ID completed/);
    expect(relay.serverBytes[0]).toMatch(/\r\n2 OK \[READ-ONLY\] Examine completed/);
    expect(report.steps.find((step) => step.id === 'inbox')?.detail).toBe('INBOX opened: 1 message');
  });
});

describe('the conversation with a scripted server', () => {
  let peer: ScriptedPeer | undefined;
  afterAll(async () => {
    await peer?.stop();
  });

  it('sends no ID to a server that does not offer it, and no NAMESPACE, LIST or LSUB either way', async () => {
    peer = await startScriptedPeer({
      script: imapScript({ capabilities: ['IMAP4rev1', 'AUTH=PLAIN', 'NAMESPACE'], signIn: { kind: 'accept', user: ann.user, password: ann.password } }),
      tls: ca.trusted,
    });
    const report = await check(peer.port, 'tls');
    expect(report.failure).toBeNull();
    const names = peer.received.map((line) => line.split(' ')[1]?.toUpperCase());
    expect(names).not.toContain('ID');
    expect(names.filter((name) => name !== 'LOGOUT')).toEqual(['AUTHENTICATE', undefined, 'EXAMINE']);
  });
});
