// The check engine wired to the real resolver, trust store and clock.
import { createCheckEngine, type CheckEngine } from './run-check.ts';
import { resolveHost } from './resolve-host.ts';
import { trustedCertificateAuthorities } from './trusted-cas.ts';

/** The engine as the app and the CLI use it. */
export function createDefaultCheckEngine(options: { localAddress?: string | undefined } = {}): CheckEngine {
  return createCheckEngine({
    resolveHost,
    caCertificates: trustedCertificateAuthorities,
    localAddress: options.localAddress,
    now: () => performance.now(),
  });
}
