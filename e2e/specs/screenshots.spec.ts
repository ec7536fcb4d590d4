// Screenshots of every screen for the README, written to docs/screenshots/*.png.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, users } from '../harness-fixture.ts';
import { holdDiscovery } from './support/ipc-route.ts';
import { startSilentServer } from './support/slow-peers.ts';
import { accountItem, addAccountThroughWizard, enterEmail, fillSettings, replaceEmail, runTest, saveAccount } from './support/wizard-steps.ts';

const folder = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const shot = (app: Page, name: string) => app.screenshot({ path: join(folder, `${name}.png`), fullPage: true, animations: 'disabled' });

test.use({ viewport: { width: 900, height: 720 }, colorScheme: 'light' });

test('wizard screens', async ({ app, dovecot }) => {
  await app.getByLabel('Email address').fill(users.alice.user);
  await app.getByLabel('Your name').fill('Alice Example');
  await shot(app, '01-email');

  const release = await holdDiscovery(app);
  await app.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByText('Looking up the settings for example.test')).toBeVisible();
  await shot(app, '02-discovering');
  release();

  await expect(app.getByLabel('Server', { exact: true })).toBeVisible();
  await app.getByLabel('Server', { exact: true }).fill('imap.example.test/mail box');
  await app.getByLabel('Port', { exact: true }).fill('0');
  await shot(app, '03-manual-validation');

  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill('Correct Horse Battery Staple');
  await runTest(app);
  await shot(app, '05-wrong-password');

  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await runTest(app);
  await app.locator('[data-step="tls"]').getByText('Certificate details').click();
  await shot(app, '06-passed');

  await saveAccount(app, { withoutOutgoing: true });
  await expect(accountItem(app, users.alice.user)).toBeVisible();
  await shot(app, '08-saved');
});

test('discovered provider with app-password guidance', async ({ app }) => {
  await enterEmail(app, 'someone@gmail.com');
  await app.getByLabel('Password', { exact: true }).fill('abcd efgh ijkl mnop');
  await shot(app, '04-found-gmail');
  await replaceEmail(app, 'someone@outlook.com');
  await shot(app, '04-found-outlook-sign-in');
});

test('a test in progress', async ({ app }) => {
  const silent = await startSilentServer();
  try {
    await enterEmail(app, users.alice.user);
    await fillSettings(app, { host: '127.0.0.1', port: silent.port, security: 'STARTTLS', username: users.alice.user });
    await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
    await app.getByRole('button', { name: 'Test Account Settings' }).click();
    await expect(app.locator('[data-step="greeting"]')).toHaveAttribute('data-status', 'running');
    await shot(app, '07-testing');
    await app.getByRole('button', { name: 'Cancel test' }).click();
  } finally {
    await silent.close();
  }
});

test('app password required by the server', async ({ app, dovecot }) => {
  await enterEmail(app, users.gmail.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.gmail.user });
  await app.getByLabel('Password', { exact: true }).fill(users.gmail.password);
  await runTest(app);
  await expect(app.locator('[data-failure-category]')).toBeVisible();
  await shot(app, '09-app-password-required');
});

test('accounts screen: statuses, update password, remove', async ({ app, dovecot }) => {
  const carol = { user: 'carol@example.test', password: 'first password' };
  if (dovecot.users.some((user) => user.user === carol.user)) await dovecot.setPassword(carol.user, carol.password);
  else await dovecot.addUser(carol);
  await addAccountThroughWizard(app, { email: users.alice.user, password: users.alice.password, port: dovecot.tlsPort, displayName: 'Alice Example' });
  await app.getByRole('button', { name: 'Add account' }).click();
  await addAccountThroughWizard(app, { email: carol.user, password: carol.password, port: dovecot.tlsPort });
  await app.getByRole('button', { name: 'Done' }).click();
  await shot(app, '10-accounts');

  await dovecot.setPassword(carol.user, 'second password');
  await accountItem(app, carol.user).getByRole('button', { name: 'Re-test' }).click();
  await expect(accountItem(app, carol.user).getByLabel('Password', { exact: true })).toBeFocused();
  await shot(app, '11-update-password');

  await accountItem(app, users.alice.user).getByRole('button', { name: 'Remove' }).click();
  await shot(app, '12-remove-confirm');

  await app.emulateMedia({ colorScheme: 'dark' });
  await shot(app, '13-accounts-dark');
});

test('narrow window, dark theme', async ({ app, dovecot }) => {
  await app.setViewportSize({ width: 480, height: 900 });
  await app.emulateMedia({ colorScheme: 'dark' });
  await enterEmail(app, users.alice.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill('wrong');
  await runTest(app);
  await shot(app, '14-narrow-dark');
});
