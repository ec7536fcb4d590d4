// Finds the OAuth2 sign-in for an account in the bundled provider table: by address domain, then by IMAP host.
import { findProviderByDomain, findProviderByImapHost } from '../../../shared/providers/find-provider.ts';
import type { OAuth2Metadata } from '../../../shared/providers/provider-schema.ts';
import { emailDomain } from '../../../shared/server-settings.ts';
import { resolveOAuthConfig, type OAuthConfig } from './oauth-config.ts';
import { OAuthError } from './oauth-error.ts';

/** The provider table's OAuth2 data for this account, if its provider offers sign-in. */
export function findOAuthMetadata(email: string, host: string): OAuth2Metadata | undefined {
  const domain = emailDomain(email);
  for (const entry of [findProviderByDomain(domain), findProviderByImapHost(host, domain)]) {
    if (entry?.imapAvailable && entry.oauth2) return entry.oauth2;
  }
  return undefined;
}

/**
 * The sign-in configuration for an account (see `resolveOAuthConfig` for the environment).
 * Throws `OAuthError('not-configured')` when no bundled provider offers OAuth2 for it.
 */
export function oauthConfigForAccount(email: string, host: string, env: Readonly<Record<string, string | undefined>>): OAuthConfig {
  const metadata = findOAuthMetadata(email, host);
  if (metadata === undefined) {
    throw new OAuthError('not-configured', `Mail Setup knows no browser sign-in for ${email} at ${host}; use a password or an app password.`);
  }
  return resolveOAuthConfig(metadata, env);
}

/**
 * Whether browser sign-in can work for this account in this copy of the app: its provider offers
 * OAuth2 and a client id is registered for it. The UI offers the Sign in button only then.
 */
export function browserSignInAvailable(email: string, host: string, env: Readonly<Record<string, string | undefined>>): boolean {
  try {
    oauthConfigForAccount(email, host, env);
    return true;
  } catch (error) {
    if (error instanceof OAuthError) return false;
    throw error;
  }
}
