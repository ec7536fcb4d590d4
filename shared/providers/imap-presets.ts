// Shorthands for the IMAP settings most provider entries share, so the tables stay readable.
import type { ProviderImap, UsernameForm } from './provider-schema.ts';

/** Implicit TLS on 993, the setting RFC 8314 recommends and nearly every provider offers. */
export function imapTls(host: string, username: UsernameForm = '%EMAILADDRESS%'): ProviderImap {
  return { host, port: 993, security: 'tls', username };
}

/** STARTTLS on 143, for the few servers that offer nothing else. */
export function imapStarttls(host: string, username: UsernameForm = '%EMAILADDRESS%'): ProviderImap {
  return { host, port: 143, security: 'starttls', username };
}
