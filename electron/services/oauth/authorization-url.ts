// Builds the authorization request URL the system browser opens (RFC 6749 §4.1.1 with PKCE and state).
import { parseEndpoint } from './endpoint-url.ts';

/** Everything an authorization request carries. */
export interface AuthorizationRequest {
  authorizationEndpoint: string;
  clientId: string;
  /** The loopback redirect URI the listener answers on. */
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  /** The PKCE S256 challenge (never the verifier). */
  codeChallenge: string;
  /** The address the user is adding, so the provider can preselect the right account. */
  loginHint?: string | undefined;
  /** Provider-specific parameters (Google's `access_type=offline`, say). */
  extraParams?: Readonly<Record<string, string>> | undefined;
}

/** The URL to open in the system browser. */
export function buildAuthorizationUrl(request: AuthorizationRequest): string {
  const url = parseEndpoint(request.authorizationEndpoint, 'authorization endpoint');
  const params = url.searchParams;
  // Provider extras first, so that they can never replace the protocol's own parameters below.
  for (const [name, value] of Object.entries(request.extraParams ?? {})) params.set(name, value);
  params.set('response_type', 'code');
  params.set('client_id', request.clientId);
  params.set('redirect_uri', request.redirectUri);
  params.set('scope', request.scopes.join(' '));
  params.set('state', request.state);
  params.set('code_challenge', request.codeChallenge);
  params.set('code_challenge_method', 'S256');
  if (request.loginHint) params.set('login_hint', request.loginHint);
  return url.href;
}
