// The CLI's composition root: the same services the app uses, configured from the environment.
import type { DiscoveredProvider, DiscoveryResult } from '../../shared/discovery-result.ts';
import { createDefaultCheckEngine } from '../services/check/create-default-check-engine.ts';
import type { CheckEngine } from '../services/check/run-check.ts';
import { serviceErrorText } from './cli-errors.ts';
import { UsageError, type CliIo } from './cli-io.ts';
import { say } from './cli-language.ts';
import { createDefaultDiscovery } from '../services/discovery/default-discovery.ts';
import { EnvConfigError } from '../services/net/net-config.ts';
import { InvalidEmailError } from '../services/discovery/email-address.ts';
import { providerForAccount } from '../services/discovery/provider-hint.ts';
import { runDiscover } from './discover-command.ts';
import { runAccountsCommand } from './accounts-command.ts';
import { openCliAccounts } from './open-accounts.ts';

/** Everything the commands use. */
export interface CliServices {
  engine: CheckEngine;
  discover: (email: string) => Promise<DiscoveryResult>;
  providerFor: (email: string, host?: string) => DiscoveredProvider | null;
  runDiscover: (args: string[], io: CliIo) => Promise<number>;
  runAccounts: (args: string[], io: CliIo) => Promise<number>;
}

/** Builds the services; MAIL_SETUP_LOCAL_ADDRESS picks the source address of connections. */
export async function createCliServices(env: NodeJS.ProcessEnv): Promise<CliServices> {
  const engine = createDefaultCheckEngine({ localAddress: env.MAIL_SETUP_LOCAL_ADDRESS, env });
  return {
    engine,
    discover: async (email) => {
      try {
        return await createDefaultDiscovery(env).discover(email);
      } catch (error) {
        // Bad MAIL_SETUP_ISPDB_URL / MAIL_SETUP_DNS_SERVERS or address: the user's input, exit 2.
        if (error instanceof EnvConfigError || error instanceof InvalidEmailError) throw new UsageError(error instanceof InvalidEmailError ? serviceErrorText(error) : error.message);
        throw error;
      }
    },
    providerFor: (email, host) => providerForAccount(email, host),
    runDiscover: (args, io) => runDiscover(args, io),
    // A method, so it uses whichever discover/providerFor this object ends up with.
    runAccounts(this: CliServices, args: string[], io: CliIo) {
      const onLockWait = (lockPath: string) => io.stderr.write(`mail-setup: ${say('accounts.lockWait', { path: lockPath })}\n`);
      return runAccountsCommand(args, io, { ...this, openAccounts: () => openCliAccounts(io.env, { ...this, onLockWait }) });
    },
  };
}
