// Browser sign-in (OAuth2) from the wizard and the accounts screen, against a mock authorization server and Dovecot.
import { startDovecot, type Dovecot } from '../fixtures/dovecot.ts';
import { startOAuthServer, type OAuthServer } from '../fixtures/oauth-server.ts';
import { expect, test } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { accountItem, enterEmail, expectAllPassed, fillOutgoing } from './support/wizard-steps.ts';

test.describe('with a test authorization server', () => {
  const user = { user: 'someone@outlook.com', password: 'unused password' };
  const saved = new Map<string, string | undefined>();
  let oauth: OAuthServer;
  let server: Dovecot;

  // The harness takes its environment from this process when each test starts it.
  test.beforeAll(async () => {
    oauth = await startOAuthServer({ user: user.user });
    server = await startDovecot({ users: [user], extraConfig: oauth.dovecotConfig });
    const env = { MAIL_SETUP_OAUTH_BROWSER: 'follow-redirects', MAIL_SETUP_OAUTH_ISSUER: oauth.issuer, MAIL_SETUP_OAUTH_CLIENT_ID_MICROSOFT: 'mail-setup-tests' };
    for (const [name, value] of Object.entries(env)) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  });

  test.afterAll(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await server?.stop();
    await oauth?.stop();
  });

  test('where browser sign-in can work it comes first; choosing a password instead keeps the focus', async ({ app }) => {
    await enterEmail(app, user.user);
    await expect(app.getByRole('button', { name: 'Sign in with Outlook.com' })).toBeFocused();
    await app.getByRole('button', { name: 'Use an app password instead' }).click();
    await expect(app.getByLabel('Password', { exact: true })).toBeFocused();
  });

  test('Sign in tests both servers with the token and saves the account with its outgoing server; the accounts screen can sign in again', async ({ app, harness }) => {
    await enterEmail(app, user.user);
    await expect(app.getByLabel('Password', { exact: true })).toHaveCount(0);
    // Browser sign-in can work here: the cursor starts on its button.
    await expect(app.getByRole('button', { name: 'Sign in with Outlook.com' })).toBeFocused();
    await app.getByRole('button', { name: 'Edit settings' }).click();
    await app.getByLabel('Server', { exact: true }).fill('localhost');
    await app.getByLabel('Port', { exact: true }).fill(String(server.tlsPort));
    // Discovery filled in the provider's outgoing server; here it is the local submission service.
    await expect(app.getByLabel('Outgoing server')).toHaveValue('smtp-mail.outlook.com');
    await fillOutgoing(app, { host: 'localhost', port: server.submissionsPort, security: 'SSL/TLS', username: user.user });
    await app.getByRole('button', { name: 'Sign in with Outlook.com' }).click();

    const item = accountItem(app, user.user);
    await expect(item).toContainText('OK');
    await expect(item).toContainText(`Outgoing: localhost:${server.submissionsPort} · SSL/TLS`);
    await expect(item.locator('[data-server="outgoing"] [data-account-status]')).toHaveAttribute('data-account-status', 'ok');
    await expect(item.getByRole('button', { name: 'Update password' })).toHaveCount(0);
    // Only the refresh token is kept, in the keychain.
    expect((await harness.keyring.listSecrets()).map((secret) => secret.secret)).toEqual(oauth.refreshTokensOf(user.user));

    await item.getByRole('button', { name: 'Sign in again' }).click();
    await expect(item).toContainText('Signed in again; the account works.');
    await expectAllPassed(item, { outgoing: true });
    await item.getByRole('button', { name: 'Re-test' }).click();
    await expect(item).toContainText('Re-test passed.');
    await expectNoViolations(app, 'OAuth2 account');
  });
});
