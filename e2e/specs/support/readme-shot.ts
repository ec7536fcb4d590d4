// Writes a screenshot for the README to docs/screenshots/<name>.png.
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const folder = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

/** The whole page as it is now, animations stopped. */
export function readmeShot(app: Page, name: string): Promise<Buffer> {
  return app.screenshot({ path: join(folder, `${name}.png`), fullPage: true, animations: 'disabled' });
}
