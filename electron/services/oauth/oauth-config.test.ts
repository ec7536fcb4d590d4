// Tests the OAuth configuration (client id overrides, issuer override, placeholders) and the authorization URL.
import { describe, expect, it } from 'vitest';
import { googleOAuth2, microsoftOAuth2 } from '../../../shared/providers/providers-global.ts';
import { buildAuthorizationUrl } from './authorization-url.ts';
import { resolveOAuthConfig } from './oauth-config.ts';
import { OAuthError } from './oauth-error.ts';

function notConfigured(run: () => unknown): OAuthError {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError && error.code === 'not-configured') return error;
    throw error;
  }
  throw new Error('expected not-configured');
}

describe('resolveOAuthConfig', () => {
  it('refuses the placeholder client id and names the variable that sets it', () => {
    expect(notConfigured(() => resolveOAuthConfig(googleOAuth2, {})).message).toContain('MAIL_SETUP_OAUTH_CLIENT_ID_GOOGLE');
    expect(notConfigured(() => resolveOAuthConfig(microsoftOAuth2, {})).message).toContain('MAIL_SETUP_OAUTH_CLIENT_ID_MICROSOFT');
  });

  it('takes the client id (and a desktop client secret) from the environment, per provider', () => {
    const env = {
      MAIL_SETUP_OAUTH_CLIENT_ID_GOOGLE: 'google-id.apps.googleusercontent.com',
      MAIL_SETUP_OAUTH_CLIENT_SECRET_GOOGLE: 'not-really-secret',
      MAIL_SETUP_OAUTH_CLIENT_ID_MICROSOFT: 'microsoft-id',
    };
    const google = resolveOAuthConfig(googleOAuth2, env);
    expect(google).toMatchObject({ providerName: 'Google', clientId: 'google-id.apps.googleusercontent.com', clientSecret: 'not-really-secret' });
    expect(google.provider).toEqual({
      authorizationEndpoint: googleOAuth2.authorizationEndpoint,
      tokenEndpoint: googleOAuth2.tokenEndpoint,
      scopes: ['https://mail.google.com/'],
      authorizationParams: { access_type: 'offline', prompt: 'consent' },
    });
    const microsoft = resolveOAuthConfig(microsoftOAuth2, env);
    expect(microsoft.clientId).toBe('microsoft-id');
    expect(microsoft.clientSecret).toBeUndefined();
    expect(microsoft.provider.scopes).toContain('offline_access');
  });

  it('replaces the endpoints with MAIL_SETUP_OAUTH_ISSUER, https or loopback http only', () => {
    const env = { MAIL_SETUP_OAUTH_CLIENT_ID_MICROSOFT: 'id', MAIL_SETUP_OAUTH_ISSUER: 'http://127.0.0.1:4567/' };
    const config = resolveOAuthConfig(microsoftOAuth2, env);
    expect(config.provider.authorizationEndpoint).toBe('http://127.0.0.1:4567/authorize');
    expect(config.provider.tokenEndpoint).toBe('http://127.0.0.1:4567/token');
    notConfigured(() => resolveOAuthConfig(microsoftOAuth2, { ...env, MAIL_SETUP_OAUTH_ISSUER: 'http://auth.example.test' }));
    notConfigured(() => resolveOAuthConfig(microsoftOAuth2, { ...env, MAIL_SETUP_OAUTH_ISSUER: 'not a url' }));
  });
});

describe('buildAuthorizationUrl', () => {
  it('carries response_type=code, PKCE S256, state, scopes and the redirect; extras cannot override them', () => {
    const url = new URL(
      buildAuthorizationUrl({
        authorizationEndpoint: 'https://accounts.example.test/auth?tenant=x',
        clientId: 'client',
        redirectUri: 'http://127.0.0.1:5000/callback',
        scopes: ['a', 'b c'],
        state: 'the-state',
        codeChallenge: 'the-challenge',
        loginHint: 'alice@example.test',
        extraParams: { access_type: 'offline', state: 'forged', code_challenge_method: 'plain' },
      }),
    );
    const params = Object.fromEntries(url.searchParams);
    expect(params).toEqual({
      tenant: 'x',
      access_type: 'offline',
      response_type: 'code',
      client_id: 'client',
      redirect_uri: 'http://127.0.0.1:5000/callback',
      scope: 'a b c',
      state: 'the-state',
      code_challenge: 'the-challenge',
      code_challenge_method: 'S256',
      login_hint: 'alice@example.test',
    });
  });

  it('refuses a plain-http endpoint off loopback', () => {
    expect(() =>
      buildAuthorizationUrl({
        authorizationEndpoint: 'http://accounts.example.test/auth',
        clientId: 'c',
        redirectUri: 'http://127.0.0.1:1/callback',
        scopes: ['a'],
        state: 's',
        codeChallenge: 'c',
      }),
    ).toThrow(OAuthError);
  });
});
