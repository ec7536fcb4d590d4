// The accounts screen end to end: re-test after a server-side password change, update, remove, re-test all.
import type { Dovecot } from '../fixtures/dovecot.ts';
import { expect, test } from '../harness-fixture.ts';
import { accountItem, addAccountThroughWizard, expectAllPassed, expectReportFinished } from './support/wizard-steps.ts';

let serial = 0;
/** A user of its own for each test, since the worker's Dovecot outlives the test. */
async function freshUser(dovecot: Dovecot, password = 'first password'): Promise<{ user: string; password: string }> {
  serial += 1;
  const user = { user: `dave-${process.pid}-${serial}@example.test`, password };
  await dovecot.addUser(user);
  return user;
}

test('re-test after a server-side password change leads to Update password, which then passes', async ({ app, dovecot, harness }) => {
  const dave = await freshUser(dovecot);
  await addAccountThroughWizard(app, { email: dave.user, password: dave.password, port: dovecot.tlsPort });
  const item = accountItem(app, dave.user);
  await expect(item).toContainText('OK');

  await dovecot.setPassword(dave.user, 'second password');
  await item.getByRole('button', { name: 'Re-test' }).click();
  await expectReportFinished(item);
  await expect(item.locator('[data-failure-category]')).toHaveAttribute('data-failure-category', 'wrong-credentials');
  await expect(item).toContainText('Needs new password');
  // Straight to Update password: the field is open and focused.
  await expect(item.getByLabel('Password', { exact: true })).toBeFocused();

  // A wrong new password is tested first and does not replace the saved one.
  await item.getByLabel('Password', { exact: true }).fill('not it either');
  await item.getByRole('button', { name: 'Update password' }).click();
  await expect(item).toContainText('The new password did not work, so the saved password was kept.');
  expect((await harness.keyring.listSecrets()).map((secret) => secret.secret)).toEqual([dave.password]);

  await item.getByLabel('Password', { exact: true }).fill('second password');
  await item.getByRole('button', { name: 'Update password' }).click();
  await expect(item).toContainText('The password was updated and works.');
  await expectAllPassed(item);
  await expect(item).toContainText('OK');
  await expect(item.getByLabel('Password', { exact: true })).toHaveCount(0);
  expect((await harness.keyring.listSecrets()).map((secret) => secret.secret)).toEqual(['second password']);
});

test('Remove asks first, then deletes the account and its keychain entry', async ({ app, dovecot, harness }) => {
  const dave = await freshUser(dovecot);
  await addAccountThroughWizard(app, { email: dave.user, password: dave.password, port: dovecot.tlsPort });
  const item = accountItem(app, dave.user);

  await item.getByRole('button', { name: 'Remove' }).click();
  await expect(item).toContainText(`Remove ${dave.user}?`);
  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(item.getByRole('button', { name: 'Remove' })).toBeFocused();
  expect(await harness.keyring.listSecrets()).toHaveLength(1);

  await item.getByRole('button', { name: 'Remove' }).click();
  await item.getByRole('button', { name: 'Remove' }).click();
  await expect(item).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: `${dave.user} was removed.` })).toBeAttached();
  await expect(app.getByRole('heading', { name: 'Accounts' })).toBeFocused();
  expect(await harness.keyring.listSecrets()).toHaveLength(0);

  // After a reload the account stays gone.
  await app.reload();
  await expect(app.getByLabel('Email address')).toBeVisible();
});

test('Re-test all checks every account in parallel: one line per account, only failures expanded, focus stays', async ({ app, dovecot }) => {
  const first = await freshUser(dovecot);
  const second = await freshUser(dovecot);
  await addAccountThroughWizard(app, { email: first.user, password: first.password, port: dovecot.tlsPort });
  await app.getByRole('button', { name: 'Add account' }).click();
  await addAccountThroughWizard(app, { email: second.user, password: second.password, port: dovecot.tlsPort });

  await dovecot.setPassword(second.user, 'changed on the server');
  const retestAll = app.getByRole('button', { name: 'Re-test all' });
  await retestAll.click();
  await expect(accountItem(app, second.user).locator('[data-failure-category]')).toHaveAttribute('data-failure-category', 'wrong-credentials');
  await expect(accountItem(app, first.user)).toContainText('Re-test passed.');
  await expect(accountItem(app, first.user).locator('[data-step]')).toHaveCount(0);
  await expect(accountItem(app, second.user)).toContainText('Needs new password');
  // The saved password failed although nothing was typed: it was changed, not mistyped.
  await expect(accountItem(app, second.user)).toContainText('The saved password no longer works: it may have been changed.');
  await expect(accountItem(app, second.user)).not.toContainText('Caps Lock');
  await expect(retestAll).toBeFocused();
});

test('saved accounts open the accounts screen on the next start', async ({ app, dovecot }) => {
  const dave = await freshUser(dovecot);
  await addAccountThroughWizard(app, { email: dave.user, password: dave.password, port: dovecot.tlsPort });
  await app.reload();
  await expect(accountItem(app, dave.user)).toContainText('OK');
  await expect(app.getByRole('button', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');
  // Back from the wizard's first step returns to the list.
  await app.getByRole('button', { name: 'Add account' }).click();
  await app.getByRole('button', { name: 'Back' }).click();
  await expect(accountItem(app, dave.user)).toBeVisible();
});
