// The check engine as the round-trip benchmarks run it: every host name is the loopback relay, the test CA trusted.
import { getTestCa } from '../../e2e/fixtures/test-ca.ts';
import { createCheckEngine, type CheckEngine } from '../../electron/services/check/run-check.ts';
import { trustedCertificateAuthorities } from '../../electron/services/net/trusted-cas.ts';

/** An engine whose connections all go to 127.0.0.1 (the relay; name resolution is not what is measured). */
export async function relayEngine(): Promise<CheckEngine> {
  const ca = await getTestCa();
  return createCheckEngine({
    resolveHost: () => Promise.resolve(['127.0.0.1']),
    caCertificates: () => [...trustedCertificateAuthorities(), ca.caPem],
    now: () => performance.now(),
  });
}
