// The outgoing-server flags of `check` and `accounts add` (--smtp-…, --only) and how they become checked settings.
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import { defaultOutgoingPorts, OutgoingSettingsSchema, SecuritySchema, type OutgoingSettings, type ServerSettings } from '../../shared/server-settings.ts';
import { UsageError } from './cli-io.ts';
import { say } from './cli-language.ts';
import { flagProblem } from './flag-problem.ts';

/** The flags read here. */
export interface OutgoingFlagValues {
  'smtp-host'?: string | undefined;
  'smtp-port'?: string | undefined;
  'smtp-security'?: string | undefined;
  'smtp-username'?: string | undefined;
  only?: string | undefined;
}

/** `--only incoming|outgoing`, validated. */
export function onlyFromFlag(value: string | undefined): 'incoming' | 'outgoing' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'incoming' && value !== 'outgoing') throw new UsageError(say('usage.onlyValue'));
  return value;
}

/**
 * The outgoing server: the --smtp-… flags first, the rest from discovery's `smtp` (when discovery
 * ran); undefined when no outgoing server is known, so that only incoming mail is tested.
 */
export function outgoingFromFlags(values: OutgoingFlagValues, incoming: ServerSettings, discovery: DiscoveryResult | null): OutgoingSettings | undefined {
  if (values['smtp-security'] !== undefined && !SecuritySchema.safeParse(values['smtp-security']).success) {
    throw new UsageError(say('usage.securityValue', { flag: '--smtp-security' }));
  }
  if (values['smtp-port'] !== undefined && !/^\d{1,5}$/.test(values['smtp-port'])) throw new UsageError(say('usage.portValue', { flag: '--smtp-port' }));
  const discovered = discovery?.smtp ?? undefined;
  const host = values['smtp-host'] ?? discovered?.host;
  if (host === undefined) {
    const given = (['smtp-port', 'smtp-security', 'smtp-username'] as const).find((name) => values[name] !== undefined);
    if (given) throw new UsageError(say('usage.needsSmtpHost', { flag: `--${given}` }));
    return undefined;
  }
  // A discovered server's values belong together; a typed host takes the usual submission port.
  const fromDiscovery = values['smtp-host'] === undefined ? discovered : undefined;
  const security = (values['smtp-security'] ?? fromDiscovery?.security ?? 'starttls') as OutgoingSettings['security'];
  const candidate = {
    host,
    port: values['smtp-port'] !== undefined ? Number(values['smtp-port']) : (fromDiscovery?.port ?? defaultOutgoingPorts[security]),
    security,
    username: values['smtp-username'] ?? fromDiscovery?.username ?? incoming.username,
  };
  const parsed = OutgoingSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new UsageError(flagProblem(parsed.error.issues[0], 'smtp-'));
  }
  return parsed.data;
}
