// Resolves a provider's OAuth2 data (from the bundled table) and the environment into what a sign-in uses.
import type { OAuth2Metadata } from '../../../shared/providers/provider-schema.ts';
import { parseEndpoint } from './endpoint-url.ts';
import { OAuthError } from './oauth-error.ts';

/** The authorization server side of a sign-in. */
export interface OAuthProviderEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  scopes: readonly string[];
  /** Extra authorization parameters this provider needs to grant a refresh token. */
  authorizationParams: Readonly<Record<string, string>>;
}

/** Everything `signIn` and the token client need for one provider. */
export interface OAuthConfig {
  /** Who this is for people ("Google", "Microsoft"), in messages. */
  providerName: string;
  provider: OAuthProviderEndpoints;
  clientId: string;
  clientSecret?: string | undefined;
}

interface KnownClient {
  /** Suffix of the environment variables: MAIL_SETUP_OAUTH_CLIENT_ID_<key>. */
  key: string;
  name: string;
  tokenHost: string;
  authorizationParams: Readonly<Record<string, string>>;
}

// The providers whose client id a distributor registers. Keyed by token endpoint host, so the
// provider table stays the one place that lists endpoints and scopes.
const knownClients: readonly KnownClient[] = [
  // Google grants a refresh token only with access_type=offline, and again only with prompt=consent
  // when the user has consented before.
  { key: 'GOOGLE', name: 'Google', tokenHost: 'oauth2.googleapis.com', authorizationParams: { access_type: 'offline', prompt: 'consent' } },
  // Microsoft grants one for the offline_access scope, which the table lists.
  { key: 'MICROSOFT', name: 'Microsoft', tokenHost: 'login.microsoftonline.com', authorizationParams: {} },
];

/** Client ids in the bundled table that stand for "not registered yet". */
const placeholderClientId = /^REPLACE-WITH-/i;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The sign-in configuration for a provider's OAuth2 metadata.
 *
 * Environment (all optional):
 * - `MAIL_SETUP_OAUTH_CLIENT_ID_GOOGLE`, `MAIL_SETUP_OAUTH_CLIENT_ID_MICROSOFT`: the client id
 *   (each distributor registers their own app; the table holds a placeholder).
 * - `MAIL_SETUP_OAUTH_CLIENT_SECRET_GOOGLE`, `…_MICROSOFT`: the "client secret" of a desktop
 *   registration, which Google's token endpoint asks for although a desktop app cannot keep it
 *   secret; PKCE is what protects the code.
 * - `MAIL_SETUP_OAUTH_ISSUER`: a base URL whose `/authorize` and `/token` replace every
 *   provider's endpoints (tests and local bridges); https, or http on 127.0.0.1/localhost.
 *
 * Throws `OAuthError('not-configured')` when the client id is still the placeholder or an
 * endpoint is not https.
 */
export function resolveOAuthConfig(metadata: OAuth2Metadata, env: Env): OAuthConfig {
  const tokenHost = new URL(metadata.tokenEndpoint).hostname;
  const known = knownClients.find((client) => client.tokenHost === tokenHost);
  const name = known?.name ?? tokenHost;
  const fromEnv = (prefix: string) => (known ? env[`${prefix}_${known.key}`]?.trim() || undefined : undefined);

  const clientId = fromEnv('MAIL_SETUP_OAUTH_CLIENT_ID') ?? metadata.clientId;
  if (placeholderClientId.test(clientId)) {
    const variable = known ? `MAIL_SETUP_OAUTH_CLIENT_ID_${known.key}` : 'a client id';
    throw new OAuthError('not-configured', `This copy of Mail Setup has no OAuth client id for ${name}; set ${variable} to the one registered for it.`);
  }

  const issuer = env['MAIL_SETUP_OAUTH_ISSUER']?.trim();
  const base = issuer ? parseEndpoint(issuer, 'issuer (MAIL_SETUP_OAUTH_ISSUER)').href.replace(/\/$/, '') : undefined;
  const authorizationEndpoint = base ? `${base}/authorize` : metadata.authorizationEndpoint;
  const tokenEndpoint = base ? `${base}/token` : metadata.tokenEndpoint;
  parseEndpoint(authorizationEndpoint, 'authorization endpoint');
  parseEndpoint(tokenEndpoint, 'token endpoint');

  const clientSecret = fromEnv('MAIL_SETUP_OAUTH_CLIENT_SECRET');
  return {
    providerName: name,
    provider: { authorizationEndpoint, tokenEndpoint, scopes: [...metadata.scopes], authorizationParams: known?.authorizationParams ?? {} },
    clientId,
    ...(clientSecret === undefined ? {} : { clientSecret }),
  };
}
