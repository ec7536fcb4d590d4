// The native-app sign-in (RFC 8252): system browser, loopback redirect, PKCE and state, code exchange.
import { buildAuthorizationUrl } from './authorization-url.ts';
import { startLoopbackListener } from './loopback-listener.ts';
import type { OAuthProviderEndpoints } from './oauth-config.ts';
import { OAuthError } from './oauth-error.ts';
import { createPkcePair, createState } from './pkce.ts';
import { exchangeAuthorizationCode, type TokenSet } from './token-client.ts';

/** Options for {@link signIn}. */
export interface SignInOptions {
  provider: OAuthProviderEndpoints;
  clientId: string;
  clientSecret?: string | undefined;
  /**
   * Opens the authorization URL in the system browser (Electron: `shell.openExternal`; tests:
   * a function that plays the browser's part). Never an embedded web view (RFC 8252 §8.12).
   */
  openBrowser: (url: string) => Promise<void> | void;
  /** Cancels the sign-in: the listener closes and the promise rejects as `cancelled`. */
  signal?: AbortSignal | undefined;
  /** How long the user has in the browser (default 5 minutes). */
  timeoutMs?: number | undefined;
  /** Limit of the token request (default 30 s). */
  tokenTimeoutMs?: number | undefined;
  /** The address being added, so the provider preselects that account. */
  loginHint?: string | undefined;
  now?: (() => number) | undefined;
}

/** The tokens of a finished sign-in. */
export type SignInResult = Pick<TokenSet, 'accessToken' | 'refreshToken' | 'expiresAt'>;

const defaultTimeoutMs = 5 * 60_000;

/**
 * Runs one sign-in: a fresh PKCE pair and state, a loopback listener on an ephemeral port, the
 * browser, then the code exchange. Throws {@link OAuthError} (cancelled, timeout,
 * state-mismatch, access-denied, …), never with a token or code in its message.
 */
export async function signIn(options: SignInOptions): Promise<SignInResult> {
  const pkce = createPkcePair();
  const state = createState();
  const listener = await startLoopbackListener({ expectedState: state, timeoutMs: options.timeoutMs ?? defaultTimeoutMs, signal: options.signal });
  try {
    const url = buildAuthorizationUrl({
      authorizationEndpoint: options.provider.authorizationEndpoint,
      clientId: options.clientId,
      redirectUri: listener.redirectUri,
      scopes: options.provider.scopes,
      state,
      codeChallenge: pkce.challenge,
      loginHint: options.loginHint,
      extraParams: options.provider.authorizationParams,
    });
    const opened = Promise.resolve()
      .then(() => options.openBrowser(url))
      .catch((error: unknown) => {
        // The listener closes in `finally`; closing it here would let its "cancelled" win the race.
        if (error instanceof OAuthError) throw error;
        throw new OAuthError('browser-failed', 'The system browser could not be opened for the sign-in.');
      });
    // The browser may deliver the redirect before or after openBrowser resolves.
    const [, callback] = await Promise.all([opened, listener.result]);
    const tokens = await exchangeAuthorizationCode(
      { tokenEndpoint: options.provider.tokenEndpoint, clientId: options.clientId, clientSecret: options.clientSecret },
      { code: callback.code, codeVerifier: pkce.verifier, redirectUri: listener.redirectUri },
      { timeoutMs: options.tokenTimeoutMs, signal: options.signal, now: options.now },
    );
    return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt };
  } finally {
    listener.close();
  }
}
