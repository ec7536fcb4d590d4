// Resolves a server name to the addresses to try, the way the operating system would.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { bareHost } from '../../../shared/server-settings.ts';

/** All addresses for `host` in the resolver's order; an IP literal resolves to itself. */
export async function resolveHost(host: string): Promise<string[]> {
  const bare = bareHost(host);
  if (isIP(bare)) return [bare];
  const found = await lookup(bare, { all: true, order: 'verbatim' });
  return found.map((entry) => entry.address);
}
