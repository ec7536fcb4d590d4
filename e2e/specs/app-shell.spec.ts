// The app shell: notices from main (in the page's language), and navigation between the wizard and the accounts.
import { expect, test } from '../harness-fixture.ts';
import { canMount, mountSkipReason, readOnly } from '../../electron/services/accounts/test-support/fault-mounts.ts';
import { expectNoViolations } from './support/axe.ts';
import { withNotices } from './support/ipc-route.ts';
import { textsOf } from './support/locale-texts.ts';

test('a notice from main (a damaged settings file was set aside) shows until dismissed', async ({ app }) => {
  const text = 'The settings file was damaged; it was kept as settings.corrupt-1.json and a fresh one was started.';
  await withNotices(app, [text]);
  await expect(app.getByText(text)).toBeVisible();
  await expectNoViolations(app, 'start-up notice');
  await app.getByRole('button', { name: 'Dismiss' }).click();
  await expect(app.getByText(text)).toHaveCount(0);
  await expect(app.getByLabel('Email address')).toBeVisible();
});

test('the navigation marks the current screen and keeps what was typed in the wizard', async ({ app }) => {
  await expect(app.getByRole('button', { name: 'Add account' })).toHaveAttribute('aria-current', 'page');
  await app.getByLabel('Email address').fill('someone@example.test');
  await app.getByRole('button', { name: 'Accounts' }).click();
  await expect(app.getByRole('button', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');
  await expect(app.getByText('No accounts yet.')).toBeVisible();
  await app.getByRole('button', { name: 'Add account' }).click();
  await expect(app.getByLabel('Email address')).toHaveValue('someone@example.test');
});

test('a data folder that turned read-only: the notice says so in the page\'s language (German, a real read-only mount)', async ({ app, harness }) => {
  test.skip(!canMount, mountSkipReason);
  const mounted = readOnly(harness.dataDir);
  try {
    const t = textsOf('de');
    await app.goto(`${harness.url}&locale=de`);
    // Listing the accounts meets the folder; from then on main has the notice for the page.
    await app.getByRole('button', { name: t('app.navAccounts'), exact: true }).click();
    await expect(app.getByText(t('accounts.empty'), { exact: true })).toBeVisible();
    await app.reload();
    const notice = app.locator('.app-notices');
    await expect(notice).toContainText(t('serviceTexts.storage.readOnlyNotice'));
    await expect(notice).toContainText(t('serviceTexts.storage.cause.readOnly'));
    await expect(notice).toContainText('MAIL_SETUP_DATA_DIR');
    await expect(notice).not.toContainText('Could not');
  } finally {
    mounted.undo();
  }
});
