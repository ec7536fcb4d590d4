// The setup wizard end to end through the harness, against the real Dovecot and keyring.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, users } from '../harness-fixture.ts';
import { holdDiscovery } from './support/ipc-route.ts';
import { accountItem, enterEmail, expectAllPassed, fillSettings, runTest, saveAccount } from './support/wizard-steps.ts';

async function readAllFiles(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
}

test('happy path: from the address to a saved account, password in the keychain only', async ({ app, dovecot, harness }) => {
  await app.getByLabel('Email address').fill(users.alice.user);
  await app.getByLabel('Your name').fill('Alice Example');
  await app.getByRole('button', { name: 'Continue' }).click();
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, security: 'SSL/TLS', username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await app.getByRole('button', { name: 'Test Account Settings' }).click();
  await expectAllPassed(app);
  await saveAccount(app, { withoutOutgoing: true });

  await expect(app.getByRole('heading', { name: 'Account saved and working' })).toBeFocused();
  await expect(app.getByText(users.alice.user)).toBeVisible();
  const item = accountItem(app, users.alice.user);
  await expect(item).toContainText('Alice Example');
  await expect(item).toContainText('OK');
  await expect(item).toContainText('Last checked');
  await expect(app.getByLabel('Password', { exact: true })).toHaveCount(0);

  const secrets = await harness.keyring.listSecrets();
  expect(secrets).toHaveLength(1);
  expect(secrets[0]?.account).toContain(users.alice.user);
  expect(secrets[0]?.secret).toBe(users.alice.password);
  expect(await readAllFiles(harness.dataDir)).not.toContain(users.alice.password);
});

test('one question at a time: Continue checks the settings, then moves on to the outgoing server and the password', async ({ app, dovecot }) => {
  await enterEmail(app, users.alice.user);
  await app.getByLabel('Server', { exact: true }).fill('');
  await app.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByLabel('Server', { exact: true })).toBeFocused();
  await expect(app.getByLabel('Server', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, security: 'SSL/TLS', username: users.alice.user });
  // Continue leads through the outgoing section, which comes next on the screen, to the password.
  await app.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByLabel('Outgoing server')).toBeFocused();
  await app.getByLabel('Password', { exact: true }).focus();
  await app.keyboard.type(users.alice.password);
  await app.getByRole('button', { name: 'Test Account Settings' }).click();
  await expectAllPassed(app);
});

