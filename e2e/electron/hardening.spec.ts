// The security checklist as the running app shows it: a page without Node, no way out, checked IPC, one instance.
import { spawnSync } from 'node:child_process';
import { ipcCalls, ipcEvents } from '../../shared/ipc-contract.ts';
import { expect, skipWithoutElectron, test } from './electron-fixture.ts';

skipWithoutElectron();

// The page's globals, seen from the spec (whose type library has no DOM).
type PageGlobals = {
  mailSetup: Record<string, (request: unknown) => Promise<unknown>>;
  open(url: string): unknown;
  location: { href: string };
};

test('the page sees the contract API and nothing of Node or Electron', async ({ app }) => {
  const view = await app.evaluate(() => ({
    api: Object.keys((globalThis as unknown as PageGlobals).mailSetup).sort(),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
  }));
  expect(view.api).toEqual([...Object.keys(ipcCalls), ...Object.keys(ipcEvents)].sort());
  expect(view).toMatchObject({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
});

test('nothing leaves the app: no new windows, no navigation, no remote requests', async ({ electronApp, app }) => {
  const before = app.url();
  expect(await app.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null)).toBe(true);
  await app.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await app.waitForTimeout(500);
  expect(app.url()).toBe(before);
  expect(electronApp.windows()).toHaveLength(1);
  const fetched = await app.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'loaded',
      () => 'blocked',
    ),
  );
  expect(fetched).toBe('blocked');
});

test('IPC from the page is parsed: a malformed request gets invalid-request', async ({ app }) => {
  const envelope = await app.evaluate(() => (globalThis as unknown as PageGlobals).mailSetup['removeAccount']?.({ email: 42 }));
  expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
});

test('a second instance hands over to the first and quits', async ({ electronApp, availability, unpackagedApp }) => {
  if (!availability.ok) throw new Error(availability.reason);
  const userData = await electronApp.evaluate(({ app }) => app.getPath('userData'));
  const second = spawnSync(availability.executable, [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), unpackagedApp], {
    cwd: unpackagedApp,
    env: { ...process.env, MAIL_SETUP_DATA_DIR: userData },
    timeout: 20_000,
  });
  expect(second.error).toBeUndefined();
  expect(second.status).toBe(0);
  expect(electronApp.windows()).toHaveLength(1);
});
