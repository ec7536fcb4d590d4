// Keeps access tokens in memory only and refreshes them from the keychain's refresh token when they expire.
import { createHash } from 'node:crypto';
import type { OAuthConfig } from './oauth-config.ts';
import { refreshAccessToken } from './token-client.ts';

/** An access token ready to use, and the refresh token to keep (rotated or not). */
export interface UsableAccessToken {
  accessToken: string;
  refreshToken: string;
  /** True when this call asked the token endpoint (so the token cannot be stale). */
  refreshed: boolean;
}

/**
 * Access tokens by keychain account name. Why memory only: an access token lives an hour, the
 * refresh token in the keychain can always make a new one, and one secret per account in the
 * keychain keeps removal and start-up reconciliation simple. A new process (the CLI) simply
 * refreshes once.
 */
export interface AccessTokenKeeper {
  /**
   * A valid access token: the remembered one while it has more than a minute left and came from
   * this same refresh token, else a new one from the token endpoint. Concurrent calls for one
   * account share one refresh. Throws `InvalidGrantError` when the refresh token is dead.
   */
  get(key: string, refreshToken: string, config: OAuthConfig, options?: { signal?: AbortSignal | undefined }): Promise<UsableAccessToken>;
  /** Remembers the access token of a fresh sign-in. */
  remember(key: string, refreshToken: string, token: { accessToken: string; expiresAt: number | null }): void;
  /** Drops the remembered token (the server refused it). */
  forget(key: string): void;
}

interface Remembered {
  accessToken: string;
  expiresAt: number;
  /** SHA-256 of the refresh token it came from, so a new sign-in never reuses an old grant's token. */
  grant: string;
}

const grantOf = (refreshToken: string) => createHash('sha256').update(refreshToken).digest('hex');

/** Builds a keeper; `marginMs` is how long before expiry a token counts as expired (default 60 s). */
export function createAccessTokenKeeper(options: { now?: () => number; marginMs?: number } = {}): AccessTokenKeeper {
  const now = options.now ?? Date.now;
  const marginMs = options.marginMs ?? 60_000;
  const remembered = new Map<string, Remembered>();
  const refreshing = new Map<string, Promise<UsableAccessToken>>();

  const remember: AccessTokenKeeper['remember'] = (key, refreshToken, token) => {
    // A token without a stated lifetime is used once and not kept.
    if (token.expiresAt === null) remembered.delete(key);
    else remembered.set(key, { accessToken: token.accessToken, expiresAt: token.expiresAt, grant: grantOf(refreshToken) });
  };

  return {
    async get(key, refreshToken, config, callOptions = {}) {
      const kept = remembered.get(key);
      if (kept && kept.grant === grantOf(refreshToken) && kept.expiresAt - marginMs > now()) {
        return { accessToken: kept.accessToken, refreshToken, refreshed: false };
      }
      const pending = refreshing.get(key);
      if (pending) return pending;
      const started = refreshAccessToken({ tokenEndpoint: config.provider.tokenEndpoint, clientId: config.clientId, clientSecret: config.clientSecret }, refreshToken, {
        signal: callOptions.signal,
        now,
      })
        .then((tokens) => {
          const next = tokens.refreshToken ?? refreshToken;
          remember(key, next, tokens);
          return { accessToken: tokens.accessToken, refreshToken: next, refreshed: true };
        })
        .finally(() => refreshing.delete(key));
      refreshing.set(key, started);
      return started;
    },
    remember,
    forget(key) {
      remembered.delete(key);
    },
  };
}
