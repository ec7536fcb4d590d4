// What the saved-accounts service needs for OAuth2 accounts, and how the composition roots build it.
import { createAccessTokenKeeper, type AccessTokenKeeper } from './access-token-keeper.ts';
import type { OAuthConfig } from './oauth-config.ts';
import { oauthConfigForAccount } from './provider-oauth.ts';
import { createSignInRunner, type SignInRunner } from './sign-in-runner.ts';

/** The OAuth2 part of the accounts service's dependencies. */
export interface OAuthAccountDeps {
  /** The sign-in configuration for an account; throws `OAuthError('not-configured')`. */
  configFor: (email: string, host: string) => OAuthConfig;
  /** Access tokens in memory, refreshed from the keychain's refresh token. */
  tokens: AccessTokenKeeper;
  /** Browser sign-ins, cancellable by check id; absent where no browser can be opened (the CLI). */
  signIns?: SignInRunner | undefined;
}

/**
 * The OAuth2 dependencies from the environment (client ids, issuer override; see
 * `resolveOAuthConfig`) and, where a browser can be opened, how to open it.
 */
export function createOAuthAccountDeps(options: {
  env: Readonly<Record<string, string | undefined>>;
  openBrowser?: ((url: string) => Promise<void> | void) | undefined;
  signInTimeoutMs?: number | undefined;
  now?: () => number;
}): OAuthAccountDeps {
  return {
    configFor: (email, host) => oauthConfigForAccount(email, host, options.env),
    tokens: createAccessTokenKeeper(options.now ? { now: options.now } : {}),
    ...(options.openBrowser ? { signIns: createSignInRunner({ openBrowser: options.openBrowser, timeoutMs: options.signInTimeoutMs }) } : {}),
  };
}
