// End to end on loopback: oauth2-mock-server signs in, real Dovecot validates the JWTs, the check engine logs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../e2e/fixtures/dovecot.ts';
import { nextLoopbackAddress } from '../../../e2e/fixtures/loopback-address.ts';
import { startOAuthServer, type OAuthServer } from '../../../e2e/fixtures/oauth-server.ts';
import { getTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import type { CheckReport } from '../../../shared/check-report.ts';
import { googleOAuth2 } from '../../../shared/providers/providers-global.ts';
import { resolveHost } from '../net/resolve-host.ts';
import { createCheckEngine } from '../check/run-check.ts';
import { resolveOAuthConfig, type OAuthConfig } from './oauth-config.ts';
import { InvalidGrantError, OAuthError } from './oauth-error.ts';
import { followRedirectsBrowser } from './redirect-following-browser.ts';
import { signIn } from './sign-in.ts';
import { scriptedBrowser } from './test-support/scripted-browser.ts';
import { exchangeAuthorizationCode, refreshAccessToken } from './token-client.ts';

const alice = { user: 'alice@example.test', password: 'alice password' };
const bob = { user: 'bob@example.test', password: 'bob password' };

let ca: TestCa;
let oauth: OAuthServer;
let dovecot: Dovecot;
let xoauth2Only: Dovecot;
let config: OAuthConfig;
/** Every token value seen, to prove none reaches an error message. */
const secrets: string[] = [];

function remember<T extends { accessToken: string; refreshToken: string | null }>(tokens: T): T {
  secrets.push(tokens.accessToken, ...(tokens.refreshToken ? [tokens.refreshToken] : []));
  return tokens;
}

async function check(accessToken: string, options: { email?: string; server?: Dovecot } = {}): Promise<CheckReport> {
  const server = options.server ?? dovecot;
  const email = options.email ?? alice.user;
  // Each check from its own source address: a refused token must not slow the next test down.
  const engine = createCheckEngine({ resolveHost, caCertificates: () => [ca.caPem], localAddress: nextLoopbackAddress(), now: () => performance.now() });
  return engine.run({
    settings: { email, host: '127.0.0.1', port: server.tlsPort, security: 'tls', username: email },
    credential: { kind: 'oauth2', accessToken },
    allowInsecure: false,
    timeoutMs: 10_000,
  });
}

async function oauthFailure(promise: Promise<unknown>): Promise<OAuthError> {
  const error = await promise.then(
    () => new Error('resolved'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof OAuthError)) throw new Error(`expected an OAuthError, got ${String(error)}`);
  for (const secret of secrets) expect(error.message).not.toContain(secret);
  return error;
}

async function portClosed(url: URL): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

beforeAll(async () => {
  ca = await getTestCa();
  oauth = await startOAuthServer();
  [dovecot, xoauth2Only] = await Promise.all([
    startDovecot({ users: [alice, bob], extraConfig: oauth.dovecotConfig }),
    startDovecot({ users: [alice], extraConfig: `${oauth.dovecotConfig}auth_mechanisms = plain login xoauth2\n` }),
  ]);
  config = resolveOAuthConfig(googleOAuth2, { MAIL_SETUP_OAUTH_ISSUER: oauth.issuer, MAIL_SETUP_OAUTH_CLIENT_ID_GOOGLE: 'mail-setup-tests' });
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), xoauth2Only?.stop(), oauth?.stop()]);
});

