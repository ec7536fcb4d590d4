// An address with "ü" before the @ in the wizard, against the real Dovecot 2.3 (which announces neither
// UTF8=ACCEPT nor SMTPUTF8): taken as typed, signed in, then refused under each server with its reason.
import { startDovecot } from '../fixtures/dovecot.ts';
import { expect, test } from '../harness-fixture.ts';
import { readmeShot } from './support/readme-shot.ts';
import { enterEmail, fillOutgoing, fillSettings, runTest, stepRow } from './support/wizard-steps.ts';

const jurgen = { user: 'jürgen@example.test', password: 'jürgens pässwort' };

test('jürgen@… is refused under each server with the reason and what to do, after a real sign-in', async ({ app }) => {
  // A server of its own: Dovecot takes "ü" in a username only with auth_username_chars emptied.
  const dovecot = await startDovecot({ users: [jurgen], extraConfig: 'auth_username_chars =\n' });
  try {
    await enterEmail(app, jurgen.user);
    await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: jurgen.user });
    await fillOutgoing(app, { host: 'localhost', port: dovecot.submissionPort, security: 'STARTTLS', username: jurgen.user });
    await app.getByLabel('Password', { exact: true }).fill(jurgen.password);
    await runTest(app);

    await expect(stepRow(app, 'authenticate')).toHaveAttribute('data-status', 'passed');
    const incoming = app.locator('[data-failure-category="mailbox-unavailable"][data-server="incoming"]');
    await expect(incoming).toContainText('cannot handle an address with letters such as “ü” before the @ (jürgen@example.test)');
    await expect(incoming).toContainText('UTF8=ACCEPT');

    await expect(stepRow(app, 'authenticate', 'outgoing')).toHaveAttribute('data-status', 'passed');
    const outgoing = app.locator('[data-failure-category="sender-rejected"][data-server="outgoing"]');
    await expect(outgoing).toContainText('cannot send from an address with letters such as “ü” before the @ (jürgen@example.test)');
    await expect(outgoing).toContainText('SMTPUTF8');
    await expect(app.getByRole('button', { name: 'Save account' })).toHaveCount(0);
    await readmeShot(app, '24-international-address-refused');
  } finally {
    await dovecot.stop();
  }
});
