// Reads the ISPDB snapshot's XML files into plain records: domains, the best IMAP, POP3 and SMTP server, sign-in kind.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { domainToASCII } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { AuthKind } from '../../shared/discovery-result.ts';
import { ProviderHostSchema, UsernameFormSchema, type ProviderServer } from '../../shared/providers/provider-schema.ts';
import type { Security } from '../../shared/server-settings.ts';

/** One ISPDB file, reduced to what the app uses. */
export interface IspdbFile {
  /** The file name without ".xml" ("gmx.net"). */
  file: string;
  name: string;
  /** ASCII (punycode) address domains, lower case, as the file lists them. */
  domains: string[];
  /** The best usable IMAP server, and every usable one (the curated table may choose another). */
  imap: ProviderServer | null;
  imapAll: ProviderServer[];
  smtp: ProviderServer | null;
  smtpAll: ProviderServer[];
  /** The file offers a POP3 server. */
  pop3: boolean;
  /** The best usable POP3 server, if any. */
  pop3Server: ProviderServer | null;
  auth: AuthKind;
  helpUrl: string | null;
  /** Servers the app cannot use, with the reason (an unusual username form, say). */
  skipped: string[];
}

interface RawServer {
  '@_type'?: string;
  hostname?: string;
  port?: string | number;
  socketType?: string;
  username?: string;
  authentication?: string[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ['emailProvider', 'domain', 'incomingServer', 'outgoingServer', 'authentication', 'documentation'].includes(name),
});

const securityOf: Record<string, Security> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };
const securityRank: Record<Security, number> = { tls: 0, starttls: 1, none: 2 };

function toServer(raw: RawServer, skipped: string[]): ProviderServer | null {
  const where = `${raw['@_type']} ${raw.hostname}:${raw.port}`;
  const host = String(raw.hostname ?? '').trim().toLowerCase().replaceAll('%emaildomain%', '%EMAILDOMAIN%');
  const security = securityOf[String(raw.socketType)];
  const port = Number(raw.port);
  // An outgoing server without a username signs in like the incoming one: with the address.
  const username = UsernameFormSchema.safeParse(raw.username ?? (raw['@_type'] === 'smtp' ? '%EMAILADDRESS%' : undefined));
  if (!ProviderHostSchema.safeParse(host).success) skipped.push(`${where}: unusable host name`);
  else if (security === undefined) skipped.push(`${where}: socket type ${raw.socketType}`);
  else if (!Number.isInteger(port) || port < 1 || port > 65535) skipped.push(`${where}: port`);
  else if (!username.success) skipped.push(`${where}: username form ${raw.username}`);
  else return { host, port, security, username: username.data };
  return null;
}

/** The usable servers of a type, most secure first, port 25 last, the file's order breaking ties. */
function rankedServers(raws: readonly RawServer[], type: 'imap' | 'pop3' | 'smtp', skipped: string[]): ProviderServer[] {
  const servers = raws.filter((raw) => raw['@_type'] === type).map((raw) => toServer(raw, skipped)).filter((server) => server !== null);
  const rank = (server: ProviderServer) => securityRank[server.security] * 2 + (server.port === 25 ? 1 : 0);
  return servers.sort((a, b) => rank(a) - rank(b));
}

function authOf(raws: readonly RawServer[]): AuthKind {
  const methods = (raws.find((raw) => raw['@_type'] === 'imap') ?? raws.find((raw) => raw['@_type'] === 'pop3'))?.authentication ?? [];
  const password = methods.some((method) => /^password-/i.test(method));
  return !password && methods.some((method) => /^oauth2$/i.test(method)) ? 'oauth2' : 'password';
}

/** Parses one ISPDB document. */
export function readIspdbXml(file: string, xml: string): IspdbFile {
  const provider = parser.parse(xml)?.clientConfig?.emailProvider?.[0];
  if (!provider) throw new Error(`${file}: no emailProvider`);
  const skipped: string[] = [];
  const incoming: RawServer[] = provider.incomingServer ?? [];
  const outgoing: RawServer[] = provider.outgoingServer ?? [];
  const domains = (provider.domain ?? []).map((domain: unknown) => domainToASCII(String(domain).trim().toLowerCase())).filter((domain: string) => domain !== '');
  const docs: { '@_url'?: string }[] = provider.documentation ?? [];
  const imapAll = rankedServers(incoming, 'imap', skipped);
  const smtpAll = rankedServers(outgoing, 'smtp', skipped);
  const pop3All = rankedServers(incoming, 'pop3', skipped);
  return {
    file,
    name: String(provider.displayName ?? file).trim(),
    domains: [...new Set<string>(domains)],
    imap: imapAll[0] ?? null,
    imapAll,
    smtp: smtpAll[0] ?? null,
    smtpAll,
    pop3: incoming.some((raw) => raw['@_type'] === 'pop3'),
    pop3Server: pop3All[0] ?? null,
    auth: authOf(incoming),
    helpUrl: docs.map((doc) => doc['@_url'] ?? '').find((url) => /^https:\/\/\S+$/.test(url) && URL.canParse(url)) ?? null,
    skipped,
  };
}

/** Reads every `*.xml` in `folder`, sorted by name. */
export async function readIspdbFolder(folder: string): Promise<IspdbFile[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.xml')).sort();
  return Promise.all(names.map(async (name) => readIspdbXml(name.slice(0, -'.xml'.length), await readFile(join(folder, name), 'utf8'))));
}
