// The server flags shared by `check` and `accounts add`, and how they become checked settings.
import { FingerprintSchema } from '../../shared/ipc-contract.ts';
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import { defaultIncomingPort, EmailSchema, IncomingProtocolSchema, SecuritySchema, ServerSettingsSchema, type IncomingProtocol, type ServerSettings } from '../../shared/server-settings.ts';
import { quoted, UsageError } from './cli-io.ts';
import { say } from './cli-language.ts';
import { flagProblem } from './flag-problem.ts';

/** parseArgs options for the server and check flags. */
export const serverFlagOptions = {
  email: { type: 'string' },
  protocol: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  security: { type: 'string' },
  username: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  'allow-insecure': { type: 'boolean', default: false },
  timeout: { type: 'string' },
  'trust-certificate': { type: 'string' },
  auth: { type: 'string' },
  'access-token-stdin': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-security': { type: 'string' },
  'smtp-username': { type: 'string' },
  'smtp-password-stdin': { type: 'boolean', default: false },
  'smtp-trust-certificate': { type: 'string' },
  only: { type: 'string' },
  'send-test-message': { type: 'boolean', default: false },
  transcript: { type: 'boolean', default: false },
} as const;

export interface ServerFlagValues {
  email?: string | undefined;
  protocol?: string | undefined;
  host?: string | undefined;
  port?: string | undefined;
  security?: string | undefined;
  username?: string | undefined;
  timeout?: string | undefined;
  'trust-certificate'?: string | undefined;
  auth?: string | undefined;
}

/**
 * The settings to test: flags first, the rest from discovery. With `incomingTested` false
 * (`--only outgoing`) nothing incoming is needed: what is known is kept for the report's account,
 * and an unknown server stays empty instead of refusing the command.
 */
export async function settingsFromFlags(
  values: ServerFlagValues,
  discover: (email: string) => Promise<DiscoveryResult>,
  incomingTested = true,
): Promise<{ settings: ServerSettings; discovery: DiscoveryResult | null }> {
  if (!values.email) throw new UsageError(say('usage.required', { flag: '--email' }));
  const email = EmailSchema.safeParse(values.email);
  if (!email.success) throw new UsageError(say('usage.notEmail', { flag: '--email', value: quoted(values.email) }));
  if (values.security !== undefined && !SecuritySchema.safeParse(values.security).success) {
    throw new UsageError(say('usage.securityValue', { flag: '--security' }));
  }
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) throw new UsageError(say('usage.portValue', { flag: '--port' }));
  if (values.protocol !== undefined && !IncomingProtocolSchema.safeParse(values.protocol).success) throw new UsageError(say('usage.protocolValue'));
  let discovery: DiscoveryResult | null = null;
  // IMAP unless asked otherwise, or unless discovery found only POP3.
  let protocol: IncomingProtocol = values.protocol === 'pop3' ? 'pop3' : 'imap';
  let found = null;
  if (!values.host) {
    discovery = await discover(email.data);
    if (values.protocol === undefined && !discovery.imap && discovery.pop3) protocol = 'pop3';
    found = (protocol === 'pop3' ? discovery.pop3 : discovery.imap) ?? null;
    if (!found && incomingTested) throw new UsageError(say(protocol === 'pop3' ? 'usage.noPop3SettingsFound' : 'usage.noSettingsFound', { email: email.data }));
  }
  const security = (values.security ?? found?.security ?? 'tls') as ServerSettings['security'];
  const candidate = {
    email: email.data,
    host: values.host ?? found?.host,
    port: values.port !== undefined ? Number(values.port) : (found?.port ?? defaultIncomingPort(protocol, security)),
    security,
    username: values.username ?? found?.username ?? email.data,
    protocol,
  };
  if (!incomingTested && candidate.host === undefined) return { settings: { ...candidate, host: '' }, discovery };
  const parsed = ServerSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new UsageError(flagProblem(parsed.error.issues[0], ''));
  }
  return { settings: parsed.data, discovery };
}

/** Seconds from `--timeout` as milliseconds, or the default. */
export function timeoutFromFlag(value: string | undefined, defaultMs: number): number {
  if (value === undefined) return defaultMs;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300) throw new UsageError(say('usage.timeoutValue'));
  return Math.round(seconds * 1000);
}

/** The fingerprint from `--trust-certificate` (or the flag named), validated. */
export function fingerprintFromFlag(value: string | undefined, flag = 'trust-certificate'): string | undefined {
  if (value === undefined) return undefined;
  const parsed = FingerprintSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(say('usage.fingerprintValue', { flag: `--${flag}` }));
  return parsed.data;
}
