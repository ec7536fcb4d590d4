// Steps the wizard specs share, driven only through the contract's accessible names.
import type { Locator, Page } from '@playwright/test';
import { expect } from '../../harness-fixture.ts';

export const stepIds = ['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'inbox'] as const;
/** The outgoing server's steps; `delivery` only with a test message. */
export const outgoingStepIds = ['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'sender'] as const;

/** One step's row in the report, within its server's group. */
export function stepRow(scope: Page | Locator, id: string, server: 'incoming' | 'outgoing' = 'incoming'): Locator {
  return scope.locator(`[data-server="${server}"][data-step="${id}"]`);
}

/** Server settings as the user types them. */
export interface TypedSettings {
  host: string;
  port: number;
  security?: 'SSL/TLS' | 'STARTTLS' | 'None';
  username: string;
}

/** Types the address, presses Continue and waits for the details screen (the form, or a known provider's summary). */
export async function enterEmail(app: Page, email: string, displayName?: string): Promise<void> {
  await app.getByLabel('Email address').fill(email);
  if (displayName !== undefined) await app.getByLabel('Your name').fill(displayName);
  await app.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /^(Check|Enter) your settings$/ })).toBeVisible();
}

/** From the details screen: Back, another address, and "Use the new address" when asked whether to drop what was entered. */
export async function replaceEmail(app: Page, email: string): Promise<void> {
  await app.getByRole('button', { name: 'Back' }).click();
  await app.getByLabel('Email address').fill(email);
  await app.getByRole('button', { name: 'Continue' }).click();
  const heading = app.getByRole('heading', { level: 1, name: /^(Check|Enter) your settings$/ });
  const discard = app.getByRole('button', { name: 'Use the new address' });
  await expect(heading.or(discard)).toBeVisible();
  if (await discard.isVisible()) await discard.click();
  await expect(heading).toBeVisible();
}

/** Opens a known provider's one-line summary into the full form (nothing to do when it is open). */
export async function openSettings(app: Page): Promise<void> {
  const edit = app.locator('[data-settings-summary]').getByRole('button', { name: 'Edit settings' });
  if (await edit.count()) await edit.click();
  await expect(app.getByLabel('Server', { exact: true })).toBeVisible();
}

/** Fills Server, Port, Security and Username. */
export async function fillSettings(app: Page, settings: TypedSettings): Promise<void> {
  await openSettings(app);
  await app.getByLabel('Server', { exact: true }).fill(settings.host);
  await app.getByLabel('Port', { exact: true }).fill(String(settings.port));
  await app.getByLabel('Security', { exact: true }).selectOption({ label: settings.security ?? 'SSL/TLS' });
  await app.getByLabel('Username', { exact: true }).fill(settings.username);
}

/** Fills the outgoing server's fields ("Outgoing server", "Outgoing port", …). */
export async function fillOutgoing(app: Page, settings: TypedSettings): Promise<void> {
  await app.getByLabel('Outgoing server').fill(settings.host);
  await app.getByLabel('Outgoing port').fill(String(settings.port));
  await app.getByLabel('Outgoing security').selectOption({ label: settings.security ?? 'STARTTLS' });
  await app.getByLabel('Outgoing username').fill(settings.username);
}

/** Presses Test Account Settings and waits until the report is final. */
export async function runTest(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Test Account Settings' }).click();
  await expectReportFinished(app);
}

/** Waits until no step is running and every step has a final status. */
export async function expectReportFinished(scope: Page | Locator): Promise<void> {
  for (const id of stepIds) {
    await expect(stepRow(scope, id)).toHaveAttribute('data-status', /^(passed|failed|skipped)$/);
  }
}

/** Every step passed and no failure is shown (with `outgoing`, the outgoing server's steps too). */
export async function expectAllPassed(scope: Page | Locator, options: { outgoing?: boolean } = {}): Promise<void> {
  for (const id of stepIds) {
    await expect(stepRow(scope, id)).toHaveAttribute('data-status', 'passed');
  }
  for (const id of options.outgoing ? outgoingStepIds : []) {
    await expect(stepRow(scope, id, 'outgoing')).toHaveAttribute('data-status', 'passed');
  }
  await expect(scope.locator('[data-failure-category]')).toHaveCount(0);
}

/** Presses Save account; with no outgoing server, confirms saving incoming mail only. */
export async function saveAccount(app: Page, options: { withoutOutgoing?: boolean } = {}): Promise<void> {
  await app.getByRole('button', { name: 'Save account' }).click();
  if (options.withoutOutgoing) {
    await expect(app.getByText('Save without a server for sending?')).toBeVisible();
    await app.getByRole('button', { name: 'Save incoming mail only' }).click();
  }
}

/** The whole wizard, from address to saved account; ends on the accounts screen. */
export async function addAccountThroughWizard(
  app: Page,
  account: { email: string; password: string; port: number; displayName?: string; submissionPort?: number },
): Promise<void> {
  await enterEmail(app, account.email, account.displayName);
  await fillSettings(app, { host: 'localhost', port: account.port, username: account.email });
  const outgoing = account.submissionPort !== undefined;
  if (outgoing) await fillOutgoing(app, { host: 'localhost', port: account.submissionPort ?? 0, security: 'STARTTLS', username: account.email });
  await app.getByLabel('Password', { exact: true }).fill(account.password);
  await runTest(app);
  await expectAllPassed(app, { outgoing });
  await saveAccount(app, { withoutOutgoing: !outgoing });
  await expect(app.getByRole('listitem', { name: account.email })).toBeVisible();
}

/** The saved account's entry in the accounts list. */
export function accountItem(app: Page, email: string): Locator {
  return app.getByRole('listitem', { name: email });
}
