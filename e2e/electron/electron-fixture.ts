// Playwright fixtures for the _electron specs: is an Electron binary usable here, the unpackaged
// build, a real Dovecot, and per test a fresh data folder, keyring and app process.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { nextLoopbackAddress, startDovecot, type Dovecot } from '../fixtures/dovecot.ts';
import { startKeyring } from '../fixtures/keyring.ts';
import { getTestCa, type TestCa } from '../fixtures/test-ca.ts';
import { makeTempDir } from '../fixtures/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');

/** Whether an Electron binary can start here, and why not. */
export type ElectronAvailability = { ok: true; executable: string } | { ok: false; reason: string };

/**
 * Looks for the binary the `electron` package downloads at install time and asks it for its
 * version as Node would (ELECTRON_RUN_AS_NODE), which needs no display. On Linux the windows
 * also need an X or Wayland display (xvfb-run provides one on CI).
 */
export function electronAvailability(): ElectronAvailability {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) {
    return { ok: false, reason: 'no Electron binary: node_modules/electron/path.txt is missing (the binary was never downloaded; run "npx install-electron" where github.com is reachable)' };
  }
  const executable = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { ok: false, reason: `no Electron binary at ${executable}` };
  const probe = spawnSync(executable, ['-e', 'process.stdout.write(process.versions.electron ?? "")'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.status !== 0 || probe.stdout === '') {
    const said = `${probe.error?.message ?? ''} ${probe.stderr ?? ''}`.trim().split('\n')[0] ?? '';
    return { ok: false, reason: `the Electron binary at ${executable} does not start${said ? `: ${said}` : ''}` };
  }
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { ok: false, reason: 'no display for Electron windows (DISPLAY and WAYLAND_DISPLAY are unset; run the specs under xvfb-run)' };
  }
  return { ok: true, executable };
}

/** Builds main, preload and renderer into .vite/ as Forge would, without packaging. */
function buildUnpackagedApp(): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const config of ['vite.main.config.ts', 'vite.preload.config.ts', 'vite.renderer.config.ts']) {
    const built = spawnSync(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`vite build --config ${config} failed:\n${built.stdout}\n${built.stderr}`);
  }
}

/** Users the Electron specs sign in as. */
export const users = {
  alice: { user: 'alice@example.test', password: 'correct horse battery staple' },
} as const;

interface WorkerFixtures {
  availability: ElectronAvailability;
  unpackagedApp: string;
  dovecot: Dovecot;
  ca: TestCa;
}

interface TestFixtures {
  electronApp: ElectronApplication;
  app: Page;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  availability: [async ({}, use) => use(electronAvailability()), { scope: 'worker' }],
  unpackagedApp: [
    async ({}, use) => {
      buildUnpackagedApp();
      await use(root);
    },
    { scope: 'worker' },
  ],
  ca: [async ({}, use) => use(await getTestCa()), { scope: 'worker' }],
  dovecot: [
    async ({}, use) => {
      const server = await startDovecot({ users: [{ ...users.alice, messages: 2 }] });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  electronApp: async ({ availability, unpackagedApp, ca }, use, testInfo) => {
    if (!availability.ok) throw new Error(availability.reason);
    const dataDir = await makeTempDir('mail-setup-electron-data');
    const keyring = await startKeyring();
    const electronApp = await _electron.launch({
      executablePath: availability.executable,
      // Chromium refuses to run as root with its OS sandbox (CI containers); the app's own
      // sandbox: true for the renderer is unaffected by this switch.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), unpackagedApp],
      cwd: unpackagedApp,
      env: {
        ...process.env,
        ...keyring.env,
        NODE_EXTRA_CA_CERTS: ca.caCert,
        MAIL_SETUP_DATA_DIR: dataDir.path,
        // A fresh source address per test keeps Dovecot's delay after a failed login apart.
        MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress(),
      },
      timeout: 30_000,
    });
    let output = '';
    electronApp.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    electronApp.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await use(electronApp);
    await electronApp.close();
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('electron output', { body: output, contentType: 'text/plain' });
    await keyring.stop();
    await dataDir.remove();
  },
  app: async ({ electronApp }, use) => {
    const window = await electronApp.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await use(window);
  },
});

/**
 * Marks every test of the calling spec file as skipped, with the reason, where Electron cannot
 * run: skipped, not passed, so that a machine without Electron never reports these as green.
 */
export function skipWithoutElectron(): void {
  const availability = electronAvailability();
  if (!availability.ok) {
    console.warn(`[electron specs] skipped: ${availability.reason}`);
    test.skip(true, availability.reason);
  }
}

export { expect } from '@playwright/test';
