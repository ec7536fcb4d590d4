// Builds the handler table for every contract call from the services; shared by Electron and the harness.
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import type { Services } from '../ipc/register-handlers.ts';
import type { AccountsService } from './accounts/accounts-service.types.ts';
import type { CheckRunner } from './check/check-runner.ts';
import { defaultStepTimeoutMs } from './check/check-runner.ts';
import type { CheckInput } from './check/check-input.ts';

/** The services behind the contract. */
export interface AppServiceDeps {
  checks: CheckRunner;
  discover: (email: string) => Promise<DiscoveryResult>;
  providerHint: (email: string, host?: string) => CheckInput['provider'];
  accounts: AccountsService;
  /** Messages for the user about the app's own state (a settings file set aside, say). */
  notices: () => string[];
  /** Opens an https link from the provider table in the system browser; false when refused. */
  openExternal: (url: string) => Promise<boolean>;
}

const seconds = (value: number | undefined) => (value === undefined ? defaultStepTimeoutMs : Math.round(value * 1000));

/** One function per contract call, each a thin adapter from a parsed request to a service. */
export function createAppServices(deps: AppServiceDeps): Services {
  return {
    discover: (request) => deps.discover(request.email),
    startCheck: (request, emit) =>
      deps.checks.run(
        request.checkId,
        {
          settings: request.settings,
          credential: { kind: 'password', password: request.password },
          allowInsecure: request.allowInsecure,
          trustedFingerprint: request.trustCertificate,
          timeoutMs: seconds(request.timeoutSeconds),
          provider: deps.providerHint(request.settings.email, request.settings.host),
        },
        (step) => emit('onCheckProgress', { checkId: request.checkId, step }),
      ),
    cancelCheck: async (request) => ({ cancelled: deps.checks.cancel(request.checkId) }),
    listAccounts: () => deps.accounts.list(),
    addAccount: (request, emit) =>
      deps.accounts.add(
        {
          settings: request.settings,
          displayName: request.displayName,
          password: request.password,
          allowInsecure: request.allowInsecure,
          trustCertificate: request.trustCertificate,
        },
        { checkId: request.checkId, onProgress: (step) => emit('onCheckProgress', { checkId: request.checkId, step }), timeoutMs: seconds(request.timeoutSeconds) },
      ),
    retestAccount: (request, emit) =>
      deps.accounts.retest(request.email, { checkId: request.checkId, onProgress: (step) => emit('onCheckProgress', { checkId: request.checkId, step }) }),
    setPassword: (request, emit) =>
      deps.accounts.setPassword(request.email, request.password, {
        checkId: request.checkId,
        onProgress: (step) => emit('onCheckProgress', { checkId: request.checkId, step }),
      }),
    removeAccount: async (request) => ({ removed: await deps.accounts.remove(request.email) }),
    revokeCertificate: (request) => deps.accounts.revokeCertificate(request.email, request.fingerprint256),
    signInWithOAuth: (request, emit) =>
      deps.accounts.signInWithOAuth(
        {
          email: request.email,
          settings: request.settings,
          displayName: request.displayName,
          allowInsecure: request.allowInsecure,
          trustCertificate: request.trustCertificate,
        },
        { checkId: request.checkId, onProgress: (step) => emit('onCheckProgress', { checkId: request.checkId, step }), timeoutMs: seconds(request.timeoutSeconds) },
      ),
    // Whichever phase is running under the id: the wait for the browser, or the check after it.
    cancelOAuth: async (request) => {
      const signIn = deps.accounts.cancelSignIn(request.checkId);
      const check = deps.checks.cancel(request.checkId);
      return { cancelled: signIn || check };
    },
    getNotices: async () => ({ notices: deps.notices() }),
    openExternal: async (request) => ({ opened: await deps.openExternal(request.url) }),
  };
}
