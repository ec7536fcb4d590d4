// axe-core on the page as it is now, in the light and the dark theme, plus a check for sideways scrolling.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '../../harness-fixture.ts';

/** Scans in both themes with every rule, best practices included; fails with a readable list. */
export async function expectNoViolations(app: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page: app }).analyze();
    const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(summary, `${screen} (${colorScheme})`).toEqual([]);
  }
  await app.emulateMedia({ colorScheme: 'light' });
  // The layout must fit the window: no sideways scrolling, down to 480 px.
  const widths = await app.evaluate(() => ({ content: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.content, `${screen}: page wider than the window`).toBeLessThanOrEqual(widths.window);
}
