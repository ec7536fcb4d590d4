// The packaged app's shell, unpackaged: the Test Account Settings check in real Electron against real Dovecot.
import { expect, skipWithoutElectron, test, users } from './electron-fixture.ts';

skipWithoutElectron();

test('the right password passes every step', async ({ app, dovecot }) => {
  await app.getByLabel('Email address').fill(users.alice.user);
  await app.getByLabel('Server', { exact: true }).fill('localhost');
  await app.getByLabel('Port', { exact: true }).fill(String(dovecot.tlsPort));
  await app.getByLabel('Security', { exact: true }).selectOption({ label: 'SSL/TLS' });
  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await app.getByRole('button', { name: 'Test Account Settings' }).click();
  for (const step of ['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'inbox']) {
    await expect(app.locator(`[data-step="${step}"]`)).toHaveAttribute('data-status', 'passed');
  }
  await expect(app.locator('[data-failure-category]')).toHaveCount(0);
});

test('a wrong password fails at sign-in with wrong-credentials', async ({ app, dovecot }) => {
  await app.getByLabel('Email address').fill(users.alice.user);
  await app.getByLabel('Server', { exact: true }).fill('localhost');
  await app.getByLabel('Port', { exact: true }).fill(String(dovecot.tlsPort));
  await app.getByLabel('Security', { exact: true }).selectOption({ label: 'SSL/TLS' });
  await app.getByLabel('Password', { exact: true }).fill('Correct Horse Battery Staple');
  await app.getByRole('button', { name: 'Test Account Settings' }).click();
  await expect(app.locator('[data-step="authenticate"]')).toHaveAttribute('data-status', 'failed');
  await expect(app.locator('[data-failure-category]')).toHaveAttribute('data-failure-category', 'wrong-credentials');
  await expect(app.locator('[data-step="inbox"]')).toHaveAttribute('data-status', 'skipped');
});
