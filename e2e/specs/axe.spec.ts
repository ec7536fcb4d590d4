// axe-core on every screen and state, in the light and the dark theme, at 900 and at 480 px.
import { expect, test, users } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { holdDiscovery } from './support/ipc-route.ts';
import { startSilentServer } from './support/slow-peers.ts';
import { accountItem, addAccountThroughWizard, enterEmail, fillSettings, replaceEmail, runTest, saveAccount } from './support/wizard-steps.ts';

for (const width of [900, 480]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    // Each screen is scanned twice (light and dark): on a busy machine that outlasts the default minute.
    test.slow();

    test('wizard screens', async ({ app, dovecot }) => {
      await expect(app.getByLabel('Email address')).toBeVisible();
      await expectNoViolations(app, 'email');
      await app.getByRole('button', { name: 'Continue' }).click();
      await expectNoViolations(app, 'email with error');

      await app.getByLabel('Email address').fill(users.alice.user);
      const release = await holdDiscovery(app);
      await app.getByRole('button', { name: 'Continue' }).click();
      await expect(app.getByText('Looking up the settings')).toBeVisible();
      await expectNoViolations(app, 'discovering');
      release();

      await expect(app.getByLabel('Server', { exact: true })).toBeVisible();
      await app.getByLabel('Server', { exact: true }).fill('bad host');
      await app.getByLabel('Port', { exact: true }).fill('0');
      await app.getByLabel('Security', { exact: true }).selectOption({ label: 'None' });
      await expectNoViolations(app, 'manual settings with errors');

      await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
      await app.getByLabel('Password', { exact: true }).fill('wrong password');
      await app.getByLabel('Password', { exact: true }).dispatchEvent('keydown', { key: 'A', modifierCapsLock: true });
      await runTest(app);
      await app.locator('[data-step="tls"]').getByText('Certificate details').click();
      await expectNoViolations(app, 'failed test');

      await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
      await runTest(app);
      await expectNoViolations(app, 'passed test');
      await saveAccount(app, { withoutOutgoing: true });
      await expect(accountItem(app, users.alice.user)).toBeVisible();
      await expectNoViolations(app, 'saved');
    });

    test('provider cards and a running test', async ({ app }) => {
      await enterEmail(app, 'someone@gmail.com');
      await app.getByLabel('App password', { exact: true }).fill('abcd efgh ijkl mnop');
      await expectNoViolations(app, 'gmail: app-password card');
      await replaceEmail(app, 'someone@outlook.com');
      await expectNoViolations(app, 'outlook: sign-in card');

      const silent = await startSilentServer();
      try {
        await replaceEmail(app, users.alice.user);
        await fillSettings(app, { host: '127.0.0.1', port: silent.port, security: 'STARTTLS', username: users.alice.user });
        await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
        await app.getByRole('button', { name: 'Test Account Settings' }).click();
        await expect(app.locator('[data-step="greeting"]')).toHaveAttribute('data-status', 'running');
        await expectNoViolations(app, 'test running');
        await app.getByRole('button', { name: 'Cancel test' }).click();
        await expect(app.getByText('The test was cancelled.').first()).toBeVisible();
        await expectNoViolations(app, 'test cancelled');
      } finally {
        await silent.close();
      }
    });

    test('accounts screen', async ({ app, dovecot }) => {
      const carol = { user: `axe-${width}-${process.pid}@example.test`, password: 'first password' };
      await dovecot.addUser(carol);
      await addAccountThroughWizard(app, { email: carol.user, password: carol.password, port: dovecot.tlsPort, displayName: 'Carol' });
      await app.getByRole('button', { name: 'Done' }).click();
      await expectNoViolations(app, 'accounts');

      await dovecot.setPassword(carol.user, 'second password');
      const item = accountItem(app, carol.user);
      await item.getByRole('button', { name: 'Re-test' }).click();
      await expect(item.getByLabel('Password', { exact: true })).toBeFocused();
      await expectNoViolations(app, 'failed re-test with Update password');

      await item.getByRole('button', { name: 'Update password' }).click();
      await expectNoViolations(app, 'Update password without a password');

      await item.getByRole('button', { name: 'Remove' }).click();
      await expectNoViolations(app, 'remove confirmation');
      await item.getByRole('button', { name: 'Remove' }).click();
      await expect(item).toHaveCount(0);
      await expectNoViolations(app, 'empty accounts');
    });
  });
}
