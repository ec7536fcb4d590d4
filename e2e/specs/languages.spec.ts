// The wizard and the accounts screen in other languages: no English left in the pseudo-locales, German fits 480 px, Arabic and en-XB are mirrored, Arabic axe-clean.
import type { Page } from '@playwright/test';
import { expect, test, users, type HarnessRun } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { textsOf } from './support/locale-texts.ts';
import { readmeShot } from './support/readme-shot.ts';
import { accountItem, expectReportFinished } from './support/wizard-steps.ts';

type Text = ReturnType<typeof textsOf>;

async function open(app: Page, harness: HarnessRun, locale: string): Promise<Text> {
  await app.goto(`${harness.url}&locale=${locale}`);
  await expect(app.locator('html')).toHaveAttribute('lang', locale);
  return textsOf(locale);
}

/** From the address to a finished test, typing the settings; `password` decides how it ends. */
async function testAccount(app: Page, t: Text, port: number, password: string): Promise<void> {
  await app.getByLabel(t('email.emailLabel'), { exact: true }).fill(users.alice.user);
  await app.getByRole('button', { name: t('email.continue'), exact: true }).click();
  await expect(app.getByLabel(t('settings.hostLabel'), { exact: true })).toBeVisible();
  await app.getByLabel(t('settings.hostLabel'), { exact: true }).fill('localhost');
  await app.getByLabel(t('settings.portLabel'), { exact: true }).fill(String(port));
  await app.getByLabel(t('settings.securityLabel'), { exact: true }).selectOption({ label: t('security.tls') });
  await app.getByLabel(t('settings.usernameLabel'), { exact: true }).fill(users.alice.user);
  await app.getByLabel(t('secret.passwordLabel'), { exact: true }).fill(password);
  await app.getByRole('button', { name: t('test.run'), exact: true }).click();
  await expectReportFinished(app);
}

/** Words of three or more ASCII letters that the page shows, apart from what the user typed and what servers and Intl wrote. */
async function visibleEnglish(app: Page): Promise<string[]> {
  const text = await app.evaluate(() => {
    const skip = 'select, code, pre, blockquote, input, .server-text';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip) || parent.closest('[hidden], .sr-only') || !parent.checkVisibility()) continue;
      parts.push(node.textContent ?? '');
    }
    return parts.join(' ');
  });
  // Data, not texts: what was typed, the TLS version the server chose, Intl's month and relative-time words.
  const data = /alice@example\.test|example\.test|localhost|Mail Setup|\bTLS|\b(now|ago|minutes?|seconds?|hours?|ms|sec|min|hr|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/g;
  return [...text.replace(data, ' ').matchAll(/\b[A-Za-z]{3,}\b/g)].map((match) => match[0]);
}

test('en-XA: the wizard, its failure and the accounts screen show no English', async ({ app, harness, dovecot }) => {
  const t = await open(app, harness, 'en-XA');
  expect(await visibleEnglish(app)).toEqual([]);
  await testAccount(app, t, dovecot.tlsPort, 'not the password');
  await expect(app.locator('[data-failure-category="wrong-credentials"]')).toBeVisible();
  expect(await visibleEnglish(app)).toEqual([]);
  // The failed step's technical detail, opened, is in the page's language too (main writes it in English).
  const refused = app.locator('[data-server="incoming"][data-step="authenticate"][data-status="failed"] details.technical');
  await refused.getByText(t('report.technicalDetails'), { exact: true }).click();
  await expect(refused.locator('p')).toBeVisible();
  expect(await visibleEnglish(app)).toEqual([]);
  await app.getByLabel(t('secret.passwordLabel'), { exact: true }).fill(users.alice.password);
  await app.getByRole('button', { name: t('test.run'), exact: true }).click();
  await expectReportFinished(app);
  expect(await visibleEnglish(app)).toEqual([]);
  await app.getByRole('button', { name: t('test.save'), exact: true }).click();
  await app.getByRole('button', { name: t('outgoing.confirmSave'), exact: true }).click();
  await expect(accountItem(app, users.alice.user)).toBeVisible();
  expect(await visibleEnglish(app)).toEqual([]);
});

