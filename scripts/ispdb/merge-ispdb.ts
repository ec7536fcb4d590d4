// Decides, for every ISPDB file, whether its domains join a curated provider or become an ISPDB-only entry.
import { pop3OnlyNote } from '../../shared/providers/pop3-only.ts';
import type { ProviderEntry, ProviderServer } from '../../shared/providers/provider-schema.ts';
import type { IspdbFile } from './read-ispdb.ts';

/** Where curated data and the ISPDB say different things and the curated entry does not explain why. */
export interface Disagreement {
  file: string;
  curatedId: string;
  ours: string;
  theirs: string;
}

/** The merge: domains for curated providers, ISPDB-only entries, and what must be resolved by hand. */
export interface IspdbMerge {
  /** Curated id → further address domains that the ISPDB files with it (servers agreeing, or the difference explained). */
  aliases: Record<string, string[]>;
  entries: ProviderEntry[];
  disagreements: Disagreement[];
  /** Files that have neither IMAP nor POP3 the app could name, with the reason. */
  unused: string[];
}

function describe(server: ProviderServer | null): string {
  return server ? `${server.host}:${server.port} ${server.security} ${server.username}` : 'none';
}

function settingsOf(entry: ProviderEntry): string {
  return entry.imapAvailable ? `IMAP ${describe(entry.imap)}; SMTP ${describe(entry.smtp)}` : 'no IMAP';
}

function settingsOfFile(file: IspdbFile): string {
  return `IMAP ${describe(file.imap)}; SMTP ${describe(file.smtp)}${file.pop3 ? '; POP3' : ''}`;
}

function sameServer(a: ProviderServer, b: ProviderServer): boolean {
  return a.host === b.host && a.port === b.port && a.security === b.security && a.username === b.username;
}

/** The ISPDB agrees when it offers our IMAP server and, where it names any, our SMTP server among its choices. */
function agrees(entry: ProviderEntry, file: IspdbFile): boolean {
  if (!entry.imapAvailable || !file.imap) return !entry.imapAvailable && !file.imap;
  const { imap, smtp } = entry;
  return file.imapAll.some((server) => sameServer(imap, server)) && (file.smtpAll.length === 0 || file.smtpAll.some((server) => sameServer(smtp, server)));
}

/** A stable kebab-case id from the file name ("t-online.de" → "ispdb-t-online-de"). */
export function ispdbId(file: string): string {
  return `ispdb-${file.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

function entryFor(file: IspdbFile, domains: string[]): ProviderEntry | null {
  const common = { id: ispdbId(file.file), name: file.name, domains, auth: file.auth, helpUrl: file.helpUrl };
  // Without an outgoing server in the file, sending goes through the incoming host's submission port.
  const incoming = file.imap ?? file.pop3Server;
  const smtp = file.smtp ?? (incoming ? { host: incoming.host, port: 465, security: 'tls' as const, username: incoming.username } : null);
  if (file.imap && smtp) return { ...common, imapAvailable: true, imap: file.imap, smtp, ...(file.pop3Server ? { pop3: file.pop3Server } : {}) };
  if (file.pop3Server && smtp) return { ...common, imapAvailable: false, pop3Only: true, pop3: file.pop3Server, smtp, note: pop3OnlyNote(file.name) };
  if (file.pop3) return { ...common, imapAvailable: false, pop3Only: true, note: pop3OnlyNote(file.name) };
  return null;
}

/**
 * A file belongs to the curated provider that lists one of its domains or, failing that, to a
 * domain-less curated hosting entry whose servers it offers (Google Workspace, Rackspace…); a
 * university on Microsoft 365 with its own outgoing server stays an entry of its own.
 */
function curatedOwner(file: IspdbFile, curated: readonly ProviderEntry[]): ProviderEntry[] {
  const byDomain = curated.filter((entry) => entry.domains.some((domain) => file.domains.includes(domain)));
  if (byDomain.length > 0) return byDomain;
  return curated.filter((entry) => entry.domains.length === 0 && entry.imapAvailable && agrees(entry, file));
}

/** Merges the ISPDB files under the curated table, which stays on top. */
export function mergeIspdb(files: readonly IspdbFile[], curated: readonly ProviderEntry[]): IspdbMerge {
  const curatedDomains = new Set(curated.flatMap((entry) => entry.domains));
  const claimed = new Set<string>();
  const merge: IspdbMerge = { aliases: {}, entries: [], disagreements: [], unused: [] };
  for (const file of files) {
    // A domain listed by two files goes to the first; curated domains are never taken.
    const fresh = file.domains.filter((domain) => !curatedDomains.has(domain) && !claimed.has(domain));
    const owners = curatedOwner(file, curated);
    const owner = owners[0];
    if (owners.length > 1) {
      merge.disagreements.push({ file: file.file, curatedId: owners.map((entry) => entry.id).join(', '), ours: 'several providers', theirs: settingsOfFile(file) });
    } else if (owner) {
      if (agrees(owner, file) || (owner.imapAvailable && owner.ispdbDiffers)) {
        if (fresh.length > 0) (merge.aliases[owner.id] ??= []).push(...fresh);
        fresh.forEach((domain) => claimed.add(domain));
      } else {
        merge.disagreements.push({ file: file.file, curatedId: owner.id, ours: settingsOf(owner), theirs: settingsOfFile(file) });
      }
    } else {
      const entry = fresh.length > 0 ? entryFor(file, fresh) : null;
      if (entry) {
        merge.entries.push(entry);
        fresh.forEach((domain) => claimed.add(domain));
      } else {
        merge.unused.push(`${file.file}: ${fresh.length === 0 ? 'no domain of its own' : 'neither IMAP nor POP3'}`);
      }
    }
  }
  return merge;
}
