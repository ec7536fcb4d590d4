// Which known provider an account belongs to, by its address's domain or its IMAP server.
import type { DiscoveredProvider, ProviderHint } from '../../../shared/discovery-result.ts';
import { findProviderByDomain, findProviderByImapHost } from '../../../shared/providers/find-provider.ts';
import { emailDomain } from '../../../shared/server-settings.ts';
import { describeProvider } from './provider-result.ts';

/** The bundled provider for this address (or, for a custom domain, for this IMAP host), if any. */
export function providerForAccount(email: string, host?: string): DiscoveredProvider | null {
  const domain = emailDomain(email);
  const entry = findProviderByDomain(domain) ?? (host ? findProviderByImapHost(host, domain) : undefined);
  return entry ? describeProvider(entry) : null;
}

/** The provider facts the check's failure texts use (name, help page, how it signs in). */
export function providerHintOf(provider: DiscoveredProvider | null): ProviderHint | undefined {
  return provider ? { name: provider.name, helpUrl: provider.helpUrl, auth: provider.auth } : undefined;
}

/** The provider hint for an account, found as {@link providerForAccount} finds it. */
export function providerHint(email: string, host?: string): ProviderHint | undefined {
  return providerHintOf(providerForAccount(email, host));
}
