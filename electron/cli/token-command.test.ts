// `mail-setup token EMAIL` as a child process: a fresh access token from the keychain's refresh token, used by real msmtp (XOAUTH2) through an exported config.
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import { startKeyring, type Keyring } from '../../e2e/fixtures/keyring.ts';
import { startOAuthServer, type OAuthServer } from '../../e2e/fixtures/oauth-server.ts';
import { runCommand } from '../../e2e/fixtures/run-command.ts';
import { makeTempDir, type TempDir } from '../../e2e/fixtures/temp-dir.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';
import { openConfSettingsStore } from '../adapters/conf-settings-store.ts';
import { keychainAccountName, keychainService } from '../services/secrets/secret-store.ts';
import { oauthConfigForAccount } from '../services/oauth/provider-oauth.ts';
import { signIn } from '../services/oauth/sign-in.ts';
import { scriptedBrowser } from '../services/oauth/test-support/scripted-browser.ts';
import { storedAccount, testStoreId } from '../services/handoff/test-support/saved-accounts.ts';
import { runCli } from './test-support/spawn-cli.ts';

// At gmail.com, so the provider table's Google sign-in applies; the issuer override sends it to the mock server.
const alice = { user: 'alice@gmail.com', password: 'unused' };
const bob = { user: 'bob@gmail.com', password: 'bob password' };
const bin = fileURLToPath(new URL('../../bin/mail-setup.js', import.meta.url));

let ca: TestCa;
let oauth: OAuthServer;
let dovecot: Dovecot;
let keyring: Keyring;
let data: TempDir;
let firstRefreshToken: string;

const oauthEnv = () => ({ MAIL_SETUP_OAUTH_ISSUER: oauth.issuer, MAIL_SETUP_OAUTH_CLIENT_ID_GOOGLE: 'mail-setup-tests' });
const env = () => ({ ...process.env, ...keyring.env, ...oauthEnv(), MAIL_SETUP_DATA_DIR: data.path, NODE_EXTRA_CA_CERTS: ca.caCert });
const secretName = (email: string) => keychainAccountName(testStoreId, email);
const keychainSecret = async (email: string) => (await keyring.listSecrets()).find((item) => item.account === secretName(email))?.secret;

beforeAll(async () => {
  [ca, oauth, keyring, data] = await Promise.all([getTestCa(), startOAuthServer(), startKeyring(), makeTempDir('mail-setup-token')]);
  dovecot = await startDovecot({ users: [alice, bob], extraConfig: oauth.dovecotConfig });
  // A real sign-in through the mock authorization server, as the app does it.
  oauth.signInAs(alice.user);
  const config = oauthConfigForAccount(alice.user, 'imap.gmail.com', oauthEnv());
  const tokens = await signIn({ ...config, openBrowser: scriptedBrowser().openBrowser, timeoutMs: 10_000 });
  firstRefreshToken = tokens.refreshToken ?? '';
  const server = (email: string) => ({ email, username: email, host: 'localhost', port: dovecot.tlsPort, security: 'tls' as const });
  const outgoing = { host: 'localhost', port: dovecot.submissionsPort, security: 'tls' as const };
  openConfSettingsStore(data.path).write({
    storeId: testStoreId,
    accounts: [
      storedAccount({ ...server(alice.user), authKind: 'oauth2' }, { ...outgoing, username: alice.user }),
      storedAccount(server(bob.user), { ...outgoing, username: bob.user }),
    ],
  });
  await keyring.storeSecret(keychainService, secretName(alice.user), firstRefreshToken);
  await keyring.storeSecret(keychainService, secretName(bob.user), bob.password);
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), oauth?.stop(), keyring?.stop(), data?.remove()]);
});

describe('mail-setup token', () => {
  it('prints a fresh access token and keeps the rotated refresh token in the keychain', async () => {
    const run = await runCli(['token', alice.user], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+\n$/);
    expect(oauth.tokenRequests.at(-1)).toMatchObject({ grantType: 'refresh_token', statusCode: 200 });
    const kept = await keychainSecret(alice.user);
    expect(kept).not.toBe(firstRefreshToken);
    expect(oauth.refreshTokensOf(alice.user)).toContain(kept);
  });

  it('lets msmtp send with XOAUTH2 through the exported config, which runs `mail-setup token`', async () => {
    const home = await makeTempDir('mail-setup-token-home');
    try {
      // `mail-setup` on PATH, as after installing: the repository's command.
      await mkdir(join(home.path, 'bin'));
      await writeFile(join(home.path, 'bin', 'mail-setup'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
      await chmod(join(home.path, 'bin', 'mail-setup'), 0o755);
      const exported = await runCli(['export', alice.user, '--to', 'msmtp'], env());
      expect(exported.code).toBe(0);
      expect(exported.stdout).toMatch(/^auth xoauth2$/m);
      expect(exported.stdout).toContain('passwordeval "mail-setup token alice@gmail.com"');
      const config = join(home.path, 'msmtprc');
      await writeFile(config, `defaults\ntls_trust_file ${ca.caCert}\n\n${exported.stdout}`, { mode: 0o600 });
      const subject = `Token test ${Date.now()}`;
      await runCommand('msmtp', ['-C', config, '-a', alice.user, alice.user], {
        input: `From: ${alice.user}\nTo: ${alice.user}\nSubject: ${subject}\n\nSent with an access token from mail-setup token.\n`,
        env: { ...env(), PATH: `${join(home.path, 'bin')}:${process.env['PATH'] ?? ''}` },
      });
      const inbox = join(dovecot.home(alice.user), 'Maildir', 'new');
      let arrived = false;
      for (let attempt = 0; attempt < 100 && !arrived; attempt += 1) {
        for (const name of await readdir(inbox)) if ((await readFile(join(inbox, name), 'utf8')).includes(subject)) arrived = true;
        if (!arrived) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(arrived).toBe(true);
      expect(await dovecot.readLog()).toMatch(/submission-login: Info: Login: user=<alice@gmail\.com>, method=XOAUTH2/);
    } finally {
      await home.remove();
    }
  });

  it('refuses a password account (exit 2) and a revoked sign-in (exit 1) in one line, printing no token', async () => {
    const password = await runCli(['token', bob.user], env());
    expect(password).toMatchObject({ code: 2, stdout: '' });
    expect(password.stderr).toMatch(/^mail-setup: bob@gmail\.com signs in with a password, not OAuth2/);

    oauth.revokeRefreshTokensOf(alice.user);
    const revoked = await runCli(['token', alice.user], env());
    expect(revoked).toMatchObject({ code: 1, stdout: '' });
    expect(revoked.stderr).toBe('mail-setup: The provider refused the saved sign-in for alice@gmail.com (it has expired or was revoked): sign in again in Mail Setup.\n');

    const unknown = await runCli(['token', 'nobody@gmail.com'], env());
    expect(unknown).toMatchObject({ code: 2, stdout: '', stderr: 'mail-setup: No saved account nobody@gmail.com.\n' });
  });
});