test('wrong password, then corrected with “Edit password”', async ({ app, dovecot }) => {
  await enterEmail(app, users.alice.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill('correct horse battery stapler');
  await runTest(app);
  await expect(app.locator('[data-failure-category]')).toHaveAttribute('data-failure-category', 'wrong-credentials');
  await expect(app.getByRole('button', { name: 'Save account' })).toHaveCount(0);

  await app.getByRole('button', { name: 'Edit password' }).click();
  await expect(app.getByLabel('Password', { exact: true })).toBeFocused();
  await app.keyboard.type(users.alice.password);
  // Typing replaces the selected wrong password, and the stale report goes away.
  await expect(app.getByLabel('Password', { exact: true })).toHaveValue(users.alice.password);
  await expect(app.locator('[data-step]')).toHaveCount(0);
  await runTest(app);
  await expectAllPassed(app);
  await saveAccount(app, { withoutOutgoing: true });
  await expect(accountItem(app, users.alice.user)).toContainText('OK');
});

test('an app-password-required answer (Gmail’s exact text) shows the guidance', async ({ app, dovecot }) => {
  await enterEmail(app, users.gmail.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.gmail.user });
  await app.getByLabel('Password', { exact: true }).fill(users.gmail.password);
  await runTest(app);
  const failure = app.locator('[data-failure-category]');
  await expect(failure).toHaveAttribute('data-failure-category', 'app-password-required');
  await expect(failure).toContainText('requires an app-specific password');
  await expect(failure).toContainText('Application-specific password required: https://support.google.com/mail/?p=InvalidSecondFactor (Failure)');
  await expect(failure.getByRole('link', { name: 'Open the app-password page' })).toHaveAttribute('href', 'https://support.google.com/mail/?p=InvalidSecondFactor');
  // The secret section now explains app passwords before the next attempt.
  await expect(app.getByText('This server wants an app password')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Save account' })).toHaveCount(0);
});

test('a known provider: its settings as one line, the cursor in the password, app-password guidance first', async ({ app }) => {
  await enterEmail(app, 'someone@gmail.com');
  await expect(app.getByText('Gmail · imap.gmail.com:993 · SSL/TLS')).toBeVisible();
  await expect(app.getByText('From Mail Setup’s list of known providers')).toBeVisible();
  await expect(app.getByLabel('App password', { exact: true })).toBeFocused();
  await expect(app.getByLabel('Server', { exact: true })).toHaveCount(0);
  await expect(app.getByText('Gmail needs an app password')).toBeVisible();
  await expect(app.getByText('App passwords need 2-Step Verification')).toBeVisible();
  await expect(app.getByRole('link', { name: 'Create an app password at Gmail' })).toHaveAttribute('href', 'https://myaccount.google.com/apppasswords');

  await app.getByLabel('App password', { exact: true }).fill('abcd efgh ijkl mnop');
  await expect(app.getByLabel('App password', { exact: true })).toHaveValue('abcdefghijklmnop');
  await expect(app.getByText('Spaces removed')).toBeVisible();
  // Edit settings opens the full form, filled, with the focus on its first field.
  await app.getByRole('button', { name: 'Edit settings' }).click();
  await expect(app.getByLabel('Server', { exact: true })).toBeFocused();
  await expect(app.getByLabel('Server', { exact: true })).toHaveValue('imap.gmail.com');
  await expect(app.getByLabel('Port', { exact: true })).toHaveValue('993');
  await expect(app.getByLabel('Security', { exact: true })).toHaveValue('tls');
  await expect(app.getByLabel('Username', { exact: true })).toHaveValue('someone@gmail.com');
  // A change explains its effect.
  await app.getByLabel('Port', { exact: true }).fill('143');
  await expect(app.getByText('SSL/TLS normally uses port 993')).toBeVisible();
  await expect(app.getByText('You changed this from 993')).toBeVisible();
});

test('without a registered client id, an OAuth2 provider leads with its app password, in plain words', async ({ app }) => {
  test.skip(Boolean(process.env['MAIL_SETUP_OAUTH_CLIENT_ID_MICROSOFT']), 'a client id is configured here');
  await enterEmail(app, 'someone@outlook.com');
  await expect(app.getByRole('button', { name: /Sign in with/ })).toHaveCount(0);
  await expect(app.getByLabel('Password', { exact: true })).toBeFocused();
  await expect(app.getByText('Outlook.com needs an app password')).toBeVisible();
  await expect(app.getByText('App passwords need two-step verification')).toBeVisible();
  await expect(app.locator('main')).not.toContainText('MAIL_SETUP_');
});

test('manual entry validates as you type, with errors tied to their fields', async ({ app }) => {
  await enterEmail(app, users.alice.user);
  await expect(app.getByText('No settings were found for example.test')).toBeVisible();
  const server = app.getByLabel('Server', { exact: true });
  await server.fill('imap.example test');
  await expect(server).toHaveAttribute('aria-invalid', 'true');
  await expect(server).toHaveAccessibleDescription(/no spaces/);
  await server.fill('imap.example.test');
  await expect(server).not.toHaveAttribute('aria-invalid');
  const port = app.getByLabel('Port', { exact: true });
  for (const bad of ['0', '65536', 'imap']) {
    await port.fill(bad);
    await expect(port).toHaveAccessibleDescription(/from 1 to 65535/);
  }
  await port.fill('65535');
  await expect(port).not.toHaveAttribute('aria-invalid');
  // Choosing STARTTLS moves the usual port along and says so.
  await port.fill('993');
  await app.getByLabel('Security', { exact: true }).selectOption({ label: 'STARTTLS' });
  await expect(port).toHaveValue('143');
  await expect(app.getByText('Port changed to 143, the usual port for STARTTLS.')).toBeVisible();
  await app.getByLabel('Security', { exact: true }).selectOption({ label: 'None' });
  await expect(app.getByLabel('Security', { exact: true })).toHaveAccessibleDescription(/Not encrypted/);
  // Testing with an empty password points at it.
  await app.getByRole('button', { name: 'Test Account Settings' }).click();
  await expect(app.getByLabel('Password', { exact: true })).toBeFocused();
  await expect(app.getByLabel('Password', { exact: true })).toHaveAccessibleDescription('Enter the password.');
});

test('discovery shows its progress and can be left at any moment', async ({ app }) => {
  await app.getByLabel('Email address').fill(users.alice.user);
  const release = await holdDiscovery(app);
  await app.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Looking up the settings for example.test' })).toBeVisible();
  await app.getByRole('button', { name: 'Back' }).click();
  await expect(app.getByLabel('Email address')).toHaveValue(users.alice.user);
  await app.getByRole('button', { name: 'Continue' }).click();
  await app.getByRole('button', { name: 'Set up manually' }).click();
  await expect(app.getByRole('heading', { name: 'Enter your settings' })).toBeVisible();
  await expect(app.getByLabel('Username', { exact: true })).toHaveValue(users.alice.user);
  release();
});

test('the password field: show/hide, Caps Lock warning, paste, autocomplete', async ({ app }) => {
  await enterEmail(app, users.alice.user);
  const password = app.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('autocomplete', 'current-password');
  await expect(password).toHaveAttribute('type', 'password');
  await app.getByRole('button', { name: 'Show password' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await app.getByRole('button', { name: 'Hide password' }).click();
  await expect(password).toHaveAttribute('type', 'password');

  await password.dispatchEvent('keydown', { key: 'A', modifierCapsLock: true });
  await expect(app.getByText('Caps Lock is on.')).toBeVisible();
  await expect(password).toHaveAccessibleDescription(/Caps Lock is on/);
  await password.dispatchEvent('keyup', { key: 'a', modifierCapsLock: false });
  await expect(app.getByText('Caps Lock is on.')).toHaveCount(0);

  // Nothing cancels a paste (Chromium inserts only trusted pastes, so the event itself is checked).
  const notCancelled = await password.evaluate((input) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'x');
    return input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  expect(notCancelled).toBe(true);
});

test('keyboard only: the whole wizard with Tab, typing and Enter', async ({ app, dovecot }) => {
  await expect(app.getByLabel('Email address')).toBeFocused();
  await app.keyboard.type(users.alice.user);
  await app.keyboard.press('Enter');
  // An unknown domain: the cursor starts in Server.
  await expect(app.getByRole('heading', { name: 'Enter your settings' })).toBeVisible();
  await expect(app.getByLabel('Server', { exact: true })).toBeFocused();
  await app.keyboard.type('localhost');
  await app.keyboard.press('Tab');
  await app.keyboard.press('ControlOrMeta+A');
  await app.keyboard.type(String(dovecot.tlsPort));
  await app.keyboard.press('Tab');
  await expect(app.getByLabel('Security', { exact: true })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByLabel('Username', { exact: true })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('button', { name: 'Continue' })).toBeFocused();
  await app.keyboard.press('Enter');
  // Continue leads into the outgoing section, which comes next; left empty, Tab goes on to the password.
  await expect(app.getByLabel('Outgoing server')).toBeFocused();
  for (let field = 0; field < 4; field += 1) await app.keyboard.press('Tab');
  await expect(app.getByLabel('Password', { exact: true })).toBeFocused();
  await app.keyboard.type(users.alice.password);
  await app.keyboard.press('Enter');
  await expectAllPassed(app);
  await expect(app.getByRole('button', { name: 'Save account' })).toBeFocused();
  await app.keyboard.press('Enter');
  // No outgoing server was filled in: the question comes first, then its answer is one Tab away.
  await expect(app.getByText('Save without a server for sending?')).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('button', { name: 'Save incoming mail only' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(accountItem(app, users.alice.user)).toBeVisible();
});
