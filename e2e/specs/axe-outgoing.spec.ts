// axe-core on the outgoing-mail screens (issue #13), in the light and the dark theme, at 900 and 480 px.
import type { Dovecot } from '../fixtures/dovecot.ts';
import { expect, test } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { accountItem, enterEmail, expectAllPassed, fillOutgoing, fillSettings, runTest, saveAccount, stepRow } from './support/wizard-steps.ts';

let serial = 0;
async function freshUser(dovecot: Dovecot): Promise<{ user: string; password: string }> {
  serial += 1;
  const user = { user: `axe-out-${process.pid}-${serial}@example.test`, password: 'out going 1' };
  await dovecot.addUser(user);
  return user;
}

for (const width of [900, 480]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    // Each screen is scanned twice (light and dark), several screens per test.
    test.slow();

    test('outgoing settings, the two-server report, an outgoing failure and the accounts screen', async ({ app, dovecot }) => {
      const olga = await freshUser(dovecot);
      await enterEmail(app, olga.user);
      await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: olga.user });
      await expectNoViolations(app, 'no outgoing server yet');
      await app.getByLabel('Outgoing server').fill('https://bad/');
      await app.getByLabel('Outgoing port').fill('0');
      await app.getByLabel('Outgoing security').selectOption({ label: 'None' });
      await app.getByLabel('Use the same password for outgoing mail').uncheck();
      await app.getByRole('button', { name: 'Test Account Settings' }).click();
      await expectNoViolations(app, 'outgoing settings with errors and an outgoing password');

      await fillOutgoing(app, { host: 'localhost', port: dovecot.submissionPort, security: 'STARTTLS', username: olga.user });
      await app.getByLabel('Password', { exact: true }).fill(olga.password);
      await app.getByLabel('Outgoing password').fill('wrong outgoing password');
      await runTest(app);
      await expect(app.locator('[data-failure-category]')).toHaveAttribute('data-server', 'outgoing');
      await expectNoViolations(app, 'outgoing server failed');

      await app.getByLabel('Use the same password for outgoing mail').check();
      await runTest(app);
      await expectAllPassed(app, { outgoing: true });
      await expectNoViolations(app, 'both servers passed');

      await saveAccount(app);
      const item = accountItem(app, olga.user);
      await expect(item).toBeVisible();
      await app.getByRole('button', { name: 'Done' }).click();
      await expectNoViolations(app, 'account with an outgoing server');
    });

    test('a delivered test message', async ({ app, dovecot }) => {
      const olga = await freshUser(dovecot);
      await enterEmail(app, olga.user);
      await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: olga.user });
      await fillOutgoing(app, { host: 'localhost', port: dovecot.submissionPort, security: 'STARTTLS', username: olga.user });
      await app.getByLabel('Password', { exact: true }).fill(olga.password);
      await runTest(app);
      await app.getByRole('button', { name: 'Send a test message' }).click();
      await expect(stepRow(app, 'delivery', 'outgoing')).toHaveAttribute('data-status', 'passed', { timeout: 60_000 });
      await expectNoViolations(app, 'test message delivered');
    });

    test('saving without an outgoing server', async ({ app, dovecot }) => {
      const olga = await freshUser(dovecot);
      await enterEmail(app, olga.user);
      await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: olga.user });
      await app.getByLabel('Password', { exact: true }).fill(olga.password);
      await runTest(app);
      await app.getByRole('button', { name: 'Save account' }).click();
      await expect(app.getByText('Save without a server for sending?')).toBeVisible();
      await expectNoViolations(app, 'save without an outgoing server?');
      await app.getByRole('button', { name: 'Save incoming mail only' }).click();
      await app.getByRole('button', { name: 'Done' }).click();
      await expect(accountItem(app, olga.user)).toContainText('No outgoing server');
      await expectNoViolations(app, 'account without an outgoing server');
    });
  });
}
