// Issue #16 through the harness against the real Dovecot and keyring: what a first-time user feels at once.
import { startDovecot } from '../fixtures/dovecot.ts';
import { getFreePort } from '../fixtures/free-port.ts';
import { expect, test, users } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { startSilentServer } from './support/slow-peers.ts';
import { accountItem, addAccountThroughWizard, enterEmail, expectAllPassed, fillSettings, runTest } from './support/wizard-steps.ts';

const failureIds = /certificate-untrusted|certificate-hostname-mismatch|wrong-credentials|connection-refused|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_CERT_ALTNAME_INVALID|ECONNREFUSED/;

test.describe('nothing typed is lost', () => {
  test('Back, then Continue after a passing test keeps server, port and password, and Save is still offered', async ({ app, dovecot }) => {
    await enterEmail(app, users.alice.user);
    await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
    await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
    await runTest(app);
    await expectAllPassed(app);

    await app.getByRole('button', { name: 'Back' }).click();
    await expect(app.getByLabel('Email address')).toHaveValue(users.alice.user);
    await app.getByRole('button', { name: 'Continue' }).click();
    await expect(app.getByLabel('Server', { exact: true })).toHaveValue('localhost');
    await expect(app.getByLabel('Port', { exact: true })).toHaveValue(String(dovecot.tlsPort));
    await expect(app.getByLabel('Password', { exact: true })).toHaveValue(users.alice.password);
    await expect(app.getByRole('button', { name: 'Save account' })).toBeVisible();
  });

  test('a new address asks before it discards what was entered for the old one', async ({ app }) => {
    await enterEmail(app, users.alice.user);
    await fillSettings(app, { host: 'localhost', port: 10993, username: users.alice.user });
    await app.getByLabel('Password', { exact: true }).fill('typed once');
    await app.getByRole('button', { name: 'Back' }).click();
    await app.getByLabel('Email address').fill('someone-else@example.test');
    await app.getByRole('button', { name: 'Continue' }).click();
    await expect(app.getByText('The settings and password you entered for alice@example.test will be replaced')).toBeFocused();
    await expectNoViolations(app, 'discard question');
    await app.getByRole('button', { name: 'Keep the settings for alice@example.test' }).click();
    await expect(app.getByLabel('Server', { exact: true })).toHaveValue('localhost');
    await expect(app.getByLabel('Password', { exact: true })).toHaveValue('typed once');
  });

  test('leaving for Accounts in the middle of a test and coming back finds the wizard as it was', async ({ app }) => {
    const silent = await startSilentServer();
    try {
      await enterEmail(app, users.alice.user);
      await fillSettings(app, { host: '127.0.0.1', port: silent.port, security: 'STARTTLS', username: users.alice.user });
      await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
      await app.getByRole('button', { name: 'Test Account Settings' }).click();
      // While the test runs, the report is in view and the focus is on it.
      await expect(app.getByRole('heading', { name: 'Test results' })).toBeFocused();
      await expect(app.getByRole('heading', { name: 'Test results' })).toBeInViewport();
      await app.getByRole('button', { name: 'Accounts' }).click();
      await expect(app.getByText('No accounts yet.')).toBeVisible();
      await app.getByRole('button', { name: 'Add account' }).click();
      await expect(app.getByLabel('Server', { exact: true })).toHaveValue('127.0.0.1');
      await expect(app.getByLabel('Port', { exact: true })).toHaveValue(String(silent.port));
      await expect(app.getByLabel('Password', { exact: true })).toHaveValue(users.alice.password);
    } finally {
      await silent.close();
    }
  });
});

