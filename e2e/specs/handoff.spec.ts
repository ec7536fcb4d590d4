// "Use in other apps" through the harness: the chooser, the phone's QR code (decoded by zbarimg), the Apple profile, the command-line configs.
import { expect, test } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { decodeQr, handoffDialog, openHandoff, savedAccount } from './support/handoff-steps.ts';
import { readmeShot } from './support/readme-shot.ts';
import { accountItem } from './support/wizard-steps.ts';

test('after saving, "Use in other apps" offers each program; keyboard stays in the dialog, Esc closes it and focus returns', async ({ app, dovecot }) => {
  await app.setViewportSize({ width: 900, height: 900 });
  const hana = await savedAccount(app, dovecot);
  // One button on the page right after saving: on the new account's entry, under the saved banner.
  await expect(app.getByRole('region', { name: 'Account saved and working' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Use in other apps' })).toHaveCount(1);
  const opener = accountItem(app, hana.user).getByRole('button', { name: 'Use in other apps' });
  const dialog = await openHandoff(app, app);
  const choices = dialog.getByRole('group').getByRole('button');
  // No GOA on this harness's bus: the GNOME desktop is not offered.
  await expect(choices).toHaveText(['Thunderbird on a phone', 'Apple Mail', 'Command-line mail tools']);
  await readmeShot(app, '25-use-in-other-apps');

  for (let press = 0; press < 8; press += 1) {
    await app.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await app.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await expectNoViolations(app, 'hand-off chooser');

  await app.keyboard.press('Escape');
  await expect(handoffDialog(app)).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('Thunderbird on a phone: a QR code a real decoder reads as Thunderbird\'s format, the password only when ticked', async ({ app, dovecot }) => {
  await app.setViewportSize({ width: 900, height: 1000 });
  const hana = await savedAccount(app, dovecot);
  const dialog = await openHandoff(app, accountItem(app, hana.user));
  await dialog.getByRole('button', { name: 'Thunderbird on a phone' }).click();
  const code = dialog.getByRole('img', { name: /QR code/ });
  await expect(code).toBeVisible();
  const tick = dialog.getByRole('checkbox', { name: 'Include the password in the code' });
  await expect(tick).not.toBeChecked();
  await expect(dialog).toContainText('Anyone who sees the code can read the password');

  // The spec's example shape (qr-code-format.md): [1,[1,1],[IMAP,host,port,security,auth,username,…],[[[SMTP,host,port,security,auth,username,…],[email,name]]]]
  const payload = JSON.parse(await decodeQr(code)) as unknown[];
  expect(payload.slice(0, 2)).toEqual([1, [1, 1]]);
  expect((payload[2] as unknown[]).slice(0, 6)).toEqual([0, 'localhost', dovecot.tlsPort, 3, 1, hana.user]);
  const [[outgoing, identity]] = payload[3] as [[unknown[], unknown[]]];
  expect(outgoing.slice(0, 6)).toEqual([0, 'localhost', dovecot.submissionPort, 2, 1, hana.user]);
  expect(identity).toEqual([hana.user, 'Hana Hoff']);
  expect(JSON.stringify(payload)).not.toContain(hana.password);
  await readmeShot(app, '26-qr-for-phone');
  await expectNoViolations(app, 'QR code');

  await tick.check();
  await expect(dialog).toContainText('This code holds your password');
  await expect(code).toHaveAttribute('data-contains-password', 'true');
  const withPassword = JSON.parse(await decodeQr(code)) as unknown[];
  expect((withPassword[2] as unknown[])[7]).toBe(hana.password);
});

test('Apple Mail: the profile, what the Mac and iPhone show, and Copy', async ({ app, dovecot, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const hana = await savedAccount(app, dovecot);
  const dialog = await openHandoff(app, accountItem(app, hana.user));
  await dialog.getByRole('button', { name: 'Apple Mail' }).click();
  await expect(dialog).toContainText('Unsigned');
  await expect(dialog).toContainText('Device Management');
  const profile = dialog.locator('[data-config-target="apple"]');
  await expect(profile).toContainText('com.apple.mail.managed');
  await expect(profile).not.toContainText(hana.password);
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toContain('com.apple.mail.managed');
  await expect(dialog.getByRole('link', { name: /^Download / })).toHaveAttribute('download', /\.mobileconfig$/);
});

test('Command-line mail tools: configs that read the password from the keychain, with Copy, at 480 px in the dark', async ({ app, dovecot, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const hana = await savedAccount(app, dovecot);
  await app.setViewportSize({ width: 480, height: 900 });
  await app.emulateMedia({ colorScheme: 'dark' });
  const dialog = await openHandoff(app, accountItem(app, hana.user));
  await dialog.getByRole('button', { name: 'Command-line mail tools' }).click();
  const config = dialog.locator('[data-config-target="msmtp"]');
  await expect(config).toContainText(`from "${hana.user}"`);
  await expect(config).toContainText('secret-tool lookup service mail-setup');
  await expect(config).not.toContainText(hana.password);
  await readmeShot(app, '27-command-line-config');
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toContain('passwordeval');
  await expectNoViolations(app, 'command-line config at 480 px');
});
