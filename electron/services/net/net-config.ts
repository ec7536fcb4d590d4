// The network's settings from the environment: MAIL_SETUP_DNS_SERVERS and MAIL_SETUP_LOCAL_ADDRESS.
import { isIP, isIPv4, isIPv6 } from 'node:net';

/** Thrown for an environment variable that cannot be used; the message names it. */
export class EnvConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvConfigError';
  }
}

/** The environment-derived settings of every connection and look-up. */
export interface NetEnvConfig {
  /** Servers for SRV, MX and address look-ups in `setServers` form, or null for the system's. */
  dnsServers: string[] | null;
  /** Source address of outgoing connections, or undefined for the system's choice. */
  localAddress: string | undefined;
}

/** Parses "ip[:port],…" (IPv6 as "[::1]:53" or bare "::1") into `Resolver.setServers` entries. */
export function parseDnsServers(value: string): string[] {
  const servers = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (servers.length === 0) throw new EnvConfigError('MAIL_SETUP_DNS_SERVERS names no server');
  return servers.map((server) => {
    const bracketed = /^\[([^\]]+)\](?::([0-9]{1,5}))?$/.exec(server);
    const [address, port] = bracketed
      ? [bracketed[1] ?? '', bracketed[2]]
      : isIPv6(server)
        ? [server, undefined]
        : [server.replace(/:[0-9]{1,5}$/, ''), /:([0-9]{1,5})$/.exec(server)?.[1]];
    const valid = bracketed || isIPv6(server) ? isIPv6(address) : isIPv4(address);
    const portNumber = port === undefined ? 53 : Number(port);
    if (!valid || portNumber < 1 || portNumber > 65535) {
      throw new EnvConfigError(`MAIL_SETUP_DNS_SERVERS: "${server}" is not ip[:port]`);
    }
    return isIPv6(address) ? `[${address}]:${portNumber}` : `${address}:${portNumber}`;
  });
}

/** The network settings from `env`; unset or empty variables take the defaults, unusable ones throw EnvConfigError. */
export function netConfigFromEnv(env: Readonly<Record<string, string | undefined>>): NetEnvConfig {
  const dns = env['MAIL_SETUP_DNS_SERVERS']?.trim();
  const local = env['MAIL_SETUP_LOCAL_ADDRESS']?.trim();
  if (local && isIP(local) === 0) throw new EnvConfigError(`MAIL_SETUP_LOCAL_ADDRESS: "${local}" is not an IP address`);
  return { dnsServers: dns ? parseDnsServers(dns) : null, localAddress: local || undefined };
}
