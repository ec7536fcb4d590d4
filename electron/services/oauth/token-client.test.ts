// Tests the token client's answers to a scripted token endpoint: success, invalid_grant, errors, timeouts, redaction.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidGrantError, OAuthError } from './oauth-error.ts';
import { exchangeAuthorizationCode, refreshAccessToken } from './token-client.ts';

const refreshToken = 'refresh-token-secret-value-1234567890';
const servers: Server[] = [];

/** A token endpoint on 127.0.0.1 that answers every request with `handler`; records the forms it got. */
async function tokenEndpoint(handler: (request: IncomingMessage, response: ServerResponse, form: URLSearchParams) => void) {
  const forms: URLSearchParams[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      forms.push(form);
      handler(request, response, form);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = { tokenEndpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`, clientId: 'the-client' };
  return { client, forms };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function failure(promise: Promise<unknown>): Promise<OAuthError> {
  const error = await promise.then(
    () => new Error('resolved'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof OAuthError)) throw new Error(`expected an OAuthError, got ${String(error)}`);
  expect(error.message).not.toContain(refreshToken);
  expect(error.message).not.toContain('the-code');
  expect(error.message).not.toContain('the-verifier');
  return error;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('token client', () => {
  it('exchanges a code with the verifier and redirect URI, and computes expiresAt', async () => {
    const { client, forms } = await tokenEndpoint((_request, response) =>
      json(response, 200, { access_token: 'access-1', token_type: 'Bearer', expires_in: 3599, refresh_token: 'refresh-1', scope: 's' }),
    );
    const tokens = await exchangeAuthorizationCode(
      client,
      { code: 'the-code', codeVerifier: 'the-verifier', redirectUri: 'http://127.0.0.1:1/callback' },
      { now: () => 1_000_000 },
    );
    expect(tokens).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: 1_000_000 + 3_599_000, scope: 's' });
    expect(Object.fromEntries(forms[0] ?? [])).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      code_verifier: 'the-verifier',
      redirect_uri: 'http://127.0.0.1:1/callback',
      client_id: 'the-client',
    });
  });

  it('refreshes, keeping the old refresh token when the server sends none and taking a rotated one', async () => {
    let rotate = false;
    const { client, forms } = await tokenEndpoint((_request, response) =>
      json(response, 200, { access_token: 'access-2', token_type: 'bearer', expires_in: '60', ...(rotate ? { refresh_token: 'rotated' } : {}) }),
    );
    expect((await refreshAccessToken(client, refreshToken)).refreshToken).toBe(refreshToken);
    rotate = true;
    expect((await refreshAccessToken({ ...client, clientSecret: 'desktop-secret' }, refreshToken)).refreshToken).toBe('rotated');
    expect(Object.fromEntries(forms[1] ?? [])).toEqual({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'the-client', client_secret: 'desktop-secret' });
  });

  it('maps invalid_grant to InvalidGrantError', async () => {
    const { client } = await tokenEndpoint((_request, response) => json(response, 400, { error: 'invalid_grant', error_description: `Bad token ${refreshToken}` }));
    const error = await failure(refreshAccessToken(client, refreshToken));
    expect(error).toBeInstanceOf(InvalidGrantError);
    expect(error.code).toBe('invalid-grant');
  });

  it('reports other refusals with the server’s words, secrets cut out', async () => {
    const { client } = await tokenEndpoint((_request, response) =>
      json(response, 401, { error: 'invalid_client', error_description: `client unknown for ${refreshToken}\r\n` }),
    );
    const error = await failure(refreshAccessToken(client, refreshToken));
    expect(error.code).toBe('token-request-failed');
    expect(error.message).toBe('The token endpoint refused the request (invalid_client: client unknown for [redacted]).');
  });

  it('reports an HTTP error without a JSON body by its status', async () => {
    const { client } = await tokenEndpoint((_request, response) => {
      response.writeHead(502, { 'Content-Type': 'text/html' });
      response.end(`<html>${refreshToken}</html>`);
    });
    const error = await failure(refreshAccessToken(client, refreshToken));
    expect(error.code).toBe('token-request-failed');
    expect(error.message).toMatch(/HTTP 502/);
  });

  it('refuses a success without a bearer access token', async () => {
    for (const body of [{ token_type: 'Bearer' }, { access_token: 'a', token_type: 'mac' }, { access_token: 'a\r\nb' }]) {
      const { client } = await tokenEndpoint((_request, response) => json(response, 200, body));
      expect((await failure(refreshAccessToken(client, refreshToken))).code).toBe('bad-response');
    }
  });

  it('does not follow redirects with the secrets', async () => {
    const target = await tokenEndpoint((_request, response) => json(response, 200, { access_token: 'stolen' }));
    const { client } = await tokenEndpoint((_request, response) => {
      response.writeHead(307, { Location: target.client.tokenEndpoint });
      response.end();
    });
    const error = await failure(refreshAccessToken(client, refreshToken));
    expect(error.code).toBe('token-request-failed');
    expect(error.message).toMatch(/HTTP 307/);
    expect(target.forms).toHaveLength(0);
  });

  it('times out, is cancelled, and reports an unreachable endpoint', async () => {
    const { client } = await tokenEndpoint(() => undefined);
    expect((await failure(refreshAccessToken(client, refreshToken, { timeoutMs: 100 }))).code).toBe('timeout');
    const controller = new AbortController();
    const pending = refreshAccessToken(client, refreshToken, { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).toBe('cancelled');

    const closed = await tokenEndpoint(() => undefined);
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const error = await failure(refreshAccessToken(closed.client, refreshToken));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('refuses a plain-http endpoint off loopback before sending anything', async () => {
    const error = await failure(refreshAccessToken({ tokenEndpoint: 'http://oauth.example.test/token', clientId: 'c' }, refreshToken));
    expect(error.code).toBe('not-configured');
  });
});
