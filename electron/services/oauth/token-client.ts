// The token endpoint client: authorization_code (with the PKCE verifier) and refresh_token grants.
import { z } from 'zod';
import { parseEndpoint } from './endpoint-url.ts';
import { InvalidGrantError, OAuthError } from './oauth-error.ts';

/** Where and as whom tokens are requested. */
export interface TokenClient {
  tokenEndpoint: string;
  clientId: string;
  /** Google's desktop clients send their (not secret) client secret too; most need none. */
  clientSecret?: string | undefined;
}

/** Limits and plumbing for one token request. */
export interface TokenRequestOptions {
  /** Default 30 s. */
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Milliseconds since the epoch, for `expiresAt` (default Date.now). */
  now?: (() => number) | undefined;
}

/** What the token endpoint granted. */
export interface TokenSet {
  accessToken: string;
  /** The refresh token to keep: a new one when the server rotated it, else the one used. */
  refreshToken: string | null;
  /** When the access token expires, in milliseconds since the epoch; null when not said. */
  expiresAt: number | null;
  /** The granted scopes, when the server said. */
  scope: string | null;
}

const defaultTimeoutMs = 30_000;
const maxBodyBytes = 256 * 1024;

// RFC 6749 §5.1. Values with control characters could not travel in an IMAP SASL payload.
const tokenText = z.string().min(1).max(16_384).regex(/^[\x20-\x7e]+$/);
const SuccessSchema = z.object({
  access_token: tokenText,
  token_type: z.string().refine((value) => value.toLowerCase() === 'bearer').optional(),
  expires_in: z.coerce.number().positive().max(10 * 365 * 24 * 3600).optional(),
  refresh_token: tokenText.optional(),
  scope: z.string().max(4096).optional(),
});
const ErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** Text from the server, shortened and cleaned, with every secret of the request cut out. */
function sanitise(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  clean = clean.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : 'no connection';
}

async function requestTokens(
  client: TokenClient,
  grant: Record<string, string>,
  secrets: readonly string[],
  options: TokenRequestOptions,
): Promise<{ body: z.infer<typeof SuccessSchema>; receivedAt: number }> {
  const endpoint = parseEndpoint(client.tokenEndpoint, 'token endpoint');
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const form = new URLSearchParams({ ...grant, client_id: client.clientId });
  if (client.clientSecret) form.set('client_secret', client.clientSecret);

  let status: number;
  let text: string;
  try {
    // Redirects are not followed (a 3xx ends as an HTTP error below): a token request carries
    // secrets and must reach exactly this endpoint.
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form,
      redirect: 'manual',
      signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw new OAuthError('cancelled', 'The sign-in was cancelled.');
    if (timeout.aborted) throw new OAuthError('timeout', `The token endpoint ${endpoint.origin} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    throw new OAuthError('network', `Could not reach the token endpoint ${endpoint.origin} (${describeNetworkError(error)}).`);
  }
  if (text.length > maxBodyBytes) throw new OAuthError('bad-response', `The token endpoint ${endpoint.origin} sent an oversized answer.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }

  if (status < 200 || status >= 300) {
    const error = ErrorSchema.safeParse(json);
    if (!error.success) throw new OAuthError('token-request-failed', `The token endpoint ${endpoint.origin} answered HTTP ${status}.`);
    if (error.data.error === 'invalid_grant') throw new InvalidGrantError();
    const description = error.data.error_description ? `: ${sanitise(error.data.error_description, secrets)}` : '';
    throw new OAuthError('token-request-failed', `The token endpoint refused the request (${sanitise(error.data.error, secrets).slice(0, 64)}${description}).`);
  }
  const body = SuccessSchema.safeParse(json);
  if (!body.success) throw new OAuthError('bad-response', `The token endpoint ${endpoint.origin} answered without a usable bearer access token.`);
  return { body: body.data, receivedAt: (options.now ?? Date.now)() };
}

function toTokenSet(body: z.infer<typeof SuccessSchema>, receivedAt: number, previousRefreshToken: string | null): TokenSet {
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? previousRefreshToken,
    expiresAt: body.expires_in === undefined ? null : receivedAt + body.expires_in * 1000,
    scope: body.scope ?? null,
  };
}

/** Exchanges an authorization code, proving possession of the PKCE verifier (RFC 7636 §4.5). */
export async function exchangeAuthorizationCode(
  client: TokenClient,
  grant: { code: string; codeVerifier: string; redirectUri: string },
  options: TokenRequestOptions = {},
): Promise<TokenSet> {
  const { body, receivedAt } = await requestTokens(
    client,
    { grant_type: 'authorization_code', code: grant.code, code_verifier: grant.codeVerifier, redirect_uri: grant.redirectUri },
    [grant.code, grant.codeVerifier, client.clientSecret ?? ''],
    options,
  );
  return toTokenSet(body, receivedAt, null);
}

/**
 * Gets a new access token with a refresh token. A revoked or expired refresh token throws
 * {@link InvalidGrantError}; any other failure an {@link OAuthError} that leaves it usable.
 */
export async function refreshAccessToken(client: TokenClient, refreshToken: string, options: TokenRequestOptions = {}): Promise<TokenSet> {
  const { body, receivedAt } = await requestTokens(
    client,
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    [refreshToken, client.clientSecret ?? ''],
    options,
  );
  return toTokenSet(body, receivedAt, refreshToken);
}
