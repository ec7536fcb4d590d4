// Fetches autoconfig documents: the ISPDB's and the domain's own, over https and (flagged) http.
import type { DiscoveryResult, DiscoverySource } from '../../../shared/discovery-result.ts';
import { findProviderByImapHost } from '../../../shared/providers/find-provider.ts';
import { pop3OnlyNote } from '../../../shared/providers/pop3-only.ts';
import type { FetchText } from './discovery-ports.ts';
import type { EmailAddress } from './email-address.ts';
import { maxAutoconfigBytes, parseAutoconfigXml } from './autoconfig-xml.ts';
import { describeProvider } from './provider-result.ts';

/** The ISPDB document URL for a domain under a base ending in "/". */
export function ispdbUrl(baseUrl: string, domain: string): string {
  return `${baseUrl}${encodeURIComponent(domain)}`;
}

/** The domain's own autoconfig URLs, best first; the address is sent only over https. */
export function domainAutoconfigUrls(email: EmailAddress, scheme: 'https' | 'http'): string[] {
  const query = scheme === 'https' ? `?emailaddress=${encodeURIComponent(email.address)}` : '';
  return [
    `${scheme}://autoconfig.${email.domain}/mail/config-v1.1.xml${query}`,
    `${scheme}://${email.domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
  ];
}

/**
 * Fetches and parses one autoconfig document into a result labelled `source`. Null when there is
 * none (404, neither IMAP nor POP3); a rejected document also gives null, so a hostile server
 * gains nothing. A POP3-only document gives its POP3 and SMTP servers with a note that says so.
 */
export async function fetchAutoconfig(
  url: string,
  source: DiscoverySource,
  email: EmailAddress,
  fetchText: FetchText,
  signal: AbortSignal,
): Promise<DiscoveryResult | null> {
  const response = await fetchText(url, { signal, maxBytes: maxAutoconfigBytes });
  if (response.status !== 200) return null;
  let finding;
  try {
    finding = parseAutoconfigXml(response.body, email);
  } catch {
    return null;
  }
  if (!finding) return null;
  const name = finding.displayName ?? email.unicodeDomain;
  // A link from a document anyone on the path could have written is not shown.
  const helpUrl = response.secure ? finding.helpUrl : null;
  const known = finding.imap ? findProviderByImapHost(finding.imap.host, email.domain) : undefined;
  const result: DiscoveryResult = {
    source,
    imap: finding.imap,
    smtp: finding.smtp,
    pop3: finding.pop3,
    provider: known
      ? describeProvider(known)
      : finding.imap
        ? { name, auth: finding.auth, helpUrl }
        : { name, auth: finding.auth, helpUrl, imapAvailable: false, pop3Only: true, note: pop3OnlyNote(name) },
  };
  if (!response.secure) result.needsConfirmation = true;
  return result;
}
