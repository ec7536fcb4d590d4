// The app shell: start-up notices from main, and navigation between the wizard and the accounts.
import { expect, test } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { withNotices } from './support/ipc-route.ts';

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
