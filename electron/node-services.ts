// Composition root for the plain-Node entry points (the CLI and the test harness): the same
// services as the app, with the settings file in MAIL_SETUP_DATA_DIR and secrets in the keychain.
import type { Services } from './ipc/register-handlers.ts';
import { createAppServices } from './services/app-services.ts';
import { createCheckRunner } from './services/check/check-runner.ts';
import { createDefaultCheckEngine } from './services/check/create-default-check-engine.ts';
import { ServiceError } from './services/service-error.ts';

/** Services and the parts the CLI uses directly. */
export interface NodeServices {
  services: Services;
}

export async function createNodeServices(env: NodeJS.ProcessEnv): Promise<NodeServices> {
  const engine = createDefaultCheckEngine({ localAddress: env.MAIL_SETUP_LOCAL_ADDRESS });
  const checks = createCheckRunner(engine);
  const notYet = async (): Promise<never> => {
    throw new ServiceError('internal', 'Saved accounts are not available yet.');
  };
  const services = createAppServices({
    checks,
    discover: async () => ({ source: 'none', imap: null, provider: null }),
    providerHint: () => undefined,
    accounts: { list: async () => [], add: notYet, retest: notYet, setPassword: notYet, remove: notYet, revokeCertificate: notYet },
    openExternal: async () => false,
  });
  return { services };
}
