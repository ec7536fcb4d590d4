// Which known provider an account belongs to, by its address's domain or its IMAP server.
import type { DiscoveredProvider } from '../../../shared/discovery-result.ts';
import { findProviderByDomain, findProviderByImapHost } from '../../../shared/providers/find-provider.ts';
import type { CheckInput } from '../check/check-input.ts';
import { describeProvider } from './provider-result.ts';

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
}

/** The bundled provider for this address (or, for a custom domain, for this IMAP host), if any. */
export function providerForAccount(email: string, host?: string): DiscoveredProvider | null {
  const domain = domainOf(email);
  const entry = findProviderByDomain(domain) ?? (host ? findProviderByImapHost(host, domain) : undefined);
  return entry ? describeProvider(entry) : null;
}

/** The provider facts the check's failure texts use (name, help page, how it signs in). */
export function providerHint(email: string, host?: string): CheckInput['provider'] {
  const provider = providerForAccount(email, host);
  return provider ? { name: provider.name, helpUrl: provider.helpUrl, auth: provider.auth } : undefined;
}
