// The report a person reads at a glance (issue #26), against the real Dovecot and its relay: folded when
// all is well, one panel for one cause, a relay that is down, a sink that never delivers, at 480 and 900 px.
import type { Page } from '@playwright/test';
import { expect, test } from '../harness-fixture.ts';
import { expectNoViolations } from './support/axe.ts';
import { fillBoth, freshUser } from './support/outgoing-steps.ts';
import { readmeShot } from './support/readme-shot.ts';
import { accountItem, expectAllPassed, outgoingStepIds, runTest, saveAccount, stepIds, stepRow } from './support/wizard-steps.ts';

const widths = [480, 900] as const;

/** The height of the report on screen, in CSS pixels. */
async function reportHeight(app: Page): Promise<number> {
  return (await app.locator('section.report').first().boundingBox())?.height ?? Infinity;
}

for (const width of widths) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('a passing test folds each server into one line; its steps stay in the page and open on demand', async ({ app, dovecot }) => {
      const olga = await freshUser(dovecot);
      await fillBoth(app, dovecot, olga);
      await runTest(app);
      await expectAllPassed(app, { outgoing: true });
      // Folded: each server's secure connection stays in sight (with its certificate), the other steps are hidden.
      for (const id of stepIds) await expect(stepRow(app, id))[id === 'tls' ? 'toBeVisible' : 'toBeHidden']();
      for (const id of outgoingStepIds) await expect(stepRow(app, id, 'outgoing'))[id === 'tls' ? 'toBeVisible' : 'toBeHidden']();
      const incoming = app.locator('section[data-server="incoming"]');
      await expect(incoming).toContainText(/Signed in and opened your Inbox in [\d.]+\s?(ms|sec|s)\./);
      await expect(app.locator('section[data-server="outgoing"]')).toContainText('Signed in and accepts mail from your address');
      await expect(app.getByText('Technical details').filter({ visible: true })).toHaveCount(2);
      // Two lines where twelve rows were: the whole report fits in a window.
      expect(await reportHeight(app)).toBeLessThan(width === 480 ? 800 : 600);
      if (width === 900) await readmeShot(app, '28-report-folded');
      await expectNoViolations(app, 'folded report');

      const open = incoming.getByRole('button', { name: 'Show all steps' });
      await expect(open).toHaveAttribute('aria-expanded', 'false');
      await open.click();
      await expect(incoming.getByRole('button', { name: 'Hide the steps' })).toHaveAttribute('aria-expanded', 'true');
      for (const id of stepIds) await expect(stepRow(app, id)).toBeVisible();
      await expect(stepRow(app, 'resolve', 'outgoing')).toBeHidden();
      await expect(stepRow(app, 'tls', 'outgoing')).toBeVisible();
      await expectNoViolations(app, 'opened report');
    });

    test('one shared wrong password is one panel, in words true for a self-hosted server; the failed steps show, the rest is folded', async ({ app, dovecot }) => {
      const olga = await freshUser(dovecot);
      await fillBoth(app, dovecot, { ...olga, password: 'not the password' });
      await runTest(app);
      await expect(stepRow(app, 'authenticate')).toHaveAttribute('data-status', 'failed');
      await expect(stepRow(app, 'authenticate', 'outgoing')).toHaveAttribute('data-status', 'failed');
      await expect(stepRow(app, 'authenticate')).toBeVisible();
      await expect(stepRow(app, 'inbox')).toBeHidden();
      await expect(stepRow(app, 'inbox')).toHaveAttribute('data-status', 'skipped');
      await expect(app.locator('.failure')).toHaveCount(1);
      const panel = app.locator('.failure');
      await expect(panel).toHaveAttribute('data-failure-category', 'wrong-credentials');
      await expect(panel).toContainText('Both servers refused the username or password.');
      await expect(app.locator('[data-failure-category][data-server="outgoing"]')).toContainText('same reason');
      await expect(app.locator('section.report')).not.toContainText(/Gmail|iCloud|Yahoo|Fastmail/);
      await expect(panel.getByRole('heading')).toBeFocused();
      await expectNoViolations(app, 'one cause, one panel');
    });

    test('a relay that is down: the 4xx after sign-in is a temporary refusal in the server’s words, and the account saves to re-test later', async ({ app, dovecot }) => {
      const olga = await freshUser(dovecot);
      await fillBoth(app, dovecot, olga);
      await dovecot.setRelayDown(true);
      try {
        await runTest(app);
        await expect(stepRow(app, 'inbox')).toHaveAttribute('data-status', 'passed');
        await expect(stepRow(app, 'authenticate', 'outgoing')).toHaveAttribute('data-status', 'passed');
        const failure = app.locator('[data-failure-category]');
        await expect(failure).toHaveAttribute('data-failure-category', 'server-unavailable');
        await expect(failure).toHaveAttribute('data-server', 'outgoing');
        await expect(failure).toContainText('The server is temporarily unavailable.');
        await expect(failure.locator('blockquote')).toContainText(/421 4\.4\.0 .*Failed to connect to relay server/);
        await expect(failure).not.toContainText(/made no sense|server name/);
        await expect(app.getByText('marked to re-test later')).toBeVisible();
        if (width === 900) await readmeShot(app, '30-relay-down');
        await expectNoViolations(app, 'relay down');

        await saveAccount(app);
        await expect(app.getByRole('heading', { name: 'Account saved and working' })).toBeFocused();
        await expect(app.locator('.saved')).toContainText('use Re-test on this account later');
        const item = accountItem(app, olga.user);
        await expect(item.locator('[data-server="outgoing"] [data-account-status]')).toHaveText('Outgoing: Re-test later');
        await expect(item.locator('[data-server="incoming"] [data-account-status]')).toHaveAttribute('data-account-status', 'ok');
      } finally {
        await dovecot.setRelayDown(false);
      }
      const item = accountItem(app, olga.user);
      await item.getByRole('button', { name: 'Re-test' }).click();
      await expect(item.locator('[data-server="outgoing"] [data-account-status]')).toHaveAttribute('data-account-status', 'ok');
    });
  });
}

