// The set-up the check's scripted-peer tests share: the test CA, peers stopped after each test, an engine aimed at loopback.
import { afterEach, beforeAll } from 'vitest';
import type { CheckReport } from '../../../../shared/check-report.ts';
import type { Security } from '../../../../shared/server-settings.ts';
import { startScriptedPeer, type PeerScript, type ScriptedPeer } from '../../../../e2e/fixtures/scripted-imap-peer.ts';
import { startSmtpPeer, type SmtpBehaviour } from '../../../../e2e/fixtures/scripted-smtp-peer.ts';
import { getTestCa, type TestCa } from '../../../../e2e/fixtures/test-ca.ts';
import { createCheckEngine, type CheckEngine } from '../run-check.ts';

/** Who signs in to a peer. */
export interface PeerUser {
  readonly email: string;
  readonly password: string;
}

/** What a peer test file gets from {@link usePeerLab}. */
export interface PeerLab {
  /** The test CA (made before the file's first test). */
  readonly ca: TestCa;
  /** Stops a peer once the current test is over, passed or failed. */
  stopAfterTest(stop: () => Promise<void>): void;
  /** A check engine whose every host name is 127.0.0.1 and which trusts only the test CA. */
  loopbackEngine(): CheckEngine;
  /** A password check of an IMAP peer playing `script` over SSL/TLS (or STARTTLS); the peer too, for what it received. */
  checkImapPeer(script: PeerScript, user: PeerUser, security?: Security): Promise<{ report: CheckReport; peer: ScriptedPeer }>;
  /** An outgoing-only password check of an SMTP peer behaving as `behaviour`, over SSL/TLS. */
  checkSmtpPeer(behaviour: SmtpBehaviour, user: PeerUser): Promise<CheckReport>;
}

/** Registers the file's beforeAll/afterEach hooks; call once at the top of a test file. */
export function usePeerLab(): PeerLab {
  let ca: TestCa | undefined;
  const stops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    ca = await getTestCa();
  });
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });
  const testCa = (): TestCa => {
    if (!ca) throw new Error('the test CA is made in beforeAll: use it inside a test');
    return ca;
  };
  const loopbackEngine = () => createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [testCa().caPem], now: () => performance.now() });
  return {
    get ca() {
      return testCa();
    },
    stopAfterTest: (stop) => {
      stops.push(stop);
    },
    loopbackEngine,
    async checkImapPeer(script, { email, password }, security = 'tls') {
      const peer = await startScriptedPeer({ script, ...(security === 'tls' ? { tls: testCa().trusted } : { starttlsCertificate: testCa().trusted }) });
      stops.push(() => peer.stop());
      const report = await loopbackEngine().run({
        settings: { email, host: 'localhost', port: peer.port, security, username: email },
        credential: { kind: 'password', password },
        allowInsecure: false,
        timeoutMs: 2_000,
      });
      return { report, peer };
    },
    async checkSmtpPeer(behaviour, { email, password }) {
      const peer = await startSmtpPeer({ behaviour, tls: testCa().trusted });
      stops.push(() => peer.stop());
      // Port 1 for the incoming side: `only: 'outgoing'` never connects there.
      return loopbackEngine().run({
        settings: { email, host: 'localhost', port: 1, security: 'tls', username: email },
        credential: { kind: 'password', password },
        allowInsecure: false,
        timeoutMs: 2_000,
        only: 'outgoing',
        outgoing: { settings: { host: 'localhost', port: peer.port, security: 'tls', username: email }, credential: { kind: 'password', password } },
      });
    },
  };
}
