// The screens around the report (issue #26), at 480 and 900 px against the real Dovecot: the App password
// field, a known provider out of reach, Continue into the outgoing section, a second address at a saved
// domain, and the accounts screen (empty, after a refused password, Re-test all, focus).
import { expect, test, users } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { withDiscovery } from './support/ipc-route.ts';
import { freshUser } from './support/outgoing-steps.ts';
import { accountItem, addAccountThroughWizard, enterEmail, expectAllPassed, fillSettings, runTest, saveAccount, stepRow } from './support/wizard-steps.ts';

for (const width of [480, 900] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('a provider that needs an app password asks for it by that name, the cursor in the field', async ({ app }) => {
      await enterEmail(app, 'someone@gmail.com');
      await expect(app.getByLabel('App password', { exact: true })).toBeFocused();
      await expect(app.getByLabel('Password', { exact: true })).toHaveCount(0);
      await expect(app.getByRole('group', { name: 'Sign in with an app password' })).toBeVisible();
      await expectNoViolations(app, 'app password');
    });

    test('a known provider out of reach is said once, as the network, and its one-line settings stay one line', async ({ app }) => {
      const email = 'someone@offline-provider.test';
      await withDiscovery(app, {
        source: 'bundled',
        imap: { host: 'imap.offline-provider.invalid', port: 993, security: 'tls', username: email },
        smtp: { host: 'smtp.offline-provider.invalid', port: 465, security: 'tls', username: email },
        provider: { name: 'Offline Mail', auth: 'password', helpUrl: null },
      });
      await enterEmail(app, email);
      await app.getByLabel('Password', { exact: true }).fill('any password');
      await runTest(app);
      await expect(stepRow(app, 'resolve')).toHaveAttribute('data-status', 'failed');
      await expect(app.locator('.failure')).toHaveCount(1);
      await expect(app.locator('.failure')).toContainText('Your computer seems to be offline, or Offline Mail cannot be reached right now.');
      await expect(app.locator('section.report')).not.toContainText(/spelling/i);
      await expect(app.locator('[data-settings-summary]')).toBeVisible();
      await expect(app.getByLabel('Server', { exact: true })).toHaveCount(0);
      await expectNoViolations(app, 'offline');
    });

    test('Continue in the incoming section leads to the outgoing one, whose empty-server warning waits until it was passed by', async ({ app }) => {
      await enterEmail(app, users.alice.user);
      await fillSettings(app, { host: 'localhost', port: 993, username: users.alice.user });
      const warning = app.getByText('No outgoing server yet');
      await expect(warning).toHaveCount(0);
      await app.getByRole('button', { name: 'Continue' }).click();
      await expect(app.getByLabel('Outgoing server')).toBeFocused();
      await expect(warning).toHaveCount(0);
      await app.keyboard.press('Tab');
      await expect(warning).toBeVisible();
      // Under the outgoing fields, not between the server field and its hint.
      const after = await app.evaluate(() => {
        const note = [...document.querySelectorAll('.note-warning')].find((element) => element.textContent?.includes('No outgoing server yet'));
        const username = document.getElementById('outgoing-username');
        return Boolean(note && username && username.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(after).toBe(true);
      await expectNoViolations(app, 'outgoing warning');
    });

    test('a second address at a saved domain is offered the saved account’s servers', async ({ app, dovecot }) => {
      const first = await freshUser(dovecot, 'first pass', 'hidden.test');
      const second = await freshUser(dovecot, 'second pass', 'hidden.test');
      await addAccountThroughWizard(app, { email: first.user, password: first.password, port: dovecot.tlsPort, submissionPort: dovecot.submissionPort });
      await app.getByRole('button', { name: 'Add another account' }).click();
      await enterEmail(app, second.user);
      await expect(app.getByText('No settings were found for hidden.test')).toBeVisible();
      const offer = app.getByRole('button', { name: `Fill in the servers of ${first.user}` });
      await expect(offer).toBeFocused();
      await expectNoViolations(app, 'same domain offer');
      await offer.click();
      await expect(app.getByLabel('Server', { exact: true })).toHaveValue('localhost');
      await expect(app.getByLabel('Port', { exact: true })).toHaveValue(String(dovecot.tlsPort));
      await expect(app.getByLabel('Outgoing port')).toHaveValue(String(dovecot.submissionPort));
      await expect(app.getByLabel('Username', { exact: true })).toHaveValue(second.user);
      await expect(app.getByLabel('Password', { exact: true })).toBeFocused();
      await app.keyboard.type(second.password);
      await runTest(app);
      await expectAllPassed(app, { outgoing: true });
      await saveAccount(app);

      // The banner says which account: its domain in words, and the one entry marked below (both accounts share the domain).
      const banner = app.getByRole('region', { name: 'Account saved and working' });
      await expect(banner).toContainText('Your hidden.test account is set up');
      await expect(accountItem(app, second.user).getByText('Just saved')).toBeVisible();
      await expect(accountItem(app, first.user).getByText('Just saved')).toHaveCount(0);
      await expect(app.getByText(second.user)).toHaveCount(1);
      await expectNoViolations(app, 'saved banner and its account');
      await banner.getByRole('button', { name: 'Done' }).click();
      await expect(app.getByText('Just saved')).toHaveCount(0);
    });

    test('the accounts screen: an empty list offers the wizard, a refused password opens its form right under the account', async ({ app, dovecot }) => {
      await app.getByRole('button', { name: 'Accounts' }).click();
      await expect(app.getByText('No accounts yet.')).toBeVisible();
      await expectNoViolations(app, 'no accounts');
      await app.getByRole('button', { name: 'Add a mail account' }).click();
      await expect(app.getByLabel('Email address')).toBeVisible();

      const olga = await freshUser(dovecot, 'before the change');
      await addAccountThroughWizard(app, { email: olga.user, password: olga.password, port: dovecot.tlsPort, submissionPort: dovecot.submissionPort });
      await app.getByRole('button', { name: 'Done' }).click();
      const heading = app.getByRole('heading', { level: 1, name: 'Accounts' });
      await expect(heading).toBeFocused();
      // A heading that holds the focus to be read out draws no box like a text field.
      expect(await heading.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('none');

      await dovecot.setPassword(olga.user, 'after the change');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const item = accountItem(app, olga.user);
      const retest = item.getByRole('button', { name: 'Re-test' });
      await retest.click();
      const field = item.getByLabel('Password', { exact: true });
      await expect(field).toBeFocused();
      const gap = (await field.boundingBox())!.y - (await retest.boundingBox())!.y;
      expect(gap).toBeLessThan(400);
      // The failure's heading is not smaller than the text under it.
      const sizes = await item.locator('.failure').evaluate((panel) => [panel.querySelector('.failure-message'), panel.querySelector('.failure-advice')].map((element) => parseFloat(getComputedStyle(element!).fontSize)));
      expect(sizes[0]).toBeGreaterThanOrEqual(sizes[1] ?? Infinity);
      await expectNoViolations(app, 'update password after a refused re-test');
    });
  });
}

test('Re-test all and Re-test show each account’s result the same way: one folded line per server', async ({ app, dovecot }) => {
  const [one, two] = [await freshUser(dovecot), await freshUser(dovecot)];
  for (const user of [one, two]) {
    await app.getByRole('button', { name: 'Add account' }).click();
    await addAccountThroughWizard(app, { email: user.user, password: user.password, port: dovecot.tlsPort, submissionPort: dovecot.submissionPort });
  }
  const summaries = async () => Promise.all([one, two].map((user) => accountItem(app, user.user).locator('.server-summary-line').allTextContents()));
  await app.getByRole('button', { name: 'Re-test all' }).click();
  await expect(accountItem(app, two.user).locator('.server-summary-line')).toHaveCount(2);
  const afterAll = await summaries();
  await accountItem(app, one.user).getByRole('button', { name: 'Re-test', exact: true }).click();
  await expect(accountItem(app, one.user).locator('.server-summary-line')).toHaveCount(2);
  expect((await summaries())[0]?.map((line) => line.replace(/[\d.]+\s?(ms|sec|s)\b/, ''))).toEqual(afterAll[0]?.map((line) => line.replace(/[\d.]+\s?(ms|sec|s)\b/, '')));
});