test.describe('mistakes caught early', () => {
  test('a saved account typed in other capitals is named on the email step, with Update password', async ({ app, dovecot }) => {
    await addAccountThroughWizard(app, { email: users.alice.user, password: users.alice.password, port: dovecot.tlsPort });
    await app.getByRole('button', { name: 'Add account' }).click();
    // Tab from the name lands on Continue, not on a way out.
    await app.getByLabel('Your name').focus();
    await app.keyboard.press('Tab');
    await expect(app.getByRole('button', { name: 'Continue' })).toBeFocused();

    await app.getByLabel('Email address').fill('Alice@Example.TEST');
    await app.getByRole('button', { name: 'Continue' }).click();
    const duplicate = app.locator('[data-duplicate] p');
    await expect(duplicate).toContainText('alice@example.test is already set up in Mail Setup.');
    await expect(duplicate).toBeFocused();
    await expectNoViolations(app, 'duplicate on the email step');
    await expect(app.getByRole('heading', { name: 'Add a mail account' })).toBeVisible();
    await app.getByRole('button', { name: 'Update password' }).click();
    await expect(accountItem(app, users.alice.user).getByLabel('Password', { exact: true })).toBeFocused();
  });

  test('a mistyped provider domain is offered in its likely form, and using it finds the provider', async ({ app }) => {
    await enterEmail(app, 'bob@gmial.com');
    await expect(app.getByRole('button', { name: 'Use bob@gmail.com' })).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(app.getByText('Gmail · imap.gmail.com:993 · SSL/TLS')).toBeVisible();
    await expect(app.locator('main')).toContainText('bob@gmail.com');
    await expect(app.getByLabel('App password', { exact: true })).toBeFocused();
  });

  test('the email step offers the likely address as the typing stops, before anything is looked up', async ({ app }) => {
    const email = app.getByLabel('Email address');
    await email.fill('bob@hotmial.com');
    const use = app.getByRole('button', { name: 'Use bob@hotmail.com' });
    await expect(use).toBeVisible();
    // Still the email step: nothing was looked up, and the typing goes on undisturbed.
    await expect(app.getByRole('heading', { name: 'Add a mail account' })).toBeVisible();
    await expect(email).toBeFocused();
    await expectNoViolations(app, 'a typo offer on the email step');
    // A real provider domain is never "corrected" (gmx.de and gmx.net are both real); the old offer goes.
    await email.fill('bob@gmx.net');
    await expect(app.locator('[data-address-suggestion]')).toHaveCount(0);
    await app.waitForTimeout(600);
    await expect(app.locator('[data-address-suggestion]')).toHaveCount(0);

    await email.fill('bob@gmial.com');
    await app.getByRole('button', { name: 'Use bob@gmail.com' }).click();
    await expect(app.getByText('Gmail · imap.gmail.com:993 · SSL/TLS')).toBeVisible();
    await expect(app.locator('main')).toContainText('bob@gmail.com');
    await expect(app.getByLabel('App password', { exact: true })).toBeFocused();
  });

  test('an address without a dot in its domain is refused on the email step', async ({ app }) => {
    await app.getByLabel('Email address').fill('alice@example');
    await app.getByRole('button', { name: 'Continue' }).click();
    await expect(app.getByLabel('Email address')).toHaveAccessibleDescription(/needs a dot/);
    await expect(app.getByRole('heading', { name: 'Add a mail account' })).toBeVisible();
  });

  test('Server takes what people paste and says what it changed', async ({ app }) => {
    await enterEmail(app, users.alice.user);
    const server = app.getByLabel('Server', { exact: true });
    await app.getByLabel('Port', { exact: true }).fill('143');
    await server.fill('imap.example.com:993');
    await expect(server).toHaveValue('imap.example.com');
    await expect(app.getByLabel('Port', { exact: true })).toHaveValue('993');
    await expect(server).toHaveAccessibleDescription(/moved 993 to the port field/);
    await server.fill('https://Mail.Example.COM/');
    await expect(server).toHaveValue('mail.example.com');
    await expect(server).toHaveAccessibleDescription(/removed “https:\/\/”.*changed capitals to lower case/);
    await expect(server).not.toHaveAttribute('aria-invalid');
    await server.fill('imaps://imap.example.org');
    await expect(server).toHaveValue('imap.example.org');
    await expect(app.getByLabel('Security', { exact: true })).toHaveValue('tls');
  });

  test('an international domain is shown as typed, never as xn--', async ({ app }) => {
    await enterEmail(app, 'anna@exämple.test');
    await expect(app.locator('main')).toContainText('anna@exämple.test');
    await expect(app.locator('main')).toContainText('No settings were found for exämple.test');
    await expect(app.locator('main')).not.toContainText('xn--');
    await expect(app.getByLabel('Username', { exact: true })).toHaveValue('anna@exämple.test');
  });
});

test('no keychain: the user is told in plain words before typing anything', async ({ app, harness }) => {
  await harness.keyring.stopDaemonOnly();
  await app.reload();
  const notice = app.locator('[data-keychain="unavailable"]');
  await expect(notice).toContainText('Mail Setup cannot save passwords on this computer right now');
  await expect(app.getByLabel('Email address')).toBeVisible();
  await expect(app.getByLabel('Email address')).toHaveValue('');
  await expectNoViolations(app, 'keychain notice');
  // The system's own words wait behind "Technical details".
  expect(await notice.innerText()).not.toMatch(/D-Bus|org\.freedesktop|service files/);
  await notice.getByText('Technical details').click();
  await expect(notice).toContainText('org.freedesktop.secrets');
});

