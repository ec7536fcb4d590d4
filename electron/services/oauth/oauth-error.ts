// The errors an OAuth2 sign-in or token request ends with: a code to act on and a message without secrets.

/** Why a sign-in or a token request did not produce tokens. */
export type OAuthErrorCode =
  /** The user (or the app) cancelled the sign-in. */
  | 'cancelled'
  /** No answer in time: from the browser, or from the token endpoint. */
  | 'timeout'
  /** The redirect did not carry this sign-in's `state`: a stale tab or a forged request. */
  | 'state-mismatch'
  /** The user declined, or closed the consent page (`error=access_denied`). */
  | 'access-denied'
  /** The authorization server answered the redirect with another error. */
  | 'authorization-failed'
  /** The refresh token (or code) was revoked, expired or already used: sign in again. */
  | 'invalid-grant'
  /** The token endpoint refused the request for another reason. */
  | 'token-request-failed'
  /** The token endpoint could not be reached. */
  | 'network'
  /** An answer that is not what OAuth2 prescribes. */
  | 'bad-response'
  /** This build or configuration has no usable client id or endpoints for the provider. */
  | 'not-configured'
  /** The system browser could not be opened. */
  | 'browser-failed';

/**
 * A sign-in or token failure. The message is for people and never holds a token, a code or a
 * verifier: callers may log it, show it or send it to the renderer.
 */
export class OAuthError extends Error {
  readonly code: OAuthErrorCode;

  constructor(code: OAuthErrorCode, message: string) {
    super(message);
    this.name = 'OAuthError';
    this.code = code;
  }
}

/** The refresh token no longer works (`invalid_grant`): the account must be signed in again. */
export class InvalidGrantError extends OAuthError {
  constructor(message = 'The sign-in has expired or was revoked at the provider. Sign in again.') {
    super('invalid-grant', message);
    this.name = 'InvalidGrantError';
  }
}
