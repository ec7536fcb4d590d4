// The network sources of discovery in their priority order, each a task for the priority race.
import type { DiscoveryResult } from '../../../shared/discovery-result.ts';
import type { CaCertificates, ConnectPort, DnsPort } from '../net/net-ports.ts';
import type { FetchText } from './discovery-ports.ts';
import type { EmailAddress } from './email-address.ts';
import { domainAutoconfigUrls, fetchAutoconfig, ispdbUrl } from './autoconfig-source.ts';
import { discoverByGuessing } from './guess-source.ts';
import { discoverByMx } from './mx-source.ts';
import type { RankedTask } from './priority-race.ts';
import { discoverBySrv } from './srv-source.ts';

/** Everything the network sources use, already wrapped for one discovery run. */
export interface SourceContext {
  email: EmailAddress;
  ispdbBaseUrl: string;
  dns: DnsPort;
  connect: ConnectPort;
  fetchText: FetchText;
  caCertificates?: CaCertificates | undefined;
  probeTimeoutMs: number;
}

/**
 * The ranked tasks: the domain's own autoconfig over https, the ISPDB, SRV, MX, then autoconfig
 * over plain http (flagged for confirmation, so below every authenticated or DNS answer), then
 * guessing, which proves only that some IMAP server answers at a likely name.
 */
export function networkSourceTasks(context: SourceContext): RankedTask<DiscoveryResult>[] {
  const { email, fetchText } = context;
  const ispdb = (domain: string, signal: AbortSignal) =>
    fetchAutoconfig(ispdbUrl(context.ispdbBaseUrl, domain), 'ispdb', email, fetchText, signal);
  const autoconfig = (url: string) => (signal: AbortSignal) => fetchAutoconfig(url, 'autoconfig', email, fetchText, signal);
  return [
    ...domainAutoconfigUrls(email, 'https').map(autoconfig),
    (signal) => ispdb(email.domain, signal),
    (signal) => discoverBySrv(email, context.dns, signal),
    (signal) => discoverByMx(email, context.dns, ispdb, signal),
    ...domainAutoconfigUrls(email, 'http').map(autoconfig),
    (signal) =>
      discoverByGuessing(email, { connect: context.connect, caCertificates: context.caCertificates, timeoutMs: context.probeTimeoutMs }, signal),
  ];
}
