// `mail-setup token EMAIL`: prints a fresh OAuth2 access token for a saved account (for msmtp, mbsync, aerc and NeoMutt configs).
import { dirname } from 'node:path';
import { createKeytarSecretStore } from '../adapters/keytar-secret-store.ts';
import { findAccount } from '../services/accounts/account-records.ts';
import { openDataDir } from '../services/accounts/data-dir.ts';
import { openReadOnlySettings } from '../services/accounts/read-only-settings.ts';
import type { StoreLock } from '../services/accounts/store-lock.ts';
import { freshAccessToken } from '../services/handoff/fresh-access-token.ts';
import { loadHandoffAccount } from '../services/handoff/saved-account-loader.ts';
import { createAccessTokenKeeper } from '../services/oauth/access-token-keeper.ts';
import { oauthConfigForAccount } from '../services/oauth/provider-oauth.ts';
import { parseCommandArgs, UsageError, type CliIo } from './cli-io.ts';
import { say } from './cli-language.ts';

/** Runs `mail-setup token`. */
export async function runToken(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length === 0) throw new UsageError(say('usage.tokenNeedsEmail'));
  if (positionals.length > 1) throw new UsageError(say('usage.strayArgument'));
  // Read-only settings (no conf); the lock's module loads only for the keychain work.
  const settings = openReadOnlySettings(openDataDir(io.env));
  const secrets = createKeytarSecretStore();
  let lock: Promise<StoreLock> | undefined;
  const heldLock = () => (lock ??= import('../services/accounts/store-lock.ts').then((module) => module.createStoreLock(dirname(settings.path))));
  const token = await freshAccessToken(
    {
      loadAccount: async (email) => loadHandoffAccount(settings, email),
      exclusive: async (work) => (await heldLock()).run(work),
      readSecret: (account) => secrets.get(account),
      writeSecret: (account, secret) => secrets.set(account, secret),
      stillSaved: (email) => findAccount(settings.read().accounts, email) !== undefined,
      configFor: (email, host) => oauthConfigForAccount(email, host, io.env),
      tokens: createAccessTokenKeeper(),
    },
    positionals[0] as string,
  );
  io.stdout.write(`${token}\n`);
  return 0;
}
