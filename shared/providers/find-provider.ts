// Look-ups into the bundled provider data (curated table on top, then the ISPDB): by domain, MX host, IMAP host, id.
import { ispdbAliases, ispdbProviders } from './ispdb-providers.ts';
import type { ProviderEntry } from './provider-schema.ts';
import { providerTable } from './provider-table.ts';

interface Indexes {
  byDomain: Map<string, ProviderEntry>;
  byId: Map<string, ProviderEntry>;
  byMxSuffix: Map<string, ProviderEntry>;
}

let indexes: Indexes | undefined;

/**
 * Built on first use, so that importing the data costs nothing until discovery runs. A curated
 * domain wins over the ISPDB's; a domain the ISPDB files with a curated provider gets that
 * provider's entry (its sign-in kind, help page and notes).
 */
function getIndexes(): Indexes {
  if (indexes) return indexes;
  const built: Indexes = { byDomain: new Map(), byId: new Map(), byMxSuffix: new Map() };
  const addDomain = (domain: string, entry: ProviderEntry) => {
    if (!built.byDomain.has(domain)) built.byDomain.set(domain, entry);
  };
  for (const entry of providerTable) {
    built.byId.set(entry.id, entry);
    for (const domain of entry.domains) addDomain(domain, entry);
    for (const suffix of entry.mxSuffixes ?? []) if (!built.byMxSuffix.has(suffix)) built.byMxSuffix.set(suffix, entry);
  }
  for (const [id, domains] of Object.entries(ispdbAliases)) {
    const entry = built.byId.get(id);
    if (entry) for (const domain of domains) addDomain(domain, entry);
  }
  for (const entry of ispdbProviders) {
    if (!built.byId.has(entry.id)) built.byId.set(entry.id, entry);
    for (const domain of entry.domains) addDomain(domain, entry);
  }
  indexes = built;
  return built;
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** The provider whose addresses end in `@domain` (an ASCII/punycode domain), if bundled. */
export function findProviderByDomain(domain: string): ProviderEntry | undefined {
  return getIndexes().byDomain.get(normalise(domain));
}

/** Every address domain the bundled data knows (ASCII), for spotting a mistyped one. */
export function knownProviderDomains(): string[] {
  return [...getIndexes().byDomain.keys()];
}

/** The provider that hosts mail for an MX host name, by the longest matching MX suffix. */
export function findProviderByMxHost(mxHost: string): ProviderEntry | undefined {
  const labels = normalise(mxHost).split('.');
  // Walking from the full name towards the shortest suffix finds the longest match first.
  for (let start = 0; start < labels.length - 1; start += 1) {
    const found = getIndexes().byMxSuffix.get(labels.slice(start).join('.'));
    if (found) return found;
  }
  return undefined;
}

/**
 * The provider running the IMAP server `host`, to label settings found by other means.
 * When several share a server (Gmail and Google Workspace), the one listing `domain` wins,
 * then one without address domains of its own, since a custom domain is a business account.
 * The curated table is asked first, then the ISPDB's providers.
 */
export function findProviderByImapHost(host: string, domain?: string): ProviderEntry | undefined {
  const wanted = normalise(host);
  for (const table of [providerTable, ispdbProviders]) {
    const matches = table.filter((entry) => entry.imapAvailable && entry.imap.host === wanted);
    if (domain !== undefined) {
      const owner = matches.find((entry) => entry.domains.includes(normalise(domain)));
      if (owner) return owner;
    }
    const found = matches.find((entry) => entry.domains.length === 0) ?? matches[0];
    if (found) return found;
  }
  return undefined;
}

/** The provider with this stable id. */
export function findProviderById(id: string): ProviderEntry | undefined {
  return getIndexes().byId.get(id);
}
