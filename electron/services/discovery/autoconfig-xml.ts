// Reads a Thunderbird autoconfig document (ISPDB or the domain's own) into IMAP, POP3 and SMTP settings, or rejects it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type { AuthKind, DiscoveredImap, DiscoveredServer } from '../../../shared/discovery-result.ts';
import { hasLineBreakingCharacters, type Security } from '../../../shared/server-settings.ts';
import type { EmailAddress } from './email-address.ts';
import { expandPlaceholders, hasPlaceholder } from './placeholders.ts';
import { normaliseServerHostname } from './server-hostname.ts';

/** Real documents are a few KiB; anything near this is a mistake or an attack. */
export const maxAutoconfigBytes = 512 * 1024;

/** Thrown for a document that is malformed, oversized, or hostile; nothing from it is used. */
export class AutoconfigRejectedError extends Error {
  constructor(reason: string) {
    super(`autoconfig document rejected: ${reason}`);
    this.name = 'AutoconfigRejectedError';
  }
}

/** What a valid document says about incoming and outgoing mail for one address. */
export interface AutoconfigFinding {
  /** Null only for a POP3-only document (`pop3Only`). */
  imap: DiscoveredImap | null;
  /** The best `incomingServer type="pop3"`, or null when the document names none. */
  pop3: DiscoveredServer | null;
  /** The document offers POP3 but no IMAP. */
  pop3Only: boolean;
  /** The best `outgoingServer type="smtp"`, or null when the document names none. */
  smtp: DiscoveredServer | null;
  displayName: string | null;
  auth: AuthKind;
  /** The provider's documentation page, only when it is https. */
  helpUrl: string | null;
}

const arrayTags = new Set(['emailProvider', 'domain', 'incomingServer', 'outgoingServer', 'authentication', 'documentation', 'descr']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities stay unexpanded: no billion-laughs, no external entities, whatever the document says.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 32,
  isArray: (tagName) => arrayTags.has(tagName),
});

const shortText = z.string().max(1000);
const ServerSchema = z.looseObject({
  '@_type': z.enum(['imap', 'pop3', 'smtp']),
  hostname: z.string().min(1).max(253),
  port: z.string().regex(/^[0-9]{1,5}$/),
  socketType: z.enum(['SSL', 'STARTTLS', 'plain']),
  // Optional only for SMTP, where a missing username means the sign-in of the incoming server.
  username: z.string().min(1).max(320).optional(),
  authentication: z.array(z.string().max(64)).max(20).optional(),
});
const DocumentSchema = z.looseObject({
  clientConfig: z.looseObject({
    emailProvider: z
      .array(
        z.looseObject({
          '@_id': shortText.optional(),
          domain: z.array(shortText).max(5000).optional(),
          displayName: shortText.optional(),
          incomingServer: z.array(z.looseObject({ '@_type': z.string().max(32) })).min(1).max(50),
          outgoingServer: z.array(z.looseObject({ '@_type': z.string().max(32) })).max(50).optional(),
          documentation: z.array(z.looseObject({ '@_url': shortText })).max(50).optional(),
        }),
      )
      .length(1),
  }),
});

const securityBySocketType: Record<'SSL' | 'STARTTLS' | 'plain', Security> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };
const securityRank: Record<Security, number> = { tls: 0, starttls: 1, none: 2 };
const dangerousScheme = /^\s*(javascript|data|vbscript|file)\s*:/i;

/** Walks every string in the parsed tree; one script or data URL anywhere rejects the document. */
function assertNoDangerousUrls(node: unknown, depth = 0): void {
  if (depth > 40) throw new AutoconfigRejectedError('nested too deeply');
  if (typeof node === 'string') {
    if (dangerousScheme.test(node)) throw new AutoconfigRejectedError('it contains a script or data URL');
  } else if (Array.isArray(node)) {
    for (const item of node) assertNoDangerousUrls(item, depth + 1);
  } else if (node !== null && typeof node === 'object') {
    for (const value of Object.values(node)) assertNoDangerousUrls(value, depth + 1);
  }
}

