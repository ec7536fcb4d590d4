// `mail-setup discover EMAIL [--json]`: prints the settings autodiscovery finds for an address.
import { parseArgs } from 'node:util';
import type { DiscoveredServer, DiscoveryResult } from '../../shared/discovery-result.ts';
import { findProviderById } from '../../shared/providers/find-provider.ts';
import type { Discovery } from '../services/discovery/discover.ts';
import { createDefaultDiscovery } from '../services/discovery/default-discovery.ts';
import { EnvConfigError } from '../services/net/net-config.ts';
import { InvalidEmailError } from '../services/discovery/email-address.ts';
import { idOfEnglish } from '../../shared/messages/shared-catalogue.ts';
import type { CliIo } from './cli-io.ts';
import { say, sayById } from './cli-language.ts';
import { isParseArgsError, parseArgsMessage } from './parse-args-message.ts';
import { serviceErrorText } from './cli-errors.ts';

const label = (name: 'provider' | 'protocol' | 'server' | 'port' | 'security' | 'username' | 'outgoing' | 'pop3Too' | 'signIn' | 'note' | 'warning') => say(`discover.label.${name}`);

/** Builds the discovery from the environment; tests pass their own. */
export type DiscoveryFactory = (env: NodeJS.ProcessEnv) => Discovery;

function describeOutgoing(smtp: DiscoveredServer | null | undefined): string {
  return smtp ? describeServer(smtp) : say('discover.outgoingMissing');
}

function describeServer(server: DiscoveredServer): string {
  return say('discover.server', { host: server.host, port: server.port, security: say(`discover.securityName.${server.security}`), username: server.username });
}

/** A provider's note in the run's language, where the catalogue has it. */
function sayNote(note: string): string {
  const id = idOfEnglish(note);
  return id ? sayById(id) : note;
}

/** "Label:  value" lines, the labels padded to one width in any language. */
function labelled(rows: readonly (readonly [label: string, value: string])[]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width + 1)} ${value}`);
}

/** The `--json` document: exactly the contract's fields filled, `smtp`, `pop3` and `suggestion` null when unknown. */
export function discoveryJson(result: DiscoveryResult): DiscoveryResult {
  return { ...result, smtp: result.smtp ?? null, pop3: result.pop3 ?? null, suggestion: result.suggestion ?? null };
}

/** The readable report, led by a "did you mean" line when the domain looks mistyped. */
export function describeDiscovery(email: string, result: DiscoveryResult): { text: string; found: boolean } {
  const report = describeSettings(email, result);
  if (!result.suggestion) return report;
  return { ...report, text: `${say('discover.didYouMean', { suggestion: result.suggestion })}\n${report.text}` };
}

/** The settings part of the report: a few lines, and whether usable settings were found. */
function describeSettings(email: string, result: DiscoveryResult): { text: string; found: boolean } {
  const provider = result.provider;
  const entry = provider?.id === undefined ? undefined : findProviderById(provider.id);
  const note = provider?.note ?? entry?.note;
  // IMAP where the provider offers it; POP3 where it is all there is.
  const incoming = result.imap ?? result.pop3;
  if (provider && provider.imapAvailable === false && !incoming) {
    const help = provider.helpUrl ? `\n${say('discover.more', { url: provider.helpUrl })}` : '';
    return { text: `${note ? sayNote(note) : say('discover.noImap', { provider: provider.name })}${help}\n`, found: false };
  }
  if (!incoming) {
    return { text: `${say('discover.noneFound', { email })}\n`, found: false };
  }
  const signIn = provider ? say(`discover.signInName.${provider.auth}`) : '';
  const lines = [
    say('discover.found', { email, source: say(`discover.source.${result.source}`) }),
    ...labelled([
      ...(provider ? [[label('provider'), provider.name] as const] : []),
      ...(result.imap ? [] : [[label('protocol'), say('discover.pop3Protocol')] as const]),
      [label('server'), incoming.host],
      [label('port'), String(incoming.port)],
      [label('security'), say(`discover.securityName.${incoming.security}`)],
      [label('username'), incoming.username],
      [label('outgoing'), describeOutgoing(result.smtp)],
      ...(result.imap && result.pop3 ? [[label('pop3Too'), say('discover.pop3Too', { server: describeServer(result.pop3), difference: sayById('pop3Texts.difference') })] as const] : []),
      ...(provider ? [[label('signIn'), provider.helpUrl ? say('discover.withHelp', { value: signIn, url: provider.helpUrl }) : signIn] as const] : []),
      ...(note ? [[label('note'), sayNote(note)] as const] : []),
      ...(result.needsConfirmation ? [[label('warning'), say('discover.unencrypted')] as const] : []),
    ]),
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
    io.stderr.write(`mail-setup discover: ${say('usage.discover', { problem: oneLine(message) })}\n`);
    return 2;
  };
  let json: boolean;
  let email: string;
  try {
    const parsed = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    if (parsed.positionals.length !== 1) return usage(say(parsed.positionals.length === 0 ? 'usage.noEmail' : 'usage.oneEmail'));
    json = parsed.values.json;
    email = parsed.positionals[0] ?? '';
  } catch (error) {
    return usage(isParseArgsError(error) ? parseArgsMessage(error) : error instanceof Error ? error.message : String(error));
  }
  let result: DiscoveryResult;
  try {
    result = await makeDiscovery(io.env).discover(email);
  } catch (error) {
    if (error instanceof InvalidEmailError || error instanceof EnvConfigError) {
      io.stderr.write(`mail-setup discover: ${oneLine(error instanceof InvalidEmailError ? serviceErrorText(error) : error.message)}\n`);
      return 2;
    }
    io.stderr.write(`mail-setup discover: ${say('usage.discoveryFailed', { message: oneLine(error instanceof Error ? error.message : String(error)) })}\n`);
    return 1;
  }
  const report = describeDiscovery(email.trim(), result);
  io.stdout.write(json ? `${JSON.stringify(discoveryJson(result))}\n` : report.text);
  return report.found ? 0 : 1;
}
