// Builds the handler table for every contract call from the services; shared by Electron and the harness.
import type { CheckStep, ServerRole } from '../../shared/check-report.ts';
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import type { EmitEvent, Services } from '../../shared/ipc-services.ts';
import type { AccountsService, CheckRun } from './accounts/accounts-service.types.ts';
import type { SettingsNotice } from './accounts/settings-file-guard.ts';
import type { CheckRunner } from './check/check-runner.ts';
import { defaultStepTimeoutMs } from './check/check-runner.ts';
import type { CheckInput } from './check/check-input.ts';
import { suggestionFor } from './discovery/domain-suggestion.ts';
import { createHandoffCalls, removeAccountAndCopy, updateCopies, type HandoffDeps } from './handoff/handoff-calls.ts';

/** The services behind the contract. */
export interface AppServiceDeps {
  checks: CheckRunner;
  discover: (email: string) => Promise<DiscoveryResult>;
  /** Whether browser sign-in (OAuth2) can succeed for this account here: a client id is registered. */
  browserSignIn?: ((email: string, host: string) => boolean) | undefined;
  providerHint: (email: string, host?: string) => CheckInput['provider'];
  accounts: AccountsService;
  /** Messages for the user about the app's own state (a settings file set aside, say). */
  notices: () => SettingsNotice[];
  /** Whether the keychain can keep passwords (see keychain-status.ts). */
  keychainStatus: () => Promise<{ available: boolean; detail: string }>;
  /** Opens an https link from the provider table in the system browser; false when refused. */
  openExternal: (url: string) => Promise<boolean>;
  /** "Use in other apps": the export service, whether GNOME is offered, and the save dialog where there is one. */
  handoff: HandoffDeps;
}

const seconds = (value: number | undefined) => (value === undefined ? defaultStepTimeoutMs : Math.round(value * 1000));

/** Streams a check's steps back to the caller under its check id, each with the server it belongs to. */
const progressTo = (checkId: string, emit: EmitEvent) => (step: CheckStep, server?: ServerRole) =>
  emit('onCheckProgress', { checkId, ...(server ? { server } : {}), step });

/** The progress, cancellation id and step time limit of an account call that runs a check. */
function checkRun(request: { checkId: string; timeoutSeconds?: number | undefined }, emit: EmitEvent): CheckRun {
  // The report's "Show details" offers the transcript for support on every check the app runs.
  return { checkId: request.checkId, onProgress: progressTo(request.checkId, emit), timeoutMs: seconds(request.timeoutSeconds), transcript: true };
}

/** Marks the provider of a discovery result with whether its browser sign-in can work here. */
function withBrowserSignIn(result: DiscoveryResult, email: string, available: AppServiceDeps['browserSignIn']): DiscoveryResult {
  if (!result.provider || !result.imap || !available) return result;
  return { ...result, provider: { ...result.provider, browserSignIn: available(email, result.imap.host) } };
}

/** One function per contract call, each a thin adapter from a parsed request to a service. */
export function createAppServices(deps: AppServiceDeps): Services {
  return {
    discover: async (request) => withBrowserSignIn(await deps.discover(request.email), request.email, deps.browserSignIn),
    suggestAddress: async (request) => ({ suggestion: suggestionFor(request.email) }),
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
          ...(request.outgoing
            ? {
                outgoing: {
                  settings: request.outgoing,
                  // One password serves both servers unless the user gave the outgoing one apart.
                  // Each server has its own pinned certificate: a pin is for one host and port.
                  credential: { kind: 'password' as const, password: request.outgoingPassword ?? request.password },
                  trustedFingerprint: request.outgoingTrustCertificate,
                },
              }
            : {}),
          sendTestMessage: request.sendTestMessage,
          // The report's "Show details" offers the transcript for support on every check.
          transcript: true,
        },
        progressTo(request.checkId, emit),
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
          outgoing: request.outgoing,
          outgoingPassword: request.outgoingPassword,
          outgoingTrustCertificate: request.outgoingTrustCertificate,
          sendTestMessage: request.sendTestMessage,
          outgoingLater: request.outgoingLater,
        },
        checkRun(request, emit),
      ),
    retestAccount: (request, emit) => deps.accounts.retest(request.email, checkRun(request, emit), { sendTestMessage: request.sendTestMessage }),
    setPassword: async (request, emit) => {
      const result = await deps.accounts.setPassword(request.email, request.password, checkRun(request, emit), request.outgoingPassword);
      const copies = result.account?.copies ?? [];
      // Only a password that passed its check is handed on to the copies.
      if (!result.report?.ok || copies.length === 0) return result;
      return { ...result, copies: await updateCopies(deps.handoff.exports, request.email, copies) };
    },
    removeAccount: (request) => removeAccountAndCopy((email) => deps.accounts.remove(email), deps.handoff.removeGnomeCopy, request),
    revokeCertificate: (request) => deps.accounts.revokeCertificate(request.email, request.fingerprint256),
    signInWithOAuth: (request, emit) =>
      deps.accounts.signInWithOAuth(
        {
          email: request.email,
          settings: request.settings,
          displayName: request.displayName,
          allowInsecure: request.allowInsecure,
          trustCertificate: request.trustCertificate,
          outgoing: request.outgoing,
          outgoingTrustCertificate: request.outgoingTrustCertificate,
        },
        checkRun(request, emit),
      ),
    // Whichever phase is running under the id: the wait for the browser, or the check after it.
    cancelOAuth: async (request) => {
      const signIn = deps.accounts.cancelSignIn(request.checkId);
      const check = deps.checks.cancel(request.checkId);
      return { cancelled: signIn || check };
    },
    getNotices: async () => {
      const notices = deps.notices();
      return { notices: notices.map((notice) => notice.message), words: notices.map((notice) => notice.words ?? null) };
    },
    getKeychainStatus: () => deps.keychainStatus(),
    openExternal: async (request) => ({ opened: await deps.openExternal(request.url) }),
    ...createHandoffCalls(deps.handoff, deps.accounts),
  };
}
