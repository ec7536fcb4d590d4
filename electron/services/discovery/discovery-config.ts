// Reads discovery's settings from the environment (MAIL_SETUP_ISPDB_URL, MAIL_SETUP_DNS_SERVERS).
import { isIPv4, isIPv6 } from 'node:net';

/** Thunderbird's public ISPDB; documents live at `<base><domain>`. */
export const defaultIspdbBaseUrl = 'https://autoconfig.thunderbird.net/v1.1/';

/** Thrown for an environment variable that cannot be used; the message names it. */
export class DiscoveryConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiscoveryConfigError';
  }
}

/** The environment-derived part of discovery's configuration. */
export interface DiscoveryEnvConfig {
  ispdbBaseUrl: string;
  /** Servers for SRV, MX and address look-ups in `setServers` form, or null for the system's. */
  dnsServers: string[] | null;
}

/** Parses "ip[:port],…" (IPv6 as "[::1]:53" or bare "::1") into `Resolver.setServers` entries. */
export function parseDnsServers(value: string): string[] {
  const servers = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (servers.length === 0) throw new DiscoveryConfigError('MAIL_SETUP_DNS_SERVERS names no server');
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
      throw new DiscoveryConfigError(`MAIL_SETUP_DNS_SERVERS: "${server}" is not ip[:port]`);
    }
    return isIPv6(address) ? `[${address}]:${portNumber}` : `${address}:${portNumber}`;
  });
}

/** Normalises the ISPDB base so that appending a domain gives a document URL. */
export function parseIspdbBaseUrl(value: string): string {
  if (!URL.canParse(value)) throw new DiscoveryConfigError(`MAIL_SETUP_ISPDB_URL: "${value}" is not a URL`);
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DiscoveryConfigError('MAIL_SETUP_ISPDB_URL must be an http or https URL');
  }
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Discovery's settings from `env`; unset or empty variables take the defaults. */
export function discoveryConfigFromEnv(env: Readonly<Record<string, string | undefined>>): DiscoveryEnvConfig {
  const ispdb = env['MAIL_SETUP_ISPDB_URL']?.trim();
  const dns = env['MAIL_SETUP_DNS_SERVERS']?.trim();
  return {
    ispdbBaseUrl: ispdb ? parseIspdbBaseUrl(ispdb) : defaultIspdbBaseUrl,
    dnsServers: dns ? parseDnsServers(dns) : null,
  };
}
