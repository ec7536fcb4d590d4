// Shorthands for the IMAP, POP3 and SMTP settings most provider entries share, so the tables stay readable.
import type { ProviderServer, UsernameForm } from './provider-schema.ts';

/** Implicit TLS on 993, the setting RFC 8314 recommends and nearly every provider offers. */
export function imapTls(host: string, username: UsernameForm = '%EMAILADDRESS%'): ProviderServer {
  return { host, port: 993, security: 'tls', username };
}

/** STARTTLS on 143, for the few servers that offer nothing else. */
export function imapStarttls(host: string, username: UsernameForm = '%EMAILADDRESS%'): ProviderServer {
  return { host, port: 143, security: 'starttls', username };
}

/** Submission with implicit TLS on 465, which RFC 8314 prefers. */
export function smtpTls(host: string, username: UsernameForm = '%EMAILADDRESS%'): ProviderServer {
  return { host, port: 465, security: 'tls', username };
}

/** Submission with STARTTLS on 587 (RFC 6409), where the provider offers no 465. */
export function smtpStarttls(host: string, username: UsernameForm = '%EMAILADDRESS%'): ProviderServer {
  return { host, port: 587, security: 'starttls', username };
}

/** POP3 with implicit TLS on 995 (RFC 8314). */
export function pop3Tls(host: string, username: UsernameForm = '%EMAILADDRESS%'): ProviderServer {
  return { host, port: 995, security: 'tls', username };
}
