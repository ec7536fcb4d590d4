// Steps the wizard specs share, driven only through the contract's accessible names.
import type { Locator, Page } from '@playwright/test';
import { expect } from '../../harness-fixture.ts';

export const stepIds = ['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'inbox'] as const;

/** Server settings as the user types them. */
export interface TypedSettings {
  host: string;
  port: number;
  security?: 'SSL/TLS' | 'STARTTLS' | 'None';
  username: string;
}

/** Types the address, presses Continue and waits for the settings form. */
export async function enterEmail(app: Page, email: string, displayName?: string): Promise<void> {
  await app.getByLabel('Email address').fill(email);
  if (displayName !== undefined) await app.getByLabel('Your name').fill(displayName);
  await app.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByLabel('Server')).toBeVisible();
}

/** Fills Server, Port, Security and Username. */
export async function fillSettings(app: Page, settings: TypedSettings): Promise<void> {
  await app.getByLabel('Server').fill(settings.host);
  await app.getByLabel('Port').fill(String(settings.port));
  await app.getByLabel('Security').selectOption({ label: settings.security ?? 'SSL/TLS' });
  await app.getByLabel('Username').fill(settings.username);
}

/** Presses Test Account Settings and waits until the report is final. */
export async function runTest(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Test Account Settings' }).click();
  await expectReportFinished(app);
}

/** Waits until no step is running and every step has a final status. */
export async function expectReportFinished(scope: Page | Locator): Promise<void> {
  for (const id of stepIds) {
    await expect(scope.locator(`[data-step="${id}"]`)).toHaveAttribute('data-status', /^(passed|failed|skipped)$/);
  }
}

/** Every step passed and no failure is shown. */
export async function expectAllPassed(scope: Page | Locator): Promise<void> {
  for (const id of stepIds) {
    await expect(scope.locator(`[data-step="${id}"]`)).toHaveAttribute('data-status', 'passed');
  }
  await expect(scope.locator('[data-failure-category]')).toHaveCount(0);
}

/** The whole wizard, from address to saved account; ends on the accounts screen. */
export async function addAccountThroughWizard(app: Page, account: { email: string; password: string; port: number; displayName?: string }): Promise<void> {
  await enterEmail(app, account.email, account.displayName);
  await fillSettings(app, { host: 'localhost', port: account.port, username: account.email });
  await app.getByLabel('Password').fill(account.password);
  await runTest(app);
  await expectAllPassed(app);
  await app.getByRole('button', { name: 'Save account' }).click();
  await expect(app.getByRole('listitem', { name: account.email })).toBeVisible();
}

/** The saved account's entry in the accounts list. */
export function accountItem(app: Page, email: string): Locator {
  return app.getByRole('listitem', { name: email });
}
