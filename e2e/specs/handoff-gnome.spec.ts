// "GNOME desktop" through the harness against the real goa-daemon on the harness's private bus: add, update, the new password, remove.
import { goaBusName, goaMissingReason, goaReaders } from '../fixtures/goa.ts';
import { expect, test } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { handoffDialog, openHandoff, savedAccount } from './support/handoff-steps.ts';
import { accountItem } from './support/wizard-steps.ts';

const missing = goaMissingReason();
test.skip(missing !== null, `GNOME Online Accounts is not here: ${missing}`);
test.use({ busServices: [goaBusName] });

test('GNOME desktop adds the account to GNOME Online Accounts once, with its password, and updates it the second time', async ({ app, dovecot, harness }) => {
  const goa = goaReaders(harness.keyring);
  const hana = await savedAccount(app, dovecot);
  const dialog = await openHandoff(app, accountItem(app, hana.user));
  await expect(dialog.getByRole('group').getByRole('button')).toHaveText(['Thunderbird on a phone', 'Apple Mail', 'GNOME desktop', 'Command-line mail tools']);
  await dialog.getByRole('button', { name: 'GNOME desktop' }).click();
  await dialog.getByRole('button', { name: 'Add to GNOME' }).click();
  await expect(dialog.getByRole('status')).toContainText('Added to GNOME Online Accounts');
  await expect(dialog.getByRole('status')).toContainText(`localhost:${dovecot.tlsPort}`);
  const accountId = await dialog.locator('[data-gnome-account]').getAttribute('data-gnome-account');
  const conf = await goa.accountsConf();
  expect(conf).toContain(`ImapHost=localhost:${dovecot.tlsPort}`);
  expect(conf).toContain(`SmtpHost=localhost:${dovecot.submissionPort}`);
  expect(conf).not.toContain(hana.password);
  expect(await goa.storedCredentials(accountId ?? '')).toContain(hana.password);
  await expectNoViolations(app, 'GNOME registration');

  await dialog.getByRole('button', { name: 'Add to GNOME' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Updated the account GNOME Online Accounts already had for ${hana.user}`);
  expect((await goa.accountsConf()).match(/^\[Account /gm)).toHaveLength(1);
});

test('Update password also updates the GNOME copy and names the copies it cannot reach; Remove asks about the GNOME copy', async ({ app, dovecot, harness }) => {
  const goa = goaReaders(harness.keyring);
  const hana = await savedAccount(app, dovecot);
  const item = accountItem(app, hana.user);
  const dialog = await openHandoff(app, item);
  await dialog.getByRole('button', { name: 'Thunderbird on a phone' }).click();
  await expect(dialog.getByRole('img', { name: /QR code/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'GNOME desktop' }).click();
  await dialog.getByRole('button', { name: 'Add to GNOME' }).click();
  await expect(dialog.getByRole('status')).toContainText('Added to GNOME Online Accounts');
  const accountId = (await dialog.locator('[data-gnome-account]').getAttribute('data-gnome-account')) ?? '';
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(handoffDialog(app)).toHaveCount(0);

  await dovecot.setPassword(hana.user, 'the new password');
  await item.getByRole('button', { name: 'Update password' }).click();
  await item.getByLabel('Password', { exact: true }).fill('the new password');
  await item.getByRole('button', { name: 'Update password' }).click();
  await expect(item).toContainText('GNOME Online Accounts has the new password too.');
  await expect(item).toContainText('Thunderbird on your phone keeps its own copy: change it there too.');
  expect(await goa.storedCredentials(accountId)).toContain('the new password');

  await item.getByRole('button', { name: 'Remove' }).click();
  const alsoGnome = item.getByRole('checkbox', { name: /Also remove it from GNOME Online Accounts/ });
  await expect(alsoGnome).not.toBeChecked();
  await alsoGnome.check();
  await item.getByRole('button', { name: 'Remove' }).click();
  await expect(item).toHaveCount(0);
  await expect.poll(() => goa.accountsConf()).not.toMatch(/^\[Account /m);
  expect(await harness.keyring.listSecrets()).toHaveLength(0);
});
