// Screenshots of every screen for the README, written to docs/screenshots/*.png (the refused international address: international-address.spec.ts).
import { expect, test, users } from '../harness-fixture.ts';
import { holdDiscovery } from './support/ipc-route.ts';
import { readmeShot } from './support/readme-shot.ts';
import { startSilentServer } from './support/slow-peers.ts';
import { accountItem, addAccountThroughWizard, enterEmail, expectAllPassed, fillOutgoing, fillSettings, replaceEmail, runTest, saveAccount, stepRow } from './support/wizard-steps.ts';

test.use({ viewport: { width: 900, height: 720 }, colorScheme: 'light' });

test('wizard screens', async ({ app, dovecot }) => {
  await app.getByLabel('Email address').fill(users.alice.user);
  await app.getByLabel('Your name').fill('Alice Example');
  await readmeShot(app, '01-email');

  const release = await holdDiscovery(app);
  await app.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByText('Looking up the settings for example.test')).toBeVisible();
  await readmeShot(app, '02-discovering');
  release();

  await expect(app.getByLabel('Server', { exact: true })).toBeVisible();
  await app.getByLabel('Server', { exact: true }).fill('imap.example.test/mail box');
  await app.getByLabel('Port', { exact: true }).fill('0');
  await readmeShot(app, '03-manual-validation');

  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill('Correct Horse Battery Staple');
  await runTest(app);
  await readmeShot(app, '05-wrong-password');

  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await runTest(app);
  await app.locator('[data-step="tls"]').getByText('Certificate details').click();
  await readmeShot(app, '06-passed');

  await saveAccount(app, { withoutOutgoing: true });
  await expect(accountItem(app, users.alice.user)).toBeVisible();
  await readmeShot(app, '08-saved');
});

test('discovered provider with app-password guidance', async ({ app }) => {
  await enterEmail(app, 'someone@gmail.com');
  await app.getByLabel('App password', { exact: true }).fill('abcd efgh ijkl mnop');
  await readmeShot(app, '04-found-gmail');
  await replaceEmail(app, 'someone@outlook.com');
  await readmeShot(app, '04-found-outlook-sign-in');
});

