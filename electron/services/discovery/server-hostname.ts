// Decides whether a server name taken from the network (autoconfig, SRV, MX) is one we may use.
import { isIP } from 'node:net';
import { DomainNameSchema } from '../../../shared/providers/provider-schema.ts';

/** The name in lower case without its trailing dot, or null when it is no host name or IP literal. */
export function normaliseServerHostname(value: string): string | null {
  const name = value.trim().toLowerCase().replace(/\.$/, '');
  if (name.length === 0 || name.length > 253) return null;
  if (isIP(name) !== 0 || name === 'localhost') return name;
  if (!DomainNameSchema.safeParse(name).success) return null;
  // A numeric top-level label means a mangled IP address, not a name.
  if (/\.[0-9]+$/.test(name)) return null;
  return name;
}
