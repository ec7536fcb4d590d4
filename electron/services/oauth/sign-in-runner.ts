// Runs browser sign-ins under a caller-chosen id so that the UI can cancel the one waiting for the browser.
import { createCancellableRuns } from '../cancellable-runs.ts';
import type { OAuthConfig } from './oauth-config.ts';
import { signIn, type SignInResult } from './sign-in.ts';

/** Starts sign-ins by id and cancels them by that id. */
export interface SignInRunner {
  run(id: string, config: OAuthConfig, loginHint?: string): Promise<SignInResult>;
  cancel(id: string): boolean;
}

/** Options for {@link createSignInRunner}. */
export interface SignInRunnerOptions {
  /** Opens the authorization URL in the system browser (Electron: shell.openExternal). */
  openBrowser: (url: string) => Promise<void> | void;
  /** How long the user has in the browser (default 5 minutes). */
  timeoutMs?: number | undefined;
}

/** The runner the accounts service and the IPC cancel call share. */
export function createSignInRunner(options: SignInRunnerOptions): SignInRunner {
  const runs = createCancellableRuns();
  return {
    // A second sign-in under the same id replaces the first, whose listener closes.
    run: (id, config, loginHint) =>
      runs.run(id, (signal) => signIn({ ...config, openBrowser: options.openBrowser, signal, timeoutMs: options.timeoutMs, loginHint })),
    cancel: (id) => runs.cancel(id),
  };
}
