// Discovery wired to the real DNS, sockets and trust store, configured from the environment.
import { createDiscovery, type Discovery, type DiscoveryDeps } from './discover.ts';
import { discoveryConfigFromEnv } from './discovery-config.ts';
import { createDnsPort } from '../net/dns-port.ts';
import { createTcpConnect } from '../net/tcp-connect.ts';
import { trustedCertificateAuthorities } from '../net/trusted-cas.ts';

/**
 * The discovery the app and the CLI use. Throws EnvConfigError for unusable
 * MAIL_SETUP_ISPDB_URL or MAIL_SETUP_DNS_SERVERS; `overrides` replace any dependency.
 */
export function createDefaultDiscovery(env: Readonly<Record<string, string | undefined>>, overrides: Partial<DiscoveryDeps> = {}): Discovery {
  const config = discoveryConfigFromEnv(env);
  const dns = overrides.dns ?? createDnsPort({ servers: config.dnsServers });
  return createDiscovery({
    ispdbBaseUrl: config.ispdbBaseUrl,
    dns,
    connect: createTcpConnect(dns, config.localAddress),
    caCertificates: trustedCertificateAuthorities,
    ...overrides,
  });
}
