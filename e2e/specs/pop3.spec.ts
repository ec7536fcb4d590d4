// A POP3 account through the wizard against Dovecot's real POP3 service: the protocol choice, the "Incoming mail (POP3)" fieldset, a passing check, saved.
import { expect, test, users } from '../harness-fixture.ts';
import { readmeShot } from './support/readme-shot.ts';
import { accountItem, enterEmail, expectAllPassed, fillSettings, runTest, saveAccount } from './support/wizard-steps.ts';

test.use({ viewport: { width: 900, height: 720 }, colorScheme: 'light' });

test('a POP3 account: choose POP3, test, save', async ({ app, dovecot }) => {
  await enterEmail(app, users.alice.user);
  await expect(app.getByRole('group', { name: 'Incoming mail (IMAP)' })).toBeVisible();
  await app.getByLabel('Incoming protocol').selectOption({ label: 'POP3' });
  const pop3 = app.getByRole('group', { name: 'Incoming mail (POP3)' });
  await expect(pop3).toBeVisible();
  // The port follows the protocol: 993 was the usual IMAP port for SSL/TLS, 995 is POP3's.
  await expect(pop3.getByLabel('Port', { exact: true })).toHaveValue('995');
  await expect(pop3.getByText('POP3 downloads your mail to this one device; IMAP keeps it in sync on every device.')).toBeVisible();

  await fillSettings(app, { host: 'localhost', port: dovecot.pop3sPort, username: users.alice.user });
  await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
  await runTest(app);
  await expectAllPassed(app);
  await expect(app.getByRole('heading', { name: /^Incoming mail \(POP3\)/ })).toBeVisible();
  await readmeShot(app, '25-pop3-passed');

  await saveAccount(app, { withoutOutgoing: true });
  await expect(accountItem(app, users.alice.user)).toBeVisible();
  await expect(accountItem(app, users.alice.user).getByText(`Incoming (POP3): localhost:${dovecot.pop3sPort}`)).toBeVisible();
});
