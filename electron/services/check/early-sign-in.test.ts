// The sign-in that rides with the CAPABILITY after STARTTLS: against Dovecot (passes, a wrong password
// is tried once), and against scripted servers where it must fall back to imapflow's own or not be tried.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextLoopbackAddress, startDovecot, type Dovecot, type DovecotUser } from '../../../e2e/fixtures/dovecot.ts';
import { imapScript, startScriptedPeer, type ScriptedPeer } from '../../../e2e/fixtures/scripted-imap-peer.ts';
import type { ImapScriptOptions } from '../../../e2e/fixtures/scripted-imap-peer.ts';
import { getTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import type { CheckReport } from '../../../shared/check-report.ts';
import { expectFailure, step } from './report-expectations.ts';
import { createCheckEngine } from './run-check.ts';

const ann: DovecotUser = { user: 'ann@example.test', password: 'ann’s "pass" {4}' };

let ca: TestCa;
let dovecot: Dovecot;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  ca = await getTestCa();
  dovecot = await startDovecot({ users: [ann] });
});

afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

afterAll(async () => {
  await dovecot?.stop();
});

function check(port: number, password = ann.password, localAddress?: string): Promise<CheckReport> {
  const engine = createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], localAddress, now: () => performance.now() });
  return engine.run({
    settings: { email: ann.user, host: 'localhost', port, security: 'starttls', username: ann.user },
    credential: { kind: 'password', password },
    allowInsecure: false,
    timeoutMs: 5_000,
    transcript: true,
  });
}

/** The transcript from the STARTTLS answer on, as `C: …` and `S: …`. */
function afterStartTls(report: CheckReport): string[] {
  const lines = (report.transcript ?? []).map((entry) => `${entry.from === 'client' ? 'C' : 'S'}: ${entry.line}`);
  const upgraded = lines.findIndex((line) => /^S: [^*+\s]\S* OK .*TLS/i.test(line));
  expect(upgraded).toBeGreaterThan(0);
  return lines.slice(upgraded + 1);
}

const signIns = (lines: readonly string[]) => lines.filter((line) => /^C: \S+ (AUTHENTICATE|LOGIN)\b/i.test(line));

/** How the scripted server takes AUTHENTICATE: as imapScript does, refused as unsupported, or asking with `+` whatever came on the line. */
type AuthenticateHandling = 'script' | 'refuse' | 'ignore-initial-response';

async function peer(options: ImapScriptOptions, authenticate: AuthenticateHandling = 'script'): Promise<ScriptedPeer> {
  const script = imapScript(options);
  const started = await startScriptedPeer({
    starttlsCertificate: ca.trusted,
    script:
      authenticate === 'script'
        ? script
        : {
            ...script,
            onCommand(command, connection) {
              if (command.name !== 'AUTHENTICATE') script.onCommand?.(command, connection);
              else if (authenticate === 'refuse') connection.send(`${command.tag} NO [CANNOT] Unsupported authentication mechanism.`);
              else connection.continueSasl();
            },
          },
  });
  stops.push(() => started.stop());
  return started;
}

describe('with Dovecot over STARTTLS', () => {
  it('writes AUTHENTICATE PLAIN right behind the new CAPABILITY, before its answer, and signs in once', async () => {
    const report = await check(dovecot.starttlsPort, ann.password, nextLoopbackAddress());
    expect(report.failure).toBeNull();
    const lines = afterStartTls(report);
    const capability = lines.findIndex((line) => /^C: \S+ CAPABILITY$/.test(line));
    const signIn = lines.findIndex((line) => /^C: MSAU AUTHENTICATE PLAIN •••$/.test(line));
    const capabilities = lines.findIndex((line) => line.startsWith('S: * CAPABILITY '));
    expect(capability).toBeGreaterThanOrEqual(0);
    expect(signIn).toBe(capability + 1);
    expect(capabilities).toBeGreaterThan(signIn);
    expect(signIns(lines)).toHaveLength(1);
    // The methods named are the ones offered once encrypted, not the plaintext greeting's "none".
    expect(step(report, 'authenticate').detail).toBe(`Signed in as ${ann.user} with PLAIN (offered: PLAIN, LOGIN)`);
    expect(step(report, 'inbox').status).toBe('passed');
  });

  it('tries a wrong password once, and says what the server said', async () => {
    const report = await check(dovecot.starttlsPort, 'not the password', nextLoopbackAddress());
    expectFailure(report, 'wrong-credentials', 'authenticate');
    expect(report.failure?.serverText).toBe('NO [AUTHENTICATIONFAILED] Authentication failed.');
    expect(signIns(afterStartTls(report))).toEqual(['C: MSAU AUTHENTICATE PLAIN •••']);
  });
});

describe('with scripted servers over STARTTLS', () => {
  const before = ['IMAP4rev1', 'SASL-IR', 'STARTTLS', 'LOGINDISABLED'];
  const accept = { kind: 'accept', user: ann.user, password: ann.password } as const;

  it('falls back to imapflow’s own LOGIN where the encrypted server turns the early AUTHENTICATE down', async () => {
    const server = await peer({ capabilities: before, capabilitiesAfterTls: ['IMAP4rev1', 'SASL-IR'], signIn: accept }, 'refuse');
    const report = await check(server.port);
    expect(report.failure).toBeNull();
    expect(server.received.filter((line) => / (AUTHENTICATE|LOGIN) /.test(line)).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['MSAU AUTHENTICATE', expect.stringMatching(/^\S+ LOGIN$/)]);
    expect(step(report, 'authenticate').detail).toBe(`Signed in as ${ann.user} with LOGIN (offered: LOGIN command only)`);
  });

  it('answers imapflow from the early sign-in where that one succeeded, though the encrypted server lists no AUTH=PLAIN', async () => {
    const server = await peer({ capabilities: before, capabilitiesAfterTls: ['IMAP4rev1', 'SASL-IR'], signIn: accept });
    const report = await check(server.port);
    expect(report.failure).toBeNull();
    expect(server.credentials.map((credential) => credential.kind)).toEqual(['AUTHENTICATE']);
  });

  it('still signs in where the encrypted server asks for the response with “+” despite the initial response', async () => {
    const server = await peer({ capabilities: before, capabilitiesAfterTls: ['IMAP4rev1', 'SASL-IR', 'AUTH=PLAIN'], signIn: accept }, 'ignore-initial-response');
    const report = await check(server.port);
    expect(report.failure).toBeNull();
    expect(server.credentials.map((credential) => credential.kind)).toEqual(['AUTHENTICATE', 'SASL-RESPONSE']);
  });

  it('is not tried where the server did not offer SASL-IR before TLS: imapflow signs in after the capabilities', async () => {
    const server = await peer({ capabilities: ['IMAP4rev1', 'STARTTLS', 'LOGINDISABLED'], capabilitiesAfterTls: ['IMAP4rev1', 'SASL-IR', 'AUTH=PLAIN'], signIn: accept });
    const report = await check(server.port);
    expect(report.failure).toBeNull();
    expect(server.received.some((line) => line.startsWith('MSAU '))).toBe(false);
    expect(server.credentials).toHaveLength(1);
  });
});