function decodePredefinedEntities(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

function authKindOf(methods: readonly string[] | undefined): AuthKind {
  const list = methods ?? [];
  const password = list.some((method) => /^(password-cleartext|password-encrypted|plain|secure)$/i.test(method));
  return !password && list.some((method) => /^oauth2$/i.test(method)) ? 'oauth2' : 'password';
}

function toServer(server: z.infer<typeof ServerSchema>, email: EmailAddress): DiscoveredServer {
  const host = normaliseServerHostname(expandPlaceholders(server.hostname, email));
  if (host === null) throw new AutoconfigRejectedError(`"${server.hostname.slice(0, 80)}" is not a server name`);
  const port = Number(server.port);
  if (port < 1 || port > 65535) throw new AutoconfigRejectedError(`port ${server.port} is out of range`);
  if (server.username === undefined && server['@_type'] !== 'smtp') throw new AutoconfigRejectedError(`an ${server['@_type'].toUpperCase()} server names no username`);
  // Entities stay unexpanded by the parser, so the five predefined ones are decoded here (`Tom &amp; Jerry` is `Tom & Jerry`).
  const username = expandPlaceholders(decodePredefinedEntities(server.username ?? '%EMAILADDRESS%'), email);
  if (hasPlaceholder(username) || hasLineBreakingCharacters(username)) throw new AutoconfigRejectedError('the username is unusable');
  return { host, port, security: securityBySocketType[server.socketType], username };
}

/**
 * The most secure server of `type` among `entries` (the document's order breaks ties), port 25
 * last since it is the relay port that often refuses a mail app. Throws for a malformed entry.
 */
function bestServer(entries: readonly { '@_type': string }[], type: 'imap' | 'pop3' | 'smtp', email: EmailAddress): { server: DiscoveredServer; auth: AuthKind } | null {
  const candidates: { server: DiscoveredServer; auth: AuthKind }[] = [];
  for (const entry of entries) {
    if (entry['@_type'] !== type) continue;
    const checked = ServerSchema.safeParse(entry);
    if (!checked.success) throw new AutoconfigRejectedError(`an ${type.toUpperCase()} server entry has the wrong shape`);
    candidates.push({ server: toServer(checked.data, email), auth: authKindOf(checked.data.authentication) });
  }
  const rank = (server: DiscoveredServer) => securityRank[server.security] * 2 + (server.port === 25 ? 1 : 0);
  // Stable sort: the document's own order decides among servers with the same rank.
  return candidates.sort((a, b) => rank(a.server) - rank(b.server))[0] ?? null;
}

/**
 * Parses and validates one document. Returns null for a valid document with neither IMAP nor
 * POP3 (Exchange only, say); `imap: null, pop3Only: true` (with `pop3`) for a POP3-only one; throws
 * AutoconfigRejectedError for anything malformed or hostile.
 */
export function parseAutoconfigXml(xml: string, email: EmailAddress): AutoconfigFinding | null {
  if (Buffer.byteLength(xml) > maxAutoconfigBytes) throw new AutoconfigRejectedError('it is too large');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new AutoconfigRejectedError('it declares a DTD or entities');
  if (XMLValidator.validate(xml) !== true) throw new AutoconfigRejectedError('it is not well-formed XML');
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch {
    throw new AutoconfigRejectedError('it is not well-formed XML');
  }
  assertNoDangerousUrls(parsed);
  const document = DocumentSchema.safeParse(parsed);
  if (!document.success) throw new AutoconfigRejectedError('it does not have the autoconfig shape');
  const provider = document.data.clientConfig.emailProvider[0];
  if (!provider) throw new AutoconfigRejectedError('it names no provider');

  const imap = bestServer(provider.incomingServer, 'imap', email);
  const pop3 = bestServer(provider.incomingServer, 'pop3', email);
  const pop3Only = !imap && pop3 !== null;
  if (!imap && !pop3Only) return null;
  const smtp = bestServer(provider.outgoingServer ?? [], 'smtp', email);
  const helpUrl = (provider.documentation ?? []).map((doc) => doc['@_url']).find((url) => /^https:\/\/[^\s]+$/i.test(url) && URL.canParse(url));
  return {
    imap: imap?.server ?? null,
    pop3: pop3?.server ?? null,
    pop3Only,
    smtp: smtp?.server ?? null,
    displayName: provider.displayName ? decodePredefinedEntities(provider.displayName).slice(0, 200) : null,
    auth: (imap ?? pop3)?.auth ?? 'password',
    helpUrl: helpUrl ?? null,
  };
}
