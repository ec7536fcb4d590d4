// Writes a screenshot for the README to docs/screenshots/<name>.png, only when `npm run screenshots` asks.
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const folder = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

/**
 * The whole page as it is now, animations stopped. Only under `npm run screenshots`
 * (MAIL_SETUP_README_SHOTS=1): a test run leaves the checkout as it found it, and the pictures
 * change only when someone means to change them.
 */
export async function readmeShot(app: Page, name: string): Promise<void> {
  if (process.env.MAIL_SETUP_README_SHOTS !== '1') return;
  await app.screenshot({ path: join(folder, `${name}.png`), fullPage: true, animations: 'disabled' });
}