test.describe('a sink that never delivers', () => {
  test.use({ viewport: { width: 480, height: 800 } });

  test('a late test message is amber, shows its wait, keeps Save and the outgoing server “ok”, and cancelling it loses nothing', async ({ app, dovecot }) => {
    test.setTimeout(240_000);
    const olga = await freshUser(dovecot);
    await fillBoth(app, dovecot, olga);
    await runTest(app);
    await expectAllPassed(app, { outgoing: true });
    dovecot.stopDelivering();
    try {
      // Cancelling the optional test message brings the passed test and Save back.
      await app.getByRole('button', { name: 'Send a test message' }).click();
      await expect(app.getByRole('progressbar', { name: 'Time waited for the test message' })).toBeVisible();
      await app.getByRole('button', { name: 'Cancel test' }).click();
      await expect(app.getByRole('button', { name: 'Save account' })).toBeVisible();
      await expectAllPassed(app, { outgoing: true });

      await app.getByRole('button', { name: 'Send a test message' }).click();
      await expect(app.getByText(/Waiting for the test message: \d+ s so far/)).toBeVisible();
      const late = app.locator('[data-failure-category="delivery-delayed"]');
      await expect(late).toBeVisible({ timeout: 75_000 });
      await expect(late).not.toContainText('failed this test');
      await expect(late).toHaveClass(/failure-late/);
      await expect(app.locator('section[data-server="outgoing"]')).toContainText('accepted the test message, which has not arrived in your Inbox yet');
      await expect(app.getByRole('button', { name: 'Save account' })).toBeVisible();
      for (const w of [480, 900]) {
        await app.setViewportSize({ width: w, height: 800 });
        await expectNoViolations(app, `late message at ${w} px`);
      }
      await readmeShot(app, '29-test-message-late');

      await saveAccount(app);
      const item = accountItem(app, olga.user);
      const outgoingStatus = item.locator('[data-server="outgoing"] [data-account-status]');
      await expect(outgoingStatus).toHaveAttribute('data-account-status', 'ok');
      // The saved account's own test message is late too: the server accepted it, so it stays "ok", after a reload as well.
      await item.getByRole('button', { name: 'Send a test message' }).click();
      await expect(item.locator('[data-failure-category="delivery-delayed"]')).toBeVisible({ timeout: 75_000 });
      await expect(outgoingStatus).toHaveAttribute('data-account-status', 'ok');
      await app.reload();
      await expect(accountItem(app, olga.user).locator('[data-server="outgoing"] [data-account-status]')).toHaveAttribute('data-account-status', 'ok');
    } finally {
      dovecot.resumeDelivering();
    }
  });
});
