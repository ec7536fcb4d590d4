// Playwright fixtures for the wizard specs: a real Dovecot per worker, and per test a fresh data
// folder, a fresh keyring and the harness (real renderer + real services) opened in Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startDovecot, nextLoopbackAddress, type Dovecot } from './fixtures/dovecot.ts';
import { getTestCa, type TestCa } from './fixtures/test-ca.ts';
import { makeTempDir } from './fixtures/temp-dir.ts';
import { startKeyring, type Keyring } from './fixtures/keyring.ts';

const root = join(import.meta.dirname, '..');

/** Users every wizard spec can sign in as. */
export const users = {
  alice: { user: 'alice@example.test', password: 'correct horse battery staple' },
  gmail: { user: 'bob@example.test', password: 'the real password' },
} as const;

/** Gmail's exact answer when an app-specific password is required. */
export const gmailAppPasswordText =
  '[ALERT] Application-specific password required: https://support.google.com/mail/?p=InvalidSecondFactor (Failure)';

export interface HarnessRun {
  url: string;
  dataDir: string;
  keyring: Keyring;
}

async function startHarnessProcess(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'scripts/harness.ts'), '--port', '0', '--prebuilt'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Harness ready at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}: ${output}`)));
  });
  return { url, child };
}

export const test = base.extend<{ harness: HarnessRun; app: Page; busServices: readonly string[] }, { dovecot: Dovecot; ca: TestCa }>({
  /** Installed D-Bus services the harness's private session bus may start (e.g. GNOME Online Accounts): `test.use({ busServices: [...] })`. */
  busServices: [[], { option: true }],
  ca: [async ({}, use) => use(await getTestCa()), { scope: 'worker' }],
  dovecot: [
    async ({}, use) => {
      const server = await startDovecot({
        users: [
          { ...users.alice, messages: 2 },
          { ...users.gmail, providerText: gmailAppPasswordText },
        ],
      });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  harness: async ({ ca, busServices }, use) => {
    const dataDir = await makeTempDir('mail-setup-data');
    const keyring = await startKeyring({ activatable: busServices });
    const { url, child } = await startHarnessProcess({
      ...process.env,
      ...keyring.env,
      NODE_EXTRA_CA_CERTS: ca.caCert,
      MAIL_SETUP_DATA_DIR: dataDir.path,
      // A fresh source address per test keeps Dovecot's delay after a failed login apart.
      MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress(),
    });
    await use({ url, dataDir: dataDir.path, keyring });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await keyring.stop();
    await dataDir.remove();
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await use(page);
  },
});

export { expect } from '@playwright/test';