test.describe('German at 480 px', () => {
  test.use({ viewport: { width: 480, height: 800 } });

  test('no page grows sideways and no button text is cut', async ({ app, harness, dovecot }) => {
    const t = await open(app, harness, 'de');
    const fits = async (screen: string) => {
      const widths = await app.evaluate(() => ({ content: document.documentElement.scrollWidth, window: window.innerWidth }));
      expect(widths.content, `${screen}: page wider than the window`).toBeLessThanOrEqual(widths.window);
      const cut = await app.evaluate(() =>
        [...document.querySelectorAll('button')].filter((b) => b.checkVisibility() && (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)).map((b) => b.textContent),
      );
      expect(cut, `${screen}: buttons whose text is cut`).toEqual([]);
    };
    await fits('email');
    await testAccount(app, t, dovecot.tlsPort, 'not the password');
    await expect(app.getByText('Der Server hat Benutzername oder Passwort abgelehnt.')).toBeVisible();
    await fits('failed test');
    await readmeShot(app, '26-wizard-german');
    await app.getByLabel(t('secret.passwordLabel'), { exact: true }).fill(users.alice.password);
    await app.getByRole('button', { name: t('test.run'), exact: true }).click();
    await expectReportFinished(app);
    await app.getByRole('button', { name: t('test.save'), exact: true }).click();
    await app.getByRole('button', { name: t('outgoing.confirmSave'), exact: true }).click();
    await expect(accountItem(app, users.alice.user)).toBeVisible();
    await fits('accounts');
  });
});

test('Arabic: mirrored, addresses left to right, axe clean', async ({ app, harness, dovecot }) => {
  const t = await open(app, harness, 'ar');
  await expect(app.locator('html')).toHaveAttribute('dir', 'rtl');
  // Mirrored: the brand (first in the header) sits at the right, the navigation to its left.
  const brand = await app.locator('.brand').boundingBox();
  const nav = await app.getByRole('navigation').boundingBox();
  expect(brand && nav && brand.x > nav.x).toBe(true);
  await expect(app.getByLabel(t('email.emailLabel'), { exact: true })).toHaveAttribute('dir', 'ltr');
  await expectNoViolations(app, 'email (ar)');
  await testAccount(app, t, dovecot.tlsPort, 'not the password');
  await expect(app.getByLabel(t('settings.hostLabel'), { exact: true })).toHaveAttribute('dir', 'ltr');
  await expectNoViolations(app, 'failed test (ar)');
  await readmeShot(app, '28-wizard-arabic');
});

test('en-XB: the right-to-left pseudo-locale mirrors the page and keeps the address left to right', async ({ app, harness }) => {
  const t = await open(app, harness, 'en-XB');
  await expect(app.locator('html')).toHaveAttribute('dir', 'rtl');
  const brand = await app.locator('.brand').boundingBox();
  const nav = await app.getByRole('navigation').boundingBox();
  expect(brand && nav && brand.x > nav.x).toBe(true);
  const field = app.getByLabel(t('email.emailLabel'), { exact: true });
  await expect(field).toHaveAttribute('dir', 'ltr');
  // The words are the right-to-left stand-ins, not English.
  await expect(app.getByRole('button', { name: t('email.continue'), exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Continue', exact: true })).toHaveCount(0);
});

test('Japanese: the wizard for the README', async ({ app, harness, dovecot }) => {
  const t = await open(app, harness, 'ja');
  await testAccount(app, t, dovecot.tlsPort, 'not the password');
  await expect(app.getByText('サーバーがユーザー名またはパスワードを拒否しました。')).toBeVisible();
  await readmeShot(app, '27-wizard-japanese');
});
