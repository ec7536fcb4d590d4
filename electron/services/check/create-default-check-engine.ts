// The check engine wired to the real resolver, trust store and clock.
import { netConfigFromEnv } from '../net/net-config.ts';
import { createDnsPort } from '../net/dns-port.ts';
import type { ResolveHost } from './check-input.ts';
import { createCheckEngine, type CheckEngine } from './run-check.ts';
import { resolveHost } from '../net/resolve-host.ts';
import { trustedCertificateAuthorities } from '../net/trusted-cas.ts';

/**
 * Names resolve where discovery resolves them: through MAIL_SETUP_DNS_SERVERS when it is set, so
 * that settings discovery found always check; otherwise the way the operating system would.
 * A malformed variable fails the resolve step with its message rather than being ignored.
 */
function resolverFor(env: Readonly<Record<string, string | undefined>>): ResolveHost {
  if (!env['MAIL_SETUP_DNS_SERVERS']?.trim()) return resolveHost;
  let port: ReturnType<typeof createDnsPort> | undefined;
  // The engine aborts slow steps itself (withAbort), so the look-up needs no signal of its own.
  const never = new AbortController().signal;
  return (host) => {
    port ??= createDnsPort({ servers: netConfigFromEnv(env).dnsServers });
    return port.lookupHost(host, never);
  };
}

/** The engine as the app and the CLI use it; `env` supplies MAIL_SETUP_DNS_SERVERS. */
export function createDefaultCheckEngine(options: { localAddress?: string | undefined; env?: Readonly<Record<string, string | undefined>> } = {}): CheckEngine {
  return createCheckEngine({
    resolveHost: resolverFor(options.env ?? {}),
    caCertificates: trustedCertificateAuthorities,
    localAddress: options.localAddress,
    now: () => performance.now(),
  });
}