test.describe('the test report speaks plainly', () => {
  test('passed steps in words, protocol details on request', async ({ app, dovecot }) => {
    await enterEmail(app, users.alice.user);
    await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: users.alice.user });
    await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
    await runTest(app);
    const tls = app.locator('[data-step="tls"][data-server="incoming"]');
    await expect(tls).toContainText(/Encrypted \(TLS 1\.[23]\), certificate valid until \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(await tls.innerText()).not.toMatch(/TLS_AES|TLSv1/);
    await expect(app.locator('[data-step="authenticate"][data-server="incoming"]')).toContainText('Signed in');
    await tls.getByText('Technical details').click();
    await expect(tls).toContainText(/TLSv1\.[23]/);
  });

  test('nothing listening: “Nothing answered on port …”, no ECONNREFUSED in sight', async ({ app }) => {
    const port = await getFreePort();
    await enterEmail(app, users.alice.user);
    await fillSettings(app, { host: '127.0.0.1', port, username: users.alice.user });
    await app.getByLabel('Password', { exact: true }).fill('any password');
    await runTest(app);
    await expect(app.locator('[data-step="connect"][data-server="incoming"]')).toContainText(`Nothing answered on port ${port}`);
    expect(await app.locator('main').innerText()).not.toMatch(failureIds);
  });

  test('STARTTLS on an SSL/TLS port leads with the likely cause and its button', async ({ app, dovecot }) => {
    test.slow();
    await enterEmail(app, users.alice.user);
    await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, security: 'STARTTLS', username: users.alice.user });
    await app.getByLabel('Password', { exact: true }).fill(users.alice.password);
    const started = Date.now();
    await runTest(app);
    const failure = app.locator('[data-failure-category="tls-handshake-failed"]');
    await expect(failure.getByRole('heading')).toHaveText(`Port ${dovecot.tlsPort} expects SSL/TLS, but STARTTLS was chosen.`);
    // Named in seconds, not at the end of the 15 s limit.
    expect(Date.now() - started).toBeLessThan(6_000);
    await expect(failure.getByRole('button').first()).toHaveText('Switch to SSL/TLS');
    await failure.getByRole('button', { name: 'Switch to SSL/TLS' }).click();
    await expectAllPassed(app);
  });

  test('a certificate for another name names the host it is for; identifiers stay out of sight', async ({ app, ca }) => {
    const erin = { user: 'erin@example.test', password: 'erin’s password' };
    const server = await startDovecot({ users: [erin], certificate: await ca.issue({ names: ['mail.elsewhere.test'] }) });
    try {
      await enterEmail(app, erin.user);
      await fillSettings(app, { host: 'localhost', port: server.tlsPort, username: erin.user });
      await app.getByLabel('Password', { exact: true }).fill(erin.password);
      await runTest(app);
      const failure = app.locator('[data-failure-category="certificate-hostname-mismatch"]');
      await expect(failure).toContainText('The certificate is for: mail.elsewhere.test.');
      expect(await app.locator('main').innerText()).not.toMatch(failureIds);
    } finally {
      await server.stop();
    }
  });
});

test.describe('keyboard and layout', () => {
  test('Escape cancels Remove and Update password, focus returns to their buttons; Done keeps the focus', async ({ app, dovecot }) => {
    await addAccountThroughWizard(app, { email: users.alice.user, password: users.alice.password, port: dovecot.tlsPort });
    await app.getByRole('button', { name: 'Done' }).click();
    await expect(app.getByRole('heading', { name: 'Accounts', level: 1 })).toBeFocused();

    const item = accountItem(app, users.alice.user);
    await item.getByRole('button', { name: 'Remove' }).click();
    await expect(item.getByText(/^Remove alice@example\.test\?/)).toBeFocused();
    await app.keyboard.press('Escape');
    await expect(item.getByText(/^Remove alice@example\.test\?/)).toHaveCount(0);
    await expect(item.getByRole('button', { name: 'Remove' })).toBeFocused();

    await item.getByRole('button', { name: 'Update password' }).click();
    await expect(item.getByLabel('Password', { exact: true })).toBeFocused();
    await app.keyboard.press('Escape');
    await expect(item.getByLabel('Password', { exact: true })).toHaveCount(0);
    await expect(item.getByRole('button', { name: 'Update password' })).toBeFocused();
  });

  for (const width of [480, 900, 1400]) {
    test(`at ${width} px the unencrypted-password checkbox is a box beside its label, and headings follow the page order`, async ({ app }) => {
      await app.setViewportSize({ width, height: 800 });
      await enterEmail(app, users.alice.user);
      await app.getByLabel('Security', { exact: true }).selectOption({ label: 'None' });
      const box = await app.getByRole('checkbox', { name: /Allow sending my sign-in details unencrypted/ }).boundingBox();
      const label = await app.locator('label[for="allow-insecure"]').boundingBox();
      expect(box && label).toBeTruthy();
      if (!box || !label) return;
      expect(box.width).toBeLessThan(32);
      expect(box.x + box.width).toBeLessThanOrEqual(label.x);
      expect(box.y).toBeLessThan(label.y + label.height);
      const levels = await app.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])));
      expect(levels[0]).toBe(1);
      levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 0)).toBeLessThanOrEqual(1));
    });
  }
});
