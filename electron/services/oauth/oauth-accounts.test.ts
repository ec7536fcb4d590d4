// Saved OAuth2 accounts end to end: sign-in → IMAP → saved (refresh token in a real keychain) → re-test refreshes → revoked → needs sign-in.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../e2e/fixtures/dovecot.ts';
import type { Keyring } from '../../../e2e/fixtures/keyring.ts';
import { startOAuthServer, type OAuthServer } from '../../../e2e/fixtures/oauth-server.ts';
import { openConfSettingsStore } from '../../adapters/conf-settings-store.ts';
import { registerHandlers } from '../../ipc/register-handlers.ts';
import { ipcCalls, type IpcEnvelope } from '../../../shared/ipc-contract.ts';
import { createAppServices } from '../app-services.ts';
import type { AccountResult, CheckRun } from '../accounts/accounts-service.types.ts';
import type { SettingsStore } from '../accounts/settings-store.ts';
import { accountsTestBed } from '../accounts/test-support/accounts-test-bed.ts';
import { ServiceError } from '../service-error.ts';
import { createOAuthAccountDeps } from './oauth-account-deps.ts';
import { scriptedBrowser, type ScriptedBrowserOptions } from './test-support/scripted-browser.ts';

// Addresses at gmail.com, so that the provider table's Google entry is found; the issuer
// override sends its sign-in to the mock server, and the account's host is the local Dovecot.
const alice = { user: 'alice@gmail.com', password: 'unused password' };
const bob = { user: 'bob@gmail.com', password: 'unused password' };
const carol = { user: 'carol@gmail.com', password: 'unused password' };
const dave = { user: 'dave@gmail.com', password: 'unused password' };
const erin = { user: 'erin@gmail.com', password: 'unused password' };

const bed = accountsTestBed(async () => {
  const oauth = await startOAuthServer();
  const dovecot = await startDovecot({ users: [alice, bob, carol, dave, erin], extraConfig: oauth.dovecotConfig });
  return { oauth, dovecot };
});
let keyring: Keyring;
let oauth: OAuthServer;
let dovecot: Dovecot;
beforeAll(() => ({ keyring, servers: { oauth, dovecot } } = bed));
const runner = bed.runner;

const env = () => ({ MAIL_SETUP_OAUTH_ISSUER: oauth.issuer, MAIL_SETUP_OAUTH_CLIENT_ID_GOOGLE: 'mail-setup-tests' });

// Short: a forged redirect is ignored, so those sign-ins end only when the time is up.
const signInTimeoutMs = 2_500;

function service(settings: SettingsStore, openBrowser: (url: string) => void = scriptedBrowser().openBrowser) {
  return bed.service(settings, { oauth: createOAuthAccountDeps({ env: env(), openBrowser, signInTimeoutMs }) });
}

async function open(browser?: ScriptedBrowserOptions) {
  const { dir, settings } = await bed.openStore('mail-setup-oauth-accounts');
  return { settings, dir, service: service(settings, scriptedBrowser(browser).openBrowser) };
}

const run = (): CheckRun => ({ checkId: `oauth-${Math.random()}`, onProgress: () => {} });

const newAccount = (user: { user: string }) => ({
  email: user.user,
  settings: { email: user.user, host: '127.0.0.1', port: dovecot.tlsPort, security: 'tls' as const, username: user.user },
  displayName: 'Signed in',
  allowInsecure: false,
});

async function secretOf(settings: SettingsStore, email: string): Promise<string | undefined> {
  const storeId = settings.read().storeId;
  return (await keyring.listSecrets()).find((item) => item.account === `${email}#${storeId}`)?.secret;
}

/** No token of this user, issued so far, appears in what the renderer or the settings file gets. */
async function expectNoTokens(result: AccountResult, settings: SettingsStore, email: string): Promise<void> {
  const visible = `${JSON.stringify(result)}\n${await readFile(settings.path, 'utf8')}`;
  for (const token of oauth.refreshTokensOf(email)) expect(visible).not.toContain(token);
  expect(visible).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
}

