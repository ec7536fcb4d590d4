// Outgoing mail end to end: both servers in the wizard and on the accounts screen, against the real
// Dovecot submission service, whose relay delivers into the real INBOX (the test message's round trip).
import { expect, test } from '../harness-fixture.ts';
import { fillBoth, freshUser } from './support/outgoing-steps.ts';
import { accountItem, enterEmail, expectAllPassed, fillSettings, outgoingStepIds, runTest, saveAccount, stepRow } from './support/wizard-steps.ts';

test('both servers are tested, grouped by server, and saved together under one password', async ({ app, dovecot, harness }) => {
  const olga = await freshUser(dovecot);
  await fillBoth(app, dovecot, olga);
  await expect(app.getByLabel('Use the same password for outgoing mail')).toBeChecked();
  await expect(app.getByLabel('Outgoing password')).toHaveCount(0);
  await runTest(app);
  await expectAllPassed(app, { outgoing: true });
  const outgoingGroup = app.locator('section[data-server="outgoing"]');
  await expect(outgoingGroup).toContainText('Outgoing mail (SMTP)');
  await expect(outgoingGroup.locator('[data-step]')).toHaveCount(outgoingStepIds.length);

  await saveAccount(app);
  const item = accountItem(app, olga.user);
  await expect(item).toContainText(`Outgoing: localhost:${dovecot.submissionPort} · STARTTLS`);
  await expect(item.locator('[data-server="outgoing"] [data-account-status]')).toHaveAttribute('data-account-status', 'ok');
  expect((await harness.keyring.listSecrets()).map((secret) => secret.secret)).toContain(olga.password);

  // Re-test covers both servers.
  await item.getByRole('button', { name: 'Re-test' }).click();
  await expectAllPassed(item, { outgoing: true });
});

test('a wrong outgoing password fails the outgoing server only, says so, and leads to the Outgoing password', async ({ app, dovecot }) => {
  const olga = await freshUser(dovecot);
  await fillBoth(app, dovecot, olga);
  await app.getByLabel('Use the same password for outgoing mail').uncheck();
  await app.getByLabel('Outgoing password').fill('not the outgoing one');
  await runTest(app);
  await expect(stepRow(app, 'inbox')).toHaveAttribute('data-status', 'passed');
  await expect(stepRow(app, 'authenticate', 'outgoing')).toHaveAttribute('data-status', 'failed');
  const failure = app.locator('[data-failure-category]');
  await expect(failure).toHaveAttribute('data-server', 'outgoing');
  await expect(failure).toHaveAttribute('data-failure-category', 'wrong-credentials');
  await expect(failure).toContainText('The outgoing server');
  await expect(app.getByRole('button', { name: 'Save account' })).toHaveCount(0);

  await failure.getByRole('button', { name: 'Edit password' }).click();
  await expect(app.getByLabel('Outgoing password')).toBeFocused();
  await app.keyboard.type(olga.password);
  await runTest(app);
  await expectAllPassed(app, { outgoing: true });
});

test('SSL/TLS on the STARTTLS submission port fails at the outgoing server, and its fix re-tests and passes', async ({ app, dovecot }) => {
  const olga = await freshUser(dovecot);
  await fillBoth(app, dovecot, olga, { security: 'SSL/TLS' });
  // The port was typed, so changing the security did not move it.
  await expect(app.getByLabel('Outgoing port')).toHaveValue(String(dovecot.submissionPort));
  await runTest(app);
  const failure = app.locator('[data-failure-category]');
  await expect(failure).toHaveAttribute('data-server', 'outgoing');
  await failure.getByRole('button', { name: 'Switch to STARTTLS' }).click();
  await expect(app.getByLabel('Outgoing security')).toHaveValue('starttls');
  await expectAllPassed(app, { outgoing: true });
});

test('Send a test message: it goes from the account to itself and the report shows it arriving', async ({ app, dovecot }) => {
  const olga = await freshUser(dovecot);
  await fillBoth(app, dovecot, olga);
  await runTest(app);
  await expectAllPassed(app, { outgoing: true });
  const before = dovecot.relayed.length;
  await app.getByRole('button', { name: 'Send a test message' }).click();
  await expect(stepRow(app, 'delivery', 'outgoing')).toHaveAttribute('data-status', 'passed', { timeout: 60_000 });
  await expect(app.getByText('The test message arrived:')).toBeVisible();
  // The UI says what was sent, and that is what the server relayed: one message, to the account itself.
  await expect(app.getByText(`What was sent: one short message`)).toContainText(olga.user);
  const sent = dovecot.relayed.slice(before);
  expect(sent.map((message) => [message.from, message.to, message.delivered])).toEqual([[olga.user, [olga.user], true]]);

  // Saving is still offered after the test message, and the saved account can send one too.
  await saveAccount(app);
  const item = accountItem(app, olga.user);
  await item.getByRole('button', { name: 'Send a test message' }).click();
  await expect(stepRow(item, 'delivery', 'outgoing')).toHaveAttribute('data-status', 'passed', { timeout: 60_000 });
  await expect(item.getByText('The test message arrived:')).toBeVisible();
});

test('without an outgoing server the wizard says sending will not work, and saves incoming only when confirmed', async ({ app, dovecot }) => {
  const olga = await freshUser(dovecot);
  await enterEmail(app, olga.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: olga.user });
  // Said once the outgoing section was passed by (here: the password typed below it), not before.
  await expect(app.getByText('sending will not work until you fill it in')).toHaveCount(0);
  await app.getByLabel('Password', { exact: true }).fill(olga.password);
  await expect(app.getByText('sending will not work until you fill it in')).toBeVisible();
  await runTest(app);
  await expectAllPassed(app);
  await expect(app.locator('[data-server="outgoing"]')).toHaveCount(0);

  await app.getByRole('button', { name: 'Save account' }).click();
  await expect(app.getByText('Save without a server for sending?')).toBeFocused();
  // Going back to fill it in saves nothing and lands in the Outgoing server field.
  await app.getByRole('button', { name: 'Fill in the outgoing server' }).click();
  await expect(app.getByLabel('Outgoing server')).toBeFocused();
  await app.getByRole('button', { name: 'Save account' }).click();
  await app.getByRole('button', { name: 'Save incoming mail only' }).click();
  const item = accountItem(app, olga.user);
  await expect(item).toContainText('No outgoing server: this account cannot send mail until one is added.');
  await expect(item.getByRole('button', { name: 'Send a test message' })).toHaveCount(0);
});
