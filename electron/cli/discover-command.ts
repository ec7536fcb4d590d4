// `mail-setup discover EMAIL [--json]`: prints the settings autodiscovery finds for an address.
import { parseArgs } from 'node:util';
import type { AuthKind, DiscoveredServer, DiscoveryResult, DiscoverySource } from '../../shared/discovery-result.ts';
import type { Security } from '../../shared/server-settings.ts';
import { findProviderById } from '../../shared/providers/find-provider.ts';
import { pop3Difference } from '../../shared/providers/pop3-only.ts';
import type { Discovery } from '../services/discovery/discover.ts';
import { createDefaultDiscovery } from '../services/discovery/default-discovery.ts';
import { EnvConfigError } from '../services/net/net-config.ts';
import { InvalidEmailError } from '../services/discovery/email-address.ts';
import type { CliIo } from './cli-io.ts';

/** Builds the discovery from the environment; tests pass their own. */
export type DiscoveryFactory = (env: NodeJS.ProcessEnv) => Discovery;

const sourceNames: Record<DiscoverySource, string> = {
  bundled: 'the bundled provider table',
  ispdb: 'the Thunderbird ISPDB',
  autoconfig: "the domain's autoconfig document",
  srv: 'DNS SRV records',
  mx: "the domain's MX records",
  guess: 'a guess the server confirmed',
  none: 'nowhere',
};
const securityNames: Record<Security, string> = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'None (unencrypted)' };
const signInNames: Record<AuthKind, string> = {
  password: 'your account password',
  'app-password': 'an app-specific password, not your account password',
  oauth2: 'OAuth2 sign-in in the browser; passwords are not accepted',
};

function describeOutgoing(smtp: DiscoveredServer | null | undefined): string {
  return smtp ? describeServer(smtp) : 'not found; enter the outgoing server by hand';
}

function describeServer(server: DiscoveredServer): string {
  return `${server.host}, port ${server.port}, ${securityNames[server.security]}, username ${server.username}`;
}

/** The `--json` document: exactly the contract's fields filled, `smtp`, `pop3` and `suggestion` null when unknown. */
export function discoveryJson(result: DiscoveryResult): DiscoveryResult {
  return { ...result, smtp: result.smtp ?? null, pop3: result.pop3 ?? null, suggestion: result.suggestion ?? null };
}

/** The readable report, led by a "did you mean" line when the domain looks mistyped. */
export function describeDiscovery(email: string, result: DiscoveryResult): { text: string; found: boolean } {
  const report = describeSettings(email, result);
  if (!result.suggestion) return report;
  return { ...report, text: `Did you mean ${result.suggestion}? (mail-setup discover ${result.suggestion})\n${report.text}` };
}

/** The settings part of the report: a few lines, and whether usable settings were found. */
function describeSettings(email: string, result: DiscoveryResult): { text: string; found: boolean } {
  const provider = result.provider;
  const entry = provider?.id === undefined ? undefined : findProviderById(provider.id);
  const note = provider?.note ?? entry?.note;
  // IMAP where the provider offers it; POP3 where it is all there is.
  const incoming = result.imap ?? result.pop3;
  if (provider && provider.imapAvailable === false && !incoming) {
    const help = provider.helpUrl ? `\nMore: ${provider.helpUrl}` : '';
    return { text: `${note ?? `${provider.name} does not offer IMAP, so no mail app can connect to it.`}${help}\n`, found: false };
  }
  if (!incoming) {
    return { text: `No settings found for ${email}. Enter the server settings by hand.\n`, found: false };
  }
  const lines = [
    `Found settings for ${email} (from ${sourceNames[result.source]}):`,
    ...(provider ? [`  Provider:  ${provider.name}`] : []),
    ...(result.imap ? [] : ['  Protocol:  POP3 (--protocol pop3)']),
    `  Server:    ${incoming.host}`,
    `  Port:      ${incoming.port}`,
    `  Security:  ${securityNames[incoming.security]}`,
    `  Username:  ${incoming.username}`,
    `  Outgoing:  ${describeOutgoing(result.smtp)}`,
    ...(result.imap && result.pop3 ? [`  POP3 too:  ${describeServer(result.pop3)} (--protocol pop3; ${pop3Difference})`] : []),
    ...(provider ? [`  Sign in:   ${signInNames[provider.auth]}${provider.helpUrl ? ` (${provider.helpUrl})` : ''}`] : []),
    ...(note ? [`  Note:      ${note}`] : []),
    ...(result.needsConfirmation
      ? ['  Warning:   these settings came over an unencrypted connection (http); check them before you use them.']
      : []),
  ];
  return { text: `${lines.join('\n')}\n`, found: true };
}

function oneLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * Runs `discover` with `args` (everything after the command name). Exit status: 0 settings found
 * (IMAP, or POP3 where that is all the provider offers), 1 none found (or the provider offers no
 * mail-app access), 2 bad usage or an address that is not one.
 */
export async function runDiscover(
  args: string[],
  io: Pick<CliIo, 'stdout' | 'stderr' | 'env'>,
  makeDiscovery: DiscoveryFactory = (env) => createDefaultDiscovery(env),
): Promise<number> {
  const usage = (message: string) => {
    io.stderr.write(`mail-setup discover: ${oneLine(message)} (usage: mail-setup discover EMAIL [--json])\n`);
    return 2;
  };
  let json: boolean;
  let email: string;
  try {
    const parsed = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    if (parsed.positionals.length !== 1) return usage(parsed.positionals.length === 0 ? 'no email address given' : 'give exactly one email address');
    json = parsed.values.json;
    email = parsed.positionals[0] ?? '';
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  let result: DiscoveryResult;
  try {
    result = await makeDiscovery(io.env).discover(email);
  } catch (error) {
    if (error instanceof InvalidEmailError || error instanceof EnvConfigError) {
      io.stderr.write(`mail-setup discover: ${oneLine(error.message)}\n`);
      return 2;
    }
    io.stderr.write(`mail-setup discover: discovery failed: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
  const report = describeDiscovery(email.trim(), result);
  io.stdout.write(json ? `${JSON.stringify(discoveryJson(result))}\n` : report.text);
  return report.found ? 0 : 1;
}
