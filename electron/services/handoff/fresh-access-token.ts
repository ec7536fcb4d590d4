// `mail-setup token`: a fresh OAuth2 access token for a saved account, made from the refresh token in the keychain, for the configs that run it.
import { toServiceError } from '../accounts/oauth-account-check.ts';
import type { AccessTokenKeeper } from '../oauth/access-token-keeper.ts';
import type { OAuthConfig } from '../oauth/oauth-config.ts';
import { InvalidGrantError } from '../oauth/oauth-error.ts';
import { ServiceError } from '../service-error.ts';
import type { HandoffAccount } from './handoff-account.ts';

/** What {@link freshAccessToken} needs. */
export interface FreshAccessTokenDeps {
  loadAccount: (email: string) => Promise<HandoffAccount>;
  /** Runs keychain work under the settings folder's lock, as every saved-account secret is touched. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  readSecret: (account: string) => Promise<string | null>;
  writeSecret: (account: string, secret: string) => Promise<void>;
  /** Whether the account is still saved (a rotated refresh token is kept only then). */
  stillSaved: (email: string) => boolean;
  configFor: (email: string, host: string) => OAuthConfig;
  tokens: AccessTokenKeeper;
}

/**
 * Refreshes once and returns the access token. A refresh token the provider rotates is written
 * back at once (the old one may stop working); a dead one (`invalid_grant`) is reported, asking
 * the user to sign in again in Mail Setup.
 */
export async function freshAccessToken(deps: FreshAccessTokenDeps, email: string): Promise<string> {
  const account = await deps.loadAccount(email);
  if (account.authKind !== 'oauth2') {
    throw new ServiceError('invalid-request', `${account.email} signs in with a password, not OAuth2, so it has no access token: its configs read the password from the keychain.`);
  }
  const name = account.incomingSecret.account;
  const refreshToken = await deps.exclusive(() => deps.readSecret(name));
  if (refreshToken === null) throw new ServiceError('not-found', `No sign-in is saved for ${account.email}: sign in again in Mail Setup.`);
  let token;
  try {
    token = await deps.tokens.get(name, refreshToken, deps.configFor(account.email, account.incoming.host));
  } catch (error) {
    if (error instanceof InvalidGrantError) {
      throw new ServiceError('sign-in-failed', `The provider refused the saved sign-in for ${account.email} (it has expired or was revoked): sign in again in Mail Setup.`);
    }
    throw toServiceError(error);
  }
  if (token.refreshToken !== refreshToken) {
    await deps.exclusive(async () => {
      if (deps.stillSaved(account.email)) await deps.writeSecret(name, token.refreshToken);
    });
  }
  return token.accessToken;
}