describe('sign-in end to end', () => {
  it('signs in through the browser and logs in to IMAP with OAUTHBEARER', async () => {
    oauth.signInAs(alice.user);
    const browser = scriptedBrowser();
    const started = Date.now();
    const tokens = remember(await signIn({ ...config, openBrowser: browser.openBrowser, loginHint: alice.user, timeoutMs: 10_000 }));
    const visit = await browser.visits[0];
    if (visit === undefined) throw new Error('the browser was not opened');

    const sent = Object.fromEntries(visit.authorizationUrl.searchParams);
    expect(sent).toMatchObject({ response_type: 'code', client_id: 'mail-setup-tests', code_challenge_method: 'S256', login_hint: alice.user, access_type: 'offline', scope: 'https://mail.google.com/' });
    expect(sent['state']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent['code_challenge']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent).not.toHaveProperty('code_verifier');
    expect(sent['redirect_uri']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(visit.redirect.searchParams.get('state')).toBe(sent['state']);
    expect(visit.status).toBe(200);
    expect(visit.page).toMatch(/return to Mail Setup/);
    expect(await portClosed(visit.redirect)).toBe(true);

    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(started + 3_590_000);
    expect(oauth.tokenRequests.at(-1)).toMatchObject({ grantType: 'authorization_code', statusCode: 200 });

    const report = await check(tokens.accessToken);
    expect(report.failure).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.steps.find((step) => step.id === 'authenticate')?.detail).toMatch(/with OAUTHBEARER/);
    expect(JSON.stringify(report)).not.toContain(tokens.accessToken);
  });

  it('logs in with XOAUTH2 where the server offers only that', async () => {
    oauth.signInAs(alice.user);
    const tokens = remember(await signIn({ ...config, openBrowser: scriptedBrowser().openBrowser, timeoutMs: 10_000 }));
    const report = await check(tokens.accessToken, { server: xoauth2Only });
    expect(report.ok).toBe(true);
    expect(report.steps.find((step) => step.id === 'authenticate')?.detail).toMatch(/with XOAUTH2/);
  });

  it('ignores a redirect with a wrong state, never exchanging its code, and waits on until the time is up', async () => {
    const before = oauth.tokenRequests.length;
    const browser = scriptedBrowser({ tamper: (redirect) => redirect.searchParams.set('state', 'forged-state') });
    const error = await oauthFailure(signIn({ ...config, openBrowser: browser.openBrowser, timeoutMs: 1_500 }));
    expect(error.code).toBe('timeout');
    const visit = await browser.visits[0];
    expect(visit?.status).toBe(400);
    expect(visit?.page).toMatch(/did not complete/);
    expect(oauth.tokenRequests.length).toBe(before);
    if (visit) expect(await portClosed(visit.redirect)).toBe(true);
  });

  it('has a token for another user refused by the server: wrong-credentials', async () => {
    oauth.signInAs(bob.user);
    const tokens = remember(await signIn({ ...config, openBrowser: scriptedBrowser().openBrowser, timeoutMs: 10_000 }));
    oauth.signInAs(alice.user);
    const report = await check(tokens.accessToken, { email: alice.user });
    expect(report.ok).toBe(false);
    expect(report.failure?.category).toBe('wrong-credentials');
    expect(report.steps.find((step) => step.id === 'authenticate')?.status).toBe('failed');
    expect(JSON.stringify(report)).not.toContain(tokens.accessToken);
    expect((await check(tokens.accessToken, { email: bob.user })).ok).toBe(true);
  });

  it('refreshes an expired access token; the server refuses the expired one', async () => {
    oauth.signInAs(alice.user);
    oauth.setAccessTokenTtl(1);
    const tokens = remember(await signIn({ ...config, openBrowser: scriptedBrowser().openBrowser, timeoutMs: 10_000 }));
    oauth.setAccessTokenTtl(3600);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await check(tokens.accessToken);
    expect(expired.failure?.category).toBe('wrong-credentials');

    const client = { tokenEndpoint: config.provider.tokenEndpoint, clientId: config.clientId };
    const refreshed = remember(await refreshAccessToken(client, tokens.refreshToken ?? ''));
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toEqual(expect.any(String));
    expect(oauth.tokenRequests.at(-1)).toMatchObject({ grantType: 'refresh_token', statusCode: 200 });
    expect((await check(refreshed.accessToken)).ok).toBe(true);
  });

  it('turns a revoked refresh token into InvalidGrantError', async () => {
    oauth.signInAs(alice.user);
    const tokens = remember(await signIn({ ...config, openBrowser: scriptedBrowser().openBrowser, timeoutMs: 10_000 }));
    oauth.revokeRefreshTokensOf(alice.user);
    const client = { tokenEndpoint: config.provider.tokenEndpoint, clientId: config.clientId };
    const error = await oauthFailure(refreshAccessToken(client, tokens.refreshToken ?? ''));
    expect(error).toBeInstanceOf(InvalidGrantError);
    expect(error.code).toBe('invalid-grant');
    expect(error.message).toMatch(/sign in again/i);
    expect(oauth.tokenRequests.at(-1)).toMatchObject({ grantType: 'refresh_token', statusCode: 400, error: 'invalid_grant' });
  });

  it('finishes with the redirect-following stand-in browser the harness uses', async () => {
    oauth.signInAs(alice.user);
    const tokens = remember(await signIn({ ...config, openBrowser: followRedirectsBrowser, timeoutMs: 10_000 }));
    expect((await check(tokens.accessToken)).ok).toBe(true);
  });

  it('runs against an authorization server that really enforces PKCE S256', async () => {
    // What the passing flows above prove depends on this: a code without the right verifier is refused.
    const redirectUri = 'http://127.0.0.1:9/callback';
    const authorize = async (method: string) => {
      const url = new URL(config.provider.authorizationEndpoint);
      for (const [name, value] of Object.entries({ response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri, state: 's', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: method })) {
        url.searchParams.set(name, value);
      }
      return new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '');
    };
    expect((await authorize('plain')).searchParams.get('error')).toBe('invalid_request');
    const code = (await authorize('S256')).searchParams.get('code') ?? '';
    const wrongVerifier = await oauthFailure(
      exchangeAuthorizationCode({ tokenEndpoint: config.provider.tokenEndpoint, clientId: config.clientId }, { code, codeVerifier: 'x'.repeat(43), redirectUri }),
    );
    expect(wrongVerifier.code).toBe('token-request-failed');
    const code2 = (await authorize('S256')).searchParams.get('code') ?? '';
    const noVerifier = await fetch(config.provider.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: code2, redirect_uri: redirectUri, client_id: config.clientId }),
    });
    expect(noVerifier.status).toBe(400);
    expect(await noVerifier.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('is cancelled by the signal and closes the listener', async () => {
    let redirect: URL | undefined;
    const controller = new AbortController();
    const pending = signIn({
      ...config,
      signal: controller.signal,
      timeoutMs: 10_000,
      openBrowser: (url) => {
        redirect = new URL(new URL(url).searchParams.get('redirect_uri') ?? '');
        setTimeout(() => controller.abort(), 20);
      },
    });
    expect((await oauthFailure(pending)).code).toBe('cancelled');
    if (redirect === undefined) throw new Error('the browser was not opened');
    expect(await portClosed(redirect)).toBe(true);
  });

  it('times out when the browser never comes back', async () => {
    const error = await oauthFailure(signIn({ ...config, timeoutMs: 150, openBrowser: () => undefined }));
    expect(error.code).toBe('timeout');
  });

  it('reports a browser that cannot be opened', async () => {
    const error = await oauthFailure(
      signIn({
        ...config,
        timeoutMs: 10_000,
        openBrowser: () => {
          throw new Error('no browser');
        },
      }),
    );
    expect(error.code).toBe('browser-failed');
  });
});
