// Playwright: the wizard specs in Debian's Chromium through the harness, and the _electron specs
// (which skip themselves, saying why, where no Electron binary can start).
import { defineConfig } from '@playwright/test';
import { useTestCompileCache } from './scripts/test-compile-cache.ts';

useTestCompileCache();

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // Two spec files at a time: each test has its own keyring, data folder and harness, each worker its
  // own Dovecot, and much of a test is waiting on servers (measured: 14.9 min instead of about 20).
  workers: 2,
  forbidOnly: true,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    browserName: 'chromium',
    trace: 'off',
    screenshot: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
  projects: [
    // The README's pictures: taken on demand (npm run screenshots), not on every test run.
    { name: 'chromium-harness', testDir: 'e2e/specs', testIgnore: 'screenshots.spec.ts' },
    { name: 'readme-screenshots', testDir: 'e2e/specs', testMatch: 'screenshots.spec.ts' },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
