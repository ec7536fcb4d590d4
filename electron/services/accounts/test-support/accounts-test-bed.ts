// The set-up every in-process saved-accounts test shares: a real gnome-keyring that keytar binds to,
// the test CA, the file's servers (Dovecot, an authorization server), a check runner, fresh data folders.
import { afterAll, beforeAll } from 'vitest';
import { nextLoopbackAddress } from '../../../../e2e/fixtures/dovecot.ts';
import { startKeyring, type Keyring, type StoredSecret } from '../../../../e2e/fixtures/keyring.ts';
import { makeTempDir, type TempDir } from '../../../../e2e/fixtures/temp-dir.ts';
import { getTestCa, type TestCa } from '../../../../e2e/fixtures/test-ca.ts';
import { openConfSettingsStore } from '../../../adapters/conf-settings-store.ts';
import { createKeytarSecretStore } from '../../../adapters/keytar-secret-store.ts';
import { createCheckRunner, type CheckRunner } from '../../check/check-runner.ts';
import { resolveHost } from '../../net/resolve-host.ts';
import { createCheckEngine } from '../../check/run-check.ts';
import type { AccountsDeps } from '../accounts-context.ts';
import type { AccountsService, CheckRun } from '../accounts-service.types.ts';
import { createAccountsService } from '../create-accounts-service.ts';
import type { SettingsStore } from '../settings-store.ts';

/** Anything the bed starts for a test file and stops after it. */
interface Stoppable {
  stop(): Promise<void>;
}

/** What a test file gets; the fields are set once its beforeAll has run. */
export interface AccountsTestBed<Servers> {
  readonly keyring: Keyring;
  readonly ca: TestCa;
  readonly servers: Servers;
  /** A new engine per check, each from its own 127.x source address: Dovecot delays logins after a failed one from the same address. */
  readonly runner: CheckRunner;
  /** A fresh data folder (removed after the file) with its settings store. */
  openStore(prefix: string): Promise<{ dir: string; settings: SettingsStore }>;
  /** The accounts service over `settings`, the shared keychain and runner; `extra` adds OAuth2, a lock… */
  service(settings: SettingsStore, extra?: Partial<AccountsDeps>): AccountsService;
  /** The keychain items of one settings file (its store id). */
  secretsOf(settings: SettingsStore): Promise<StoredSecret[]>;
}

/**
 * Registers the file's beforeAll/afterAll: the keyring first (keytar binds to the session bus at
 * its first call, so every test in the file shares it), then the CA and `startServers(ca)`.
 */
export function accountsTestBed<Servers extends Record<string, Stoppable>>(startServers: (ca: TestCa) => Promise<Servers>): AccountsTestBed<Servers> {
  const dirs: TempDir[] = [];
  let keyring: Keyring | undefined;
  let ca: TestCa | undefined;
  let servers: Servers | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the accounts test bed has no ${what} before beforeAll`);
    return value;
  };

  beforeAll(async () => {
    keyring = await startKeyring();
    process.env['DBUS_SESSION_BUS_ADDRESS'] = keyring.env.DBUS_SESSION_BUS_ADDRESS;
    ca = await getTestCa();
    servers = await startServers(ca);
  });
  afterAll(async () => {
    await Promise.all([...Object.values(servers ?? {}).map((server) => server.stop()), ...dirs.map((dir) => dir.remove())]);
    await keyring?.stop();
  });

  const runner = createCheckRunner({
    run: (input, options) =>
      createCheckEngine({ resolveHost, caCertificates: () => [ready(ca, 'CA').caPem], localAddress: nextLoopbackAddress(), now: () => performance.now() }).run(input, options),
  });

  return {
    get keyring() {
      return ready(keyring, 'keyring');
    },
    get ca() {
      return ready(ca, 'CA');
    },
    get servers() {
      return ready(servers, 'servers');
    },
    runner,
    async openStore(prefix) {
      const dir = await makeTempDir(prefix);
      dirs.push(dir);
      return { dir: dir.path, settings: openConfSettingsStore(dir.path) };
    },
    service: (settings, extra = {}) =>
      createAccountsService({ runner, settings, secrets: createKeytarSecretStore(), providerHint: () => undefined, now: () => new Date(), ...extra }),
    async secretsOf(settings) {
      const storeId = settings.read().storeId;
      return (await ready(keyring, 'keyring').listSecrets()).filter((item) => storeId !== null && item.account.includes(`#${storeId}`));
    },
  };
}

/** A check run with its own id and no progress listener. */
export const testRun = (): CheckRun => ({ checkId: `test-${Math.random()}`, onProgress: () => {} });
