// Steps the hand-off specs share: save an account with both servers, open "Use this account in other apps", read a QR image.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Dovecot } from '../../fixtures/dovecot.ts';
import { runCommand } from '../../fixtures/run-command.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import { expect } from '../../harness-fixture.ts';
import { addAccountThroughWizard } from './wizard-steps.ts';

let serial = 0;

/** A user of its own on the worker's Dovecot, saved through the wizard with both servers (IMAPS and STARTTLS submission). */
export async function savedAccount(app: Page, dovecot: Dovecot): Promise<{ user: string; password: string }> {
  serial += 1;
  // One address per test (the worker's Dovecot outlives it); short, as the README screenshots show it.
  const user = { user: `hana${serial}@example.test`, password: 'hand off pässword' };
  await dovecot.addUser(user);
  await addAccountThroughWizard(app, { email: user.user, password: user.password, port: dovecot.tlsPort, submissionPort: dovecot.submissionPort, displayName: 'Hana Hoff' });
  return user;
}

/** The open dialog. */
export function handoffDialog(app: Page): Locator {
  return app.getByRole('dialog', { name: 'Use this account in other apps' });
}

/** Opens the dialog from `scope` (the saved banner or an account's entry) and waits for its choices. */
export async function openHandoff(app: Page, scope: Page | Locator): Promise<Locator> {
  await scope.getByRole('button', { name: 'Use in other apps' }).click();
  const dialog = handoffDialog(app);
  await expect(dialog.getByRole('heading', { name: 'Use this account in other apps' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Command-line mail tools' })).toBeVisible();
  return dialog;
}

/** The text a QR image on the page holds, read by a real decoder (zbarimg, Debian zbar-tools) from a screenshot of it. */
export async function decodeQr(image: Locator): Promise<string> {
  const dir = await makeTempDir('mail-setup-qr');
  try {
    const file = join(dir.path, 'code.png');
    await writeFile(file, await image.screenshot());
    // -Sbinary: the bytes as they are; zbar would otherwise guess a legacy charset for UTF-8 (as Thunderbird's ZXing reader is told not to).
    const { stdout } = await runCommand('zbarimg', ['--raw', '-q', '--nodbus', '-Sbinary', file]);
    return stdout.replace(/\n$/, '');
  } finally {
    await dir.remove();
  }
}
