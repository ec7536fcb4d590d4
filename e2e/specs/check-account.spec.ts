// Test Account Settings in the real wizard against the real Dovecot: pass, wrong password, cancel, STARTTLS switch.
import { expect, test, users } from '../harness-fixture.ts';
import { startSilentServer } from './support/slow-peers.ts';
import { enterEmail, expectAllPassed, fillSettings, runTest } from './support/wizard-steps.ts';

test('the right password passes every step', async ({ app, dovecot }) => {
  await enterEmail(app, users.alice.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, security: 'SSL/TLS', username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await runTest(app);
  await expectAllPassed(app);
  await expect(app.getByText('Mail Setup signed in and opened your Inbox')).toBeVisible();
  // The certificate of the TLS step can be expanded.
  await app.locator('[data-step="tls"]').getByText('Certificate details').click();
  await expect(app.locator('[data-step="tls"]').getByText('SHA-256 fingerprint')).toBeVisible();
  // "Show details" reveals the protocol transcript, the sign-in masked; "Copy for support" is offered.
  await app.getByText('Show details').click();
  const transcript = app.locator('.transcript-lines');
  await expect(transcript).toContainText(/\+\d+ms incoming S: \* OK .*Dovecot/);
  await expect(transcript).toContainText(/incoming C: \S+ AUTHENTICATE PLAIN •••/);
  await expect(transcript).not.toContainText(users.alice.password);
  // Long protocol lines (Dovecot's capability list) wrap inside the report: the page does not grow sideways.
  expect(await app.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await app.getByRole('button', { name: 'Copy for support' }).click();
  await expect(app.getByRole('button', { name: 'Save account' })).toBeVisible();
});

test('a wrong password fails at sign-in with wrong-credentials and the server’s own words', async ({ app, dovecot }) => {
  await enterEmail(app, users.alice.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill('Correct Horse Battery Staple');
  await runTest(app);
  await expect(app.locator('[data-step="authenticate"]')).toHaveAttribute('data-status', 'failed');
  await expect(app.locator('[data-step="inbox"]')).toHaveAttribute('data-status', 'skipped');
  const failure = app.locator('[data-failure-category]');
  await expect(failure).toHaveAttribute('data-failure-category', 'wrong-credentials');
  await expect(failure).toContainText('The server rejected the username or password.');
  await expect(failure).toContainText('AUTHENTICATIONFAILED');
  await expect(failure.getByRole('button', { name: 'Edit password' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Save account' })).toHaveCount(0);
});

test('SSL/TLS on the STARTTLS port fails, and “Switch to STARTTLS” fixes it', async ({ app, dovecot }) => {
  await enterEmail(app, users.alice.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.starttlsPort, security: 'SSL/TLS', username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await runTest(app);
  await expect(app.locator('[data-failure-category]')).toHaveAttribute('data-failure-category', 'tls-handshake-failed');
  await app.getByRole('button', { name: 'Switch to STARTTLS' }).click();
  await expectAllPassed(app);
  await expect(app.getByLabel('Security', { exact: true })).toHaveValue('starttls');
});

test('steps stream in as they run, and Cancel stops a test waiting for a silent server', async ({ app }) => {
  const silent = await startSilentServer();
  try {
    const port = silent.port;
    await enterEmail(app, users.alice.user);
    await fillSettings(app, { host: '127.0.0.1', port, security: 'STARTTLS', username: users.alice.user });
    await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
    await app.getByRole('button', { name: 'Test Account Settings' }).click();
    await expect(app.locator('[data-step="greeting"]')).toHaveAttribute('data-status', 'running');
    await app.getByRole('button', { name: 'Cancel test' }).click();
    await expect(app.getByText('The test was cancelled.').first()).toBeVisible();
    await expect(app.locator('[data-step]')).toHaveCount(0);
    await expect(app.getByRole('button', { name: 'Test Account Settings' })).toBeEnabled();
  } finally {
    await silent.close();
  }
});
