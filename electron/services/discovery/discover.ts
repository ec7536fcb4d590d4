// Discovery: from an email address to IMAP and SMTP settings (and a typo suggestion), bundled data first, then the network in parallel.
import type { DiscoveryResult } from '../../../shared/discovery-result.ts';
import { findProviderByDomain } from '../../../shared/providers/find-provider.ts';
import type { CaCertificates, ConnectPort, DnsPort } from '../net/net-ports.ts';
import type { FetchText } from './discovery-ports.ts';
import { watchNetwork } from './network-evidence.ts';
import { parseEmailAddress } from './email-address.ts';
import { networkSourceTasks } from './discovery-sources.ts';
import { suggestAddress } from './domain-suggestion.ts';
import { createHttpClient } from './http-client.ts';
import { raceByPriority } from './priority-race.ts';
import { resultFromProvider } from './provider-result.ts';

/** What discovery needs; every network effect goes through one of these. */
export interface DiscoveryDeps {
  /** ISPDB base ending in "/" (see `parseIspdbBaseUrl`). */
  ispdbBaseUrl: string;
  /** The longest a discovery may take; the best answer found by then is returned. Default 8000. */
  budgetMs?: number;
  /** If neither DNS nor any connection has answered by now, the machine is offline: stop. Default 2500. */
  offlineGraceMs?: number;
  /** Per HTTP request. Default 4000. */
  requestTimeoutMs?: number;
  /** Per guessing probe. Default 4000. */
  probeTimeoutMs?: number;
  dns: DnsPort;
  connect: ConnectPort;
  caCertificates?: CaCertificates | undefined;
  /** Defaults to an HTTP client over `connect` trusting `caCertificates`. */
  fetchText?: FetchText | undefined;
}

/** The discovery service. */
export interface Discovery {
  /**
   * Settings for `email`, labelled with their source; `source: "none"` when nothing was found.
   * Throws InvalidEmailError for input that is not an address, and the signal's reason on abort.
   */
  discover(email: string, signal?: AbortSignal): Promise<DiscoveryResult>;
}

const nothingFound: DiscoveryResult = { source: 'none', imap: null, smtp: null, pop3: null, provider: null };

/**
 * Builds the provider index and the typo checker's domain list, which take a few milliseconds
 * once, while the user is still typing: the first bundled answer then comes as fast as every
 * later one (well under 1 ms).
 */
function warmUp(): void {
  const email = parseEmailAddress('warm-up@gmail.com');
  const entry = findProviderByDomain(email.domain);
  if (entry) resultFromProvider(entry, email, 'bundled');
  suggestAddress(parseEmailAddress('warm-up@gmial.com'));
}

/** Creates the discovery service over the given ports. */
export function createDiscovery(deps: DiscoveryDeps): Discovery {
  const budgetMs = deps.budgetMs ?? 8000;
  const offlineGraceMs = deps.offlineGraceMs ?? 2500;
  setImmediate(warmUp).unref();

  return {
    async discover(input, signal) {
      const email = parseEmailAddress(input);
      signal?.throwIfAborted();
      // Worked out before anything else, from the bundled data alone; the typed domain is still looked up.
      const suggestion = suggestAddress(email);
      const bundled = findProviderByDomain(email.domain);
      if (bundled) return { ...resultFromProvider(bundled, email, 'bundled'), suggestion };

      // Any DNS answer or opened connection proves the network works; without one, give up early.
      const network = watchNetwork(deps);
      const fetchText =
        network.fetchText ??
        createHttpClient({ connect: network.connect, caCertificates: deps.caCertificates, requestTimeoutMs: deps.requestTimeoutMs ?? 4000 });

      const stop = new AbortController();
      const budget = setTimeout(() => stop.abort(new Error('discovery budget used up')), budgetMs);
      const offline = setTimeout(() => {
        if (!network.answered()) stop.abort(new Error('no network'));
      }, Math.min(offlineGraceMs, budgetMs));
      const onAbort = () => stop.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const tasks = networkSourceTasks({
          email,
          ispdbBaseUrl: deps.ispdbBaseUrl,
          dns: network.dns,
          connect: network.connect,
          fetchText,
          caCertificates: deps.caCertificates,
          probeTimeoutMs: deps.probeTimeoutMs ?? 4000,
        });
        const found = await raceByPriority(tasks, stop.signal);
        signal?.throwIfAborted();
        return { ...(found ?? nothingFound), suggestion };
      } finally {
        clearTimeout(budget);
        clearTimeout(offline);
        signal?.removeEventListener('abort', onAbort);
        stop.abort(new Error('discovery finished'));
      }
    },
  };
}
