// Turns a bundled provider entry, or servers found on the network (IMAP, POP3, SMTP), into the discovery result the UI and the CLI show.
import type { DiscoveredProvider, DiscoveredServer, DiscoveryResult, DiscoverySource } from '../../../shared/discovery-result.ts';
import { findProviderByImapHost } from '../../../shared/providers/find-provider.ts';
import type { ProviderEntry, ProviderServer } from '../../../shared/providers/provider-schema.ts';
import type { EmailAddress } from './email-address.ts';
import { expandPlaceholders } from './placeholders.ts';

/** A server found on the network, before the username is known. */
export type FoundServer = Omit<DiscoveredServer, 'username'>;

/** What the result says about the provider: its name, how to sign in, where to get help. */
export function describeProvider(entry: ProviderEntry): DiscoveredProvider {
  const provider: DiscoveredProvider = {
    id: entry.id,
    name: entry.name,
    auth: entry.auth,
    helpUrl: entry.helpUrl,
    imapAvailable: entry.imapAvailable,
  };
  if (entry.imapAvailable && entry.appPasswordGroups) provider.appPasswordGroups = true;
  if (!entry.imapAvailable && entry.pop3Only) provider.pop3Only = true;
  if (entry.note !== undefined) provider.note = entry.note;
  return provider;
}

/** One of the provider's servers with the placeholders filled in for this address. */
function serverFor(server: ProviderServer, email: EmailAddress): DiscoveredServer {
  return {
    host: expandPlaceholders(server.host, email),
    port: server.port,
    security: server.security,
    username: expandPlaceholders(server.username, email),
  };
}

/** The provider's settings for this address; `imap` is null for providers without IMAP, `pop3` where none is known. */
export function resultFromProvider(entry: ProviderEntry, email: EmailAddress, source: DiscoverySource): DiscoveryResult {
  return {
    source,
    imap: entry.imapAvailable ? serverFor(entry.imap, email) : null,
    smtp: entry.smtp ? serverFor(entry.smtp, email) : null,
    pop3: entry.pop3 ? serverFor(entry.pop3, email) : null,
    provider: describeProvider(entry),
  };
}

/**
 * The result for servers found without a document to name them (SRV, a guess): the full address
 * as username, and the provider when the bundled table knows the IMAP host.
 */
export function resultForServers(
  servers: { imap: FoundServer | null; smtp: FoundServer | null; pop3?: FoundServer | null | undefined },
  email: EmailAddress,
  source: DiscoverySource,
): DiscoveryResult {
  const known = servers.imap ? findProviderByImapHost(servers.imap.host, email.domain) : undefined;
  const withUsername = (server: FoundServer): DiscoveredServer => ({ host: server.host, port: server.port, security: server.security, username: email.address });
  return {
    source,
    imap: servers.imap ? withUsername(servers.imap) : null,
    smtp: servers.smtp ? withUsername(servers.smtp) : null,
    pop3: servers.pop3 ? withUsername(servers.pop3) : null,
    provider: known ? describeProvider(known) : null,
  };
}
