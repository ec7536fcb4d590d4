// Runs browser sign-ins under a caller-chosen id so that the UI can cancel the one waiting for the browser.
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
  const running = new Map<string, AbortController>();
  return {
    async run(id, config, loginHint) {
      const controller = new AbortController();
      // A second sign-in under the same id replaces the first, whose listener closes.
      running.get(id)?.abort();
      running.set(id, controller);
      try {
        return await signIn({ ...config, openBrowser: options.openBrowser, signal: controller.signal, timeoutMs: options.timeoutMs, loginHint });
      } finally {
        if (running.get(id) === controller) running.delete(id);
      }
    },
    cancel(id) {
      const controller = running.get(id);
      controller?.abort();
      return controller !== undefined;
    },
  };
}
