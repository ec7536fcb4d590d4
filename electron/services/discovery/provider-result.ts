// Turns a bundled provider entry, or a server found on the network, into the discovery result the UI and the CLI show.
import type { DiscoveredImap, DiscoveredProvider, DiscoveryResult, DiscoverySource } from '../../../shared/discovery-result.ts';
import { findProviderByImapHost } from '../../../shared/providers/find-provider.ts';
import type { ProviderEntry } from '../../../shared/providers/provider-schema.ts';
import type { EmailAddress } from './email-address.ts';
import { expandPlaceholders } from './placeholders.ts';

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
  return provider;
}

/** The provider's settings for this address; `imap` is null for providers without IMAP. */
export function resultFromProvider(entry: ProviderEntry, email: EmailAddress, source: DiscoverySource): DiscoveryResult {
  return {
    source,
    imap: entry.imapAvailable
      ? {
          host: entry.imap.host,
          port: entry.imap.port,
          security: entry.imap.security,
          username: expandPlaceholders(entry.imap.username, email),
        }
      : null,
    provider: describeProvider(entry),
  };
}

/**
 * The result for a server found without a document to name it (SRV, a guess): the full address
 * as username, and the provider when the bundled table knows the host.
 */
export function resultForServer(server: Omit<DiscoveredImap, 'username'>, email: EmailAddress, source: DiscoverySource): DiscoveryResult {
  const known = findProviderByImapHost(server.host, email.domain);
  return {
    source,
    imap: { host: server.host, port: server.port, security: server.security, username: email.address },
    provider: known ? describeProvider(known) : null,
  };
}
