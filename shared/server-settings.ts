// Server settings of an account's incoming (IMAP or POP3) server and the rules every boundary applies to them.
import { z } from 'zod';
import { toAsciiDomain } from './email-address.ts';

export const securityModes = ['tls', 'starttls', 'none'] as const;
export const SecuritySchema = z.enum(securityModes);
/** How the connection is encrypted: implicit TLS, STARTTLS upgrade, or not at all. */
export type Security = z.infer<typeof SecuritySchema>;

/** CR, LF and NUL would let a value break out of an IMAP command line. */
const lineBreakingCharacters = /[\r\n\0]/;

/** True when `value` holds CR, LF or NUL, any of which could end an IMAP command line early. */
export function hasLineBreakingCharacters(value: string): boolean {
  return lineBreakingCharacters.test(value);
}

/** A username or password: any character except CR, LF and NUL. */
export const CredentialTextSchema = z
  .string()
  .refine((value) => !hasLineBreakingCharacters(value), {
    message: 'must not contain line breaks or NUL characters',
  });

/** The longest password any boundary accepts (the IPC contract and the accounts service alike). */
export const maxPasswordLength = 4096;

/** A lenient but real email check: one @, a non-empty local part, a dotted or IDN domain. */
export const EmailSchema = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'is not an email address')
  .refine((value) => !hasLineBreakingCharacters(value), { message: 'must not contain line breaks' });

/** What follows the last "@" of an address, as typed (provider look-ups normalise case themselves). */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** A DNS name or an IP literal; no scheme, no path, no spaces. */
export const HostSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(253)
  .regex(/^(\[[0-9a-fA-F:.]+\]|[^\s/:@?#[\]]+|[0-9a-fA-F:]+)$/, 'is not a valid server name');

/**
 * The host as sockets, DNS and TLS want it: without the brackets of an IPv6 literal ("[::1]" →
 * "::1"), lower case, and an internationalised name in ASCII ("mail.bücher.de" → "mail.xn--bcher-kva.de").
 */
export function bareHost(host: string): string {
  return toAsciiDomain(host.replace(/^\[|\]$/g, ''));
}

export const PortSchema = z.number().int().min(1).max(65535);

export const incomingProtocols = ['imap', 'pop3'] as const;
export const IncomingProtocolSchema = z.enum(incomingProtocols);
/** How mail is read: IMAP keeps it on the server in sync everywhere; POP3 downloads it to one device. */
export type IncomingProtocol = z.infer<typeof IncomingProtocolSchema>;

/** Where and how to reach the incoming server for one account; no `protocol` means IMAP (settings saved before POP3). */
export const ServerSettingsSchema = z.object({
  email: EmailSchema,
  host: HostSchema,
  port: PortSchema,
  security: SecuritySchema,
  username: CredentialTextSchema.pipe(z.string().min(1, 'is required')),
  protocol: IncomingProtocolSchema.optional(),
});
export type ServerSettings = z.infer<typeof ServerSettingsSchema>;

/** The incoming protocol of settings that may predate POP3. */
export function protocolOf(value: Pick<ServerSettings, 'protocol'>): IncomingProtocol {
  return value.protocol ?? 'imap';
}

/** Just the server settings of a value that has more (a saved account), in the contract's key order, the protocol always named. */
export function serverSettingsOf(value: ServerSettings): ServerSettings & { protocol: IncomingProtocol } {
  return { email: value.email, host: value.host, port: value.port, security: value.security, username: value.username, protocol: protocolOf(value) };
}

/** The usual IMAP port for each security mode. */
export const defaultPorts: Record<Security, number> = { tls: 993, starttls: 143, none: 143 };

/** The usual POP3 port for each security mode (RFC 8314: 995; RFC 2595 STLS on 110). */
export const defaultPop3Ports: Record<Security, number> = { tls: 995, starttls: 110, none: 110 };

/** The usual incoming port for a protocol and security mode. */
export function defaultIncomingPort(protocol: IncomingProtocol, security: Security): number {
  return (protocol === 'pop3' ? defaultPop3Ports : defaultPorts)[security];
}

/** Where and how to reach the outgoing (SMTP submission) server; the address is the account's. */
export const OutgoingSettingsSchema = z.object({
  host: HostSchema,
  port: PortSchema,
  security: SecuritySchema,
  username: CredentialTextSchema.pipe(z.string().min(1, 'is required')),
});
export type OutgoingSettings = z.infer<typeof OutgoingSettingsSchema>;

/** The usual submission port for each security mode (RFC 8314: 465; RFC 6409: 587). Port 25 only when typed. */
export const defaultOutgoingPorts: Record<Security, number> = { tls: 465, starttls: 587, none: 587 };
