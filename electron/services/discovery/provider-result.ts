// Turns a bundled provider entry into the discovery result the UI and the CLI show.
import type { DiscoveredProvider, DiscoveryResult, DiscoverySource } from '../../../shared/discovery-result.ts';
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