describe('OAuth2 accounts', () => {
  it('signs in, logs in with the access token and saves the refresh token in the keychain only', async () => {
    oauth.signInAs(alice.user);
    const { service: accounts, settings } = await open();
    const progress: string[] = [];
    const result = await accounts.signInWithOAuth(newAccount(alice), { ...run(), onProgress: (step) => progress.push(`${step.id}:${step.status}`) });
    expect(result.report?.ok).toBe(true);
    expect(progress).toContain('authenticate:passed');
    expect(result.account).toMatchObject({ email: alice.user, authKind: 'oauth2', hasPassword: true, status: 'ok', displayName: 'Signed in' });
    expect(await secretOf(settings, alice.user)).toBe(oauth.refreshTokensOf(alice.user).at(-1));
    await expectNoTokens(result, settings, alice.user);
    expect((await accounts.list())[0]).toMatchObject({ authKind: 'oauth2', status: 'ok' });
  });

  it('saves the provider’s outgoing server with the sign-in, tested with the same token, and re-tests both (test message too)', async () => {
    oauth.signInAs(erin.user);
    const { service: accounts, settings } = await open();
    const outgoing = { host: '127.0.0.1', port: dovecot.submissionsPort, security: 'tls' as const, username: erin.user };
    const result = await accounts.signInWithOAuth({ ...newAccount(erin), outgoing }, run());
    oauth.signInAs(alice.user);
    expect(result.report?.ok).toBe(true);
    expect(result.report?.outgoing?.steps.find((step) => step.id === 'authenticate')?.detail).toMatch(/^Signed in as erin@gmail\.com with (XOAUTH2|OAUTHBEARER)/);
    expect(result.account).toMatchObject({ authKind: 'oauth2', status: 'ok', outgoing: { ...outgoing, sharedPassword: true, hasPassword: true, status: 'ok' } });
    // One keychain item: the refresh token serves both servers.
    const storeId = settings.read().storeId;
    expect((await keyring.listSecrets()).filter((item) => item.account.startsWith(`${erin.user}#${storeId}`)).map((item) => item.account)).toEqual([`${erin.user}#${storeId}`]);
    await expectNoTokens(result, settings, erin.user);

    const before = dovecot.relayed.length;
    const retest = await accounts.retest(erin.user, run(), { sendTestMessage: true });
    expect(retest.report?.ok).toBe(true);
    expect(retest.report?.outgoing?.steps.map((step) => `${step.id}:${step.status}`)).toContain('delivery:passed');
    expect(dovecot.relayed.slice(before).map((message) => [message.from, message.to, message.delivered])).toEqual([[erin.user, [erin.user], true]]);
    expect((await accounts.list())[0]?.outgoing).toMatchObject({ status: 'ok', lastFailureCategory: null });
  });

  it('re-tests with the remembered access token, and refreshes it once it has expired', async () => {
    oauth.signInAs(carol.user);
    const { service: accounts, settings } = await open();
    oauth.setAccessTokenTtl(1);
    expect((await accounts.signInWithOAuth(newAccount(carol), run())).report?.ok).toBe(true);
    oauth.setAccessTokenTtl(3600);
    const signedInWith = await secretOf(settings, carol.user);
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const before = oauth.tokenRequests.length;
    const retest = await accounts.retest(carol.user, run());
    expect(retest.report?.ok).toBe(true);
    expect(retest.account?.status).toBe('ok');
    expect(oauth.tokenRequests.slice(before)).toMatchObject([{ grantType: 'refresh_token', statusCode: 200 }]);
    // The server rotated the refresh token: the new one is in the keychain.
    const rotated = await secretOf(settings, carol.user);
    expect(rotated).not.toBe(signedInWith);
    expect(rotated).toBe(oauth.refreshTokensOf(carol.user).at(-1));

    // Still valid: no new token request.
    const again = oauth.tokenRequests.length;
    expect((await accounts.retest(carol.user, run())).report?.ok).toBe(true);
    expect(oauth.tokenRequests.length).toBe(again);
    await expectNoTokens(retest, settings, carol.user);

    // A new process (the CLI, a restart) has nothing in memory and refreshes from the keychain.
    const restarted = service(openConfSettingsStore(settings.path.replace(/\/settings\.json$/, '')));
    expect((await restarted.retest(carol.user, run())).report?.ok).toBe(true);
    expect(oauth.tokenRequests.at(-1)).toMatchObject({ grantType: 'refresh_token', statusCode: 200 });
  });

  it('refreshes and checks once more when the server refuses a token the app still thought valid', async () => {
    oauth.signInAs(bob.user);
    const { service: accounts } = await open();
    // The token dies after 1 s but the token response claims an hour (clock skew, early revocation).
    oauth.setAccessTokenTtl(1, 3600);
    expect((await accounts.signInWithOAuth(newAccount(bob), run())).report?.ok).toBe(true);
    oauth.setAccessTokenTtl(3600);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const before = oauth.tokenRequests.length;
    const progress: string[] = [];
    const retest = await accounts.retest(bob.user, { ...run(), onProgress: (step) => progress.push(`${step.id}:${step.status}`) });
    expect(retest.report?.ok).toBe(true);
    expect(progress.filter((step) => step === 'authenticate:failed')).toHaveLength(1);
    expect(oauth.tokenRequests.slice(before)).toMatchObject([{ grantType: 'refresh_token', statusCode: 200 }]);
    oauth.signInAs(alice.user);
  });

  it('turns a revoked refresh token into needs-sign-in with a clear message, and signs in again', async () => {
    oauth.signInAs(dave.user);
    const { service: accounts, settings } = await open();
    expect((await accounts.signInWithOAuth(newAccount(dave), run())).report?.ok).toBe(true);
    oauth.revokeRefreshTokensOf(dave.user);
    // Only a refresh meets the revocation; make the remembered access token stale first.
    const restarted = service(openConfSettingsStore(settings.path.replace(/\/settings\.json$/, '')));

    const result = await restarted.retest(dave.user, run());
    expect(result.report?.ok).toBe(false);
    expect(result.report?.failure).toMatchObject({ category: 'wrong-credentials' });
    expect(result.report?.failure?.message).toMatch(/sign-in with Google .* has expired or was revoked/);
    expect(result.report?.failure?.advice).toMatch(/Sign in again with Google/);
    expect(result.report?.steps.find((step) => step.id === 'authenticate')?.status).toBe('failed');
    expect(result.account).toMatchObject({ status: 'needs-sign-in', hasPassword: false, lastFailureCategory: 'wrong-credentials' });
    expect(await secretOf(settings, dave.user)).toBeUndefined();
    expect((await restarted.list())[0]?.status).toBe('needs-sign-in');

    // Sign in again, by email only: the saved settings are used.
    const again = await restarted.signInWithOAuth({ email: dave.user, allowInsecure: false }, run());
    expect(again.report?.ok).toBe(true);
    expect(again.account).toMatchObject({ status: 'ok', hasPassword: true });
    expect(await secretOf(settings, dave.user)).toBe(oauth.refreshTokensOf(dave.user).at(-1));
  });

  it('saves nothing when the token is for another user: wrong-credentials', async () => {
    oauth.signInAs(bob.user);
    const { service: accounts, settings } = await open();
    const result = await accounts.signInWithOAuth(newAccount(alice), run());
    oauth.signInAs(alice.user);
    expect(result.report?.failure?.category).toBe('wrong-credentials');
    expect(result.account).toBeNull();
    expect(await accounts.list()).toEqual([]);
    expect(settings.read().storeId).toBeNull();
  });

  it('refuses a forged redirect and saves nothing', async () => {
    const { service: accounts } = await open({ tamper: (redirect) => redirect.searchParams.set('state', 'forged') });
    const error = await accounts.signInWithOAuth(newAccount(alice), run()).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'sign-in-failed' });
    expect(await accounts.list()).toEqual([]);
  });

  it('is cancelled while waiting for the browser', async () => {
    const { settings: store } = await bed.openStore('mail-setup-oauth-accounts');
    // The sign-in is waiting for the browser once the browser has been asked to open.
    let browserOpened!: () => void;
    const opened = new Promise<void>((resolve) => (browserOpened = resolve));
    const accounts = service(store, () => browserOpened());
    const checkRun = run();
    const pending = accounts.signInWithOAuth(newAccount(alice), checkRun).catch((reason: unknown) => reason);
    await opened;
    expect(accounts.cancelSignIn(checkRun.checkId)).toBe(true);
    expect(await pending).toMatchObject({ code: 'cancelled' });
    expect(accounts.cancelSignIn(checkRun.checkId)).toBe(false);
  });

  it('works through the IPC contract: signInWithOAuth, cancelOAuth, and sign-in failures as sign-in-failed', async () => {
    const { settings: store } = await bed.openStore('mail-setup-oauth-accounts');
    let browser = scriptedBrowser().openBrowser;
    const accounts = service(store, (url) => browser(url));
    const handlers = new Map<string, (payload: unknown) => Promise<IpcEnvelope<unknown>>>();
    const events: unknown[] = [];
    registerHandlers(
      {
        handle: (channel, handler) => handlers.set(channel, (payload) => handler('renderer', payload)),
        isTrustedSender: () => true,
        send: (_sender, _channel, payload) => events.push(payload),
      },
      createAppServices({
        checks: runner,
        discover: async () => ({ source: 'none', imap: null, provider: null }),
        providerHint: () => undefined,
        accounts,
        notices: () => [],
        keychainStatus: async () => ({ available: true, detail: '' }),
        openExternal: async () => false,
        handoff: { exports: { export: () => Promise.reject(new Error('not used here')) }, gnomeAvailable: async () => false, removeGnomeCopy: async () => false },
      }),
    );
    const call = (name: 'signInWithOAuth' | 'cancelOAuth', payload: unknown) => {
      const handler = handlers.get(ipcCalls[name].channel);
      if (handler === undefined) throw new Error(`no handler for ${name}`);
      return handler(payload);
    };

    oauth.signInAs(alice.user);
    const signedIn = await call('signInWithOAuth', { checkId: 'ipc-1', ...newAccount(alice) });
    expect(signedIn).toMatchObject({ ok: true, value: { report: { ok: true }, account: { authKind: 'oauth2', status: 'ok' } } });
    expect(events.length).toBeGreaterThan(0);
    const visible = JSON.stringify([signedIn, events]);
    for (const token of oauth.refreshTokensOf(alice.user)) expect(visible).not.toContain(token);
    expect(visible).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);

    browser = scriptedBrowser({ tamper: (redirect) => redirect.searchParams.set('state', 'forged') }).openBrowser;
    expect(await call('signInWithOAuth', { checkId: 'ipc-2', email: alice.user })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });

    browser = () => undefined;
    const pending = call('signInWithOAuth', { checkId: 'ipc-3', email: alice.user });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await call('cancelOAuth', { checkId: 'ipc-3' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await call('signInWithOAuth', { checkId: 'ipc-4', email: 'nobody@gmail.com' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