test('a test in progress', async ({ app }) => {
  const silent = await startSilentServer();
  try {
    await enterEmail(app, users.alice.user);
    await fillSettings(app, { host: '127.0.0.1', port: silent.port, security: 'STARTTLS', username: users.alice.user });
    await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
    await app.getByRole('button', { name: 'Test Account Settings' }).click();
    await expect(app.locator('[data-step="greeting"]')).toHaveAttribute('data-status', 'running');
    await readmeShot(app, '07-testing');
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
  await readmeShot(app, '09-app-password-required');
});

test('accounts screen: statuses, update password, remove', async ({ app, dovecot }) => {
  const carol = { user: 'carol@example.test', password: 'first password' };
  if (dovecot.users.some((user) => user.user === carol.user)) await dovecot.setPassword(carol.user, carol.password);
  else await dovecot.addUser(carol);
  await addAccountThroughWizard(app, { email: users.alice.user, password: users.alice.password, port: dovecot.tlsPort, displayName: 'Alice Example' });
  await app.getByRole('button', { name: 'Add account' }).click();
  await addAccountThroughWizard(app, { email: carol.user, password: carol.password, port: dovecot.tlsPort });
  await app.getByRole('button', { name: 'Done' }).click();
  await readmeShot(app, '10-accounts');

  await dovecot.setPassword(carol.user, 'second password');
  await accountItem(app, carol.user).getByRole('button', { name: 'Re-test' }).click();
  await expect(accountItem(app, carol.user).getByLabel('Password', { exact: true })).toBeFocused();
  await readmeShot(app, '11-update-password');

  await accountItem(app, users.alice.user).getByRole('button', { name: 'Remove' }).click();
  await readmeShot(app, '12-remove-confirm');

  await app.emulateMedia({ colorScheme: 'dark' });
  await readmeShot(app, '13-accounts-dark');
});

test('narrow window, dark theme', async ({ app, dovecot }) => {
  await app.setViewportSize({ width: 480, height: 900 });
  await app.emulateMedia({ colorScheme: 'dark' });
  await enterEmail(app, users.alice.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill('wrong');
  await runTest(app);
  await readmeShot(app, '14-narrow-dark');
});

test('outgoing mail: two servers, a failure at the outgoing one, the test message, and the accounts screen', async ({ app, dovecot }) => {
  const olga = { user: 'olga@example.test', password: 'out going 1' };
  if (dovecot.users.some((user) => user.user === olga.user)) await dovecot.setPassword(olga.user, olga.password);
  else await dovecot.addUser(olga);
  await enterEmail(app, olga.user, 'Olga Example');
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: olga.user });
  // The empty outgoing server is pointed out once the user has passed it by (here: typed the password below it).
  await app.getByLabel('Password', { exact: true }).fill(olga.password);
  await readmeShot(app, '15-no-outgoing-server');
  await fillOutgoing(app, { host: 'localhost', port: dovecot.submissionPort, security: 'STARTTLS', username: olga.user });
  await app.getByLabel('Use the same password for outgoing mail').uncheck();
  await app.getByLabel('Outgoing password').fill('an old outgoing password');
  await runTest(app);
  await expect(app.locator('[data-failure-category]')).toHaveAttribute('data-server', 'outgoing');
  await readmeShot(app, '16-outgoing-failed');

  await app.getByLabel('Use the same password for outgoing mail').check();
  await runTest(app);
  await expectAllPassed(app, { outgoing: true });
  await readmeShot(app, '17-two-servers-passed');

  await saveAccount(app);
  await app.getByRole('button', { name: 'Done' }).click();
  // The relay now refuses this sender: incoming still works, outgoing fails, and the status shows each.
  dovecot.refuseSender(olga.user, '553 Sender address rejected: not owned by user');
  const item = accountItem(app, olga.user);
  await item.getByRole('button', { name: 'Re-test' }).click();
  await expect(item.locator('[data-failure-category]')).toHaveAttribute('data-server', 'outgoing');
  await expect(item.locator('.server-status[data-server="outgoing"]')).toContainText(`refuses mail from (or to) ${olga.user}`);
  await readmeShot(app, '19-accounts-outgoing-failing');
  await app.setViewportSize({ width: 480, height: 900 });
  await app.emulateMedia({ colorScheme: 'dark' });
  await readmeShot(app, '20-accounts-two-servers-narrow-dark');
});

test('the test message delivered', async ({ app, dovecot }) => {
  await enterEmail(app, users.alice.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
  await fillOutgoing(app, { host: 'localhost', port: dovecot.submissionPort, security: 'STARTTLS', username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await runTest(app);
  await app.getByRole('button', { name: 'Send a test message' }).click();
  await expect(stepRow(app, 'delivery', 'outgoing')).toHaveAttribute('data-status', 'passed', { timeout: 60_000 });
  await readmeShot(app, '18-test-message-delivered');
});

test('saving without an outgoing server asks first', async ({ app, dovecot }) => {
  await enterEmail(app, users.alice.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await runTest(app);
  await app.getByRole('button', { name: 'Save account' }).click();
  await expect(app.getByText('Save without a server for sending?')).toBeVisible();
  await readmeShot(app, '21-save-without-outgoing');
});

test('the first screen knows more: a typo, the transcript, an international address', async ({ app, dovecot }) => {
  await app.getByLabel('Email address').fill('bob@gmial.com');
  await expect(app.getByRole('button', { name: 'Use bob@gmail.com' })).toBeVisible();
  await readmeShot(app, '22-typo-suggestion');

  await enterEmail(app, users.alice.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
  await fillOutgoing(app, { host: 'localhost', port: dovecot.submissionPort, security: 'STARTTLS', username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await runTest(app);
  await expectAllPassed(app, { outgoing: true });
  await app.getByText('Show details').click();
  await expect(app.locator('.transcript-lines')).toContainText('AUTHENTICATE PLAIN •••');
  await readmeShot(app, '23-transcript');
});
