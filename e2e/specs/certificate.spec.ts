// A self-signed server certificate: the failure shows the fingerprint, and "Trust this certificate" pins it
// for the server that failed, incoming or outgoing.
import { startDovecot } from '../fixtures/dovecot.ts';
import { expect, test } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { accountItem, enterEmail, expectAllPassed, fillOutgoing, fillSettings, runTest, saveAccount, stepRow } from './support/wizard-steps.ts';

test('trusting a self-signed certificate after comparing its fingerprint, then saving', async ({ app, ca }) => {
  const erin = { user: 'erin@example.test', password: 'erin’s password' };
  const server = await startDovecot({ users: [erin], certificate: ca.selfSigned });
  try {
    await enterEmail(app, erin.user);
    await fillSettings(app, { host: 'localhost', port: server.tlsPort, username: erin.user });
    await app.getByLabel('Password', { exact: true }).fill(erin.password);
    await runTest(app);
    const failure = app.locator('[data-failure-category]');
    await expect(failure).toHaveAttribute('data-failure-category', 'certificate-untrusted');
    await expect(app.locator('[data-step="tls"]')).toHaveAttribute('data-status', 'failed');
    await expect(failure).toContainText(ca.selfSigned.fingerprint256);
    await expectNoViolations(app, 'certificate failure with trust offered');

    await failure.getByRole('button', { name: 'Trust this certificate' }).click();
    await expectAllPassed(app);
    await expect(app.locator('[data-step="tls"]')).toContainText('Accepted only because you chose to trust it');
    await saveAccount(app, { withoutOutgoing: true });
    const item = accountItem(app, erin.user);
    await expect(item).toContainText('OK');
    // The accounts screen keeps the decision visible, and it can be taken back.
    await expect(item).toContainText(ca.selfSigned.fingerprint256);
    await expectNoViolations(app, 'account with a trusted certificate');
    await item.getByRole('button', { name: 'Stop trusting this certificate' }).click();
    await expect(item.getByRole('button', { name: 'Stop trusting this certificate' })).toHaveCount(0);
    await item.getByRole('button', { name: 'Re-test' }).click();
    await expect(item.locator('[data-failure-category]')).toHaveAttribute('data-failure-category', 'certificate-untrusted');
  } finally {
    await server.stop();
  }
});

test('trusting the outgoing server’s self-signed certificate pins it for that server, and the saved account keeps it', async ({ app, ca, dovecot }) => {
  const fay = { user: `fay-${process.pid}@example.test`, password: 'fay’s password' };
  // Incoming on the worker's server (a certificate from the trusted test CA), outgoing on one with a self-signed certificate.
  await dovecot.addUser(fay);
  const outgoingServer = await startDovecot({ users: [fay], certificate: ca.selfSigned });
  try {
    await enterEmail(app, fay.user);
    await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: fay.user });
    await fillOutgoing(app, { host: 'localhost', port: outgoingServer.submissionsPort, security: 'SSL/TLS', username: fay.user });
    await app.getByLabel('Password', { exact: true }).fill(fay.password);
    await runTest(app);
    await expect(stepRow(app, 'inbox')).toHaveAttribute('data-status', 'passed');
    const failure = app.locator('[data-failure-category]');
    await expect(failure).toHaveAttribute('data-server', 'outgoing');
    await expect(failure).toHaveAttribute('data-failure-category', 'certificate-untrusted');
    await expect(failure).toContainText(ca.selfSigned.fingerprint256);

    await failure.getByRole('button', { name: 'Trust this certificate' }).click();
    await expectAllPassed(app, { outgoing: true });
    await expect(stepRow(app, 'tls', 'outgoing')).toContainText('Accepted only because you chose to trust it');
    await saveAccount(app);
    const item = accountItem(app, fay.user);
    await expect(item).toContainText(ca.selfSigned.fingerprint256);
    await item.getByRole('button', { name: 'Re-test' }).click();
    await expectAllPassed(item, { outgoing: true });
  } finally {
    await outgoingServer.stop();
  }
});
