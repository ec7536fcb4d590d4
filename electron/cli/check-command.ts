// `mail-setup check`: the full Test Account Settings check from a terminal.
import type { CheckReport } from '../../shared/check-report.ts';
import type { DiscoveredProvider, DiscoveryResult } from '../../shared/discovery-result.ts';
import { defaultStepTimeoutMs } from '../services/check/check-runner.ts';
import type { CheckInput, Credential } from '../services/check/check-input.ts';
import type { CheckEngine } from '../services/check/run-check.ts';
import { providerHintOf } from '../services/discovery/provider-hint.ts';
import { parseCommandArgs, UsageError, type CliIo } from './cli-io.ts';
import { say } from './cli-language.ts';
import { formatReport } from './print-report.ts';
import { onlyFromFlag, outgoingFromFlags } from './outgoing-flags.ts';
import { readSecret, readSecretLines } from './read-secret.ts';
import { fingerprintFromFlag, serverFlagOptions, settingsFromFlags, timeoutFromFlag } from './server-flags.ts';

/** What the check command needs from the rest of the app. */
export interface CheckCommandDeps {
  engine: CheckEngine;
  discover: (email: string) => Promise<DiscoveryResult>;
  providerFor: (email: string, host?: string) => DiscoveredProvider | null;
}

/** Parses the check flags and reads the secret: everything a check needs, or a UsageError. */
export async function checkInputFromArgs(
  args: string[],
  io: CliIo,
  deps: CheckCommandDeps,
): Promise<{ input: CheckInput; json: boolean; provider: DiscoveredProvider | null }> {
  const { values, positionals } = parseCommandArgs(args, serverFlagOptions);
  if (positionals.length > 0) throw new UsageError(say('usage.strayArgument'));
  // Each --only needs only its own server's settings (contracts.md).
  const only = onlyFromFlag(values.only);
  const { settings, discovery } = await settingsFromFlags(values, deps.discover, only !== 'outgoing');
  const timeoutMs = timeoutFromFlag(values.timeout, defaultStepTimeoutMs);
  const trustedFingerprint = fingerprintFromFlag(values['trust-certificate']);
  if (values.auth !== undefined && values.auth !== 'oauth2' && values.auth !== 'password') throw new UsageError(say('usage.authValue'));
  const outgoingSettings = only === 'incoming' ? undefined : outgoingFromFlags(values, settings, discovery);
  const outgoingFingerprint = fingerprintFromFlag(values['smtp-trust-certificate'], 'smtp-trust-certificate');
  if (outgoingFingerprint !== undefined && !outgoingSettings && only !== 'incoming') throw new UsageError(say('usage.needsOutgoingServer', { flag: '--smtp-trust-certificate' }));
  if (only === 'outgoing' && !outgoingSettings) throw new UsageError(say('usage.needsOutgoingServer', { flag: '--only outgoing' }));
  if (values['send-test-message'] && (!outgoingSettings || only !== undefined)) {
    throw new UsageError(say('usage.sendTestNeedsBoth'));
  }
  let credential: Credential;
  // By default one secret serves both servers (the same password, or the same OAuth2 token).
  let outgoingCredential: Credential | undefined;
  if (values.auth === 'oauth2') {
    if (values['password-stdin'] || values['smtp-password-stdin']) throw new UsageError(say('usage.passwordWithOauth'));
    credential = { kind: 'oauth2', accessToken: await readSecret(io, values['access-token-stdin'], 'accessToken') };
  } else if (values['smtp-password-stdin']) {
    if (!values['password-stdin']) throw new UsageError(say('usage.smtpPasswordNeedsPassword'));
    if (!outgoingSettings && only !== 'incoming') throw new UsageError(say('usage.needsOutgoingServer', { flag: '--smtp-password-stdin' }));
    const [password, outgoingPassword] = await readSecretLines(io);
    credential = { kind: 'password', password };
    outgoingCredential = { kind: 'password', password: outgoingPassword };
  } else {
    if (values['access-token-stdin']) throw new UsageError(say('usage.accessTokenNeedsOauth'));
    credential = { kind: 'password', password: await readSecret(io, values['password-stdin'], 'password') };
  }
  const provider = discovery?.provider ?? deps.providerFor(settings.email, settings.host);
  return {
    input: {
      settings,
      credential,
      allowInsecure: values['allow-insecure'],
      trustedFingerprint,
      timeoutMs,
      provider: providerHintOf(provider),
      ...(outgoingSettings ? { outgoing: { settings: outgoingSettings, credential: outgoingCredential ?? credential, trustedFingerprint: outgoingFingerprint } } : {}),
      ...(only ? { only } : {}),
      ...(values['send-test-message'] ? { sendTestMessage: true, deliveryTimeoutMs: values.timeout === undefined ? 60_000 : timeoutMs } : {}),
      ...(values.transcript ? { transcript: true } : {}),
    },
    json: values.json,
    provider,
  };
}

/** Prints a report as JSON or for a person; returns the exit status. */
export function printReport(io: CliIo, report: CheckReport, json: boolean): number {
  // `words` serve the human output's translations; the JSON stays as the contract has it, the same in every language.
  io.stdout.write(json ? `${JSON.stringify(report, (key, value: unknown) => (key === 'words' ? undefined : value), 2)}\n` : formatReport(report));
  return report.ok ? 0 : 1;
}

/** Runs `mail-setup check …`; returns the exit status. */
export async function runCheckCommand(args: string[], io: CliIo, deps: CheckCommandDeps): Promise<number> {
  const { input, json } = await checkInputFromArgs(args, io, deps);
  const report = await deps.engine.run(input);
  return printReport(io, report, json);
}
