// The set-up the check's scripted-peer tests share: the test CA, peers stopped after each test, an engine aimed at loopback.
import { afterEach, beforeAll } from 'vitest';
import { getTestCa, type TestCa } from '../../../../e2e/fixtures/test-ca.ts';
import { createCheckEngine, type CheckEngine } from '../run-check.ts';

/** What a peer test file gets from {@link usePeerLab}. */
export interface PeerLab {
  /** The test CA (made before the file's first test). */
  readonly ca: TestCa;
  /** Stops a peer once the current test is over, passed or failed. */
  stopAfterTest(stop: () => Promise<void>): void;
  /** A check engine whose every host name is 127.0.0.1 and which trusts only the test CA. */
  loopbackEngine(): CheckEngine;
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
  return {
    get ca() {
      return testCa();
    },
    stopAfterTest: (stop) => {
      stops.push(stop);
    },
    loopbackEngine: () => createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [testCa().caPem], now: () => performance.now() }),
  };
}
