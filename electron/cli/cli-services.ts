// The CLI's composition root: the same services the app uses, configured from the environment.
import type { DiscoveredProvider, DiscoveryResult } from '../../shared/discovery-result.ts';
import { createDefaultCheckEngine } from '../services/check/create-default-check-engine.ts';
import type { CheckEngine } from '../services/check/run-check.ts';
import { UsageError, type CliIo } from './cli-io.ts';

/** Everything the commands use. */
export interface CliServices {
  engine: CheckEngine;
  discover: (email: string) => Promise<DiscoveryResult>;
  providerFor: (email: string) => DiscoveredProvider | null;
  runDiscover: (args: string[], io: CliIo) => Promise<number>;
  runAccounts: (args: string[], io: CliIo) => Promise<number>;
}

/** Builds the services; MAIL_SETUP_LOCAL_ADDRESS picks the source address of connections. */
export async function createCliServices(env: NodeJS.ProcessEnv): Promise<CliServices> {
  const engine = createDefaultCheckEngine({ localAddress: env.MAIL_SETUP_LOCAL_ADDRESS });
  return {
    engine,
    discover: async () => ({ source: 'none', imap: null, provider: null }),
    providerFor: () => null,
    runDiscover: async () => {
      throw new UsageError('discover is not wired yet');
    },
    runAccounts: async () => {
      throw new UsageError('accounts is not wired yet');
    },
  };
}
