// Vitest: unit tests beside the code, integration tests against real Dovecot and a real keyring.
import { defineConfig } from 'vitest/config';
import { useTestCompileCache } from './scripts/test-compile-cache.ts';

useTestCompileCache();

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'e2e/fixtures/**/*.test.ts', 'scripts/**/*.test.ts'],
    pool: 'forks',
    // Vitest's default on 2 cores is one worker; most files wait on servers and child processes, so two run side by side.
    maxWorkers: 2,
    globalSetup: ['./scripts/cli-bundle.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
