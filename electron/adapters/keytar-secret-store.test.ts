// Tests the keytar SecretStore against a real gnome-keyring: round trip, locked keyring, stopped daemon.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyring, type Keyring } from '../../e2e/fixtures/keyring.ts';
import { ServiceError } from '../services/service-error.ts';
import { createKeytarSecretStore, keychainError } from './keytar-secret-store.ts';

let keyring: Keyring;

beforeAll(async () => {
  keyring = await startKeyring();
  // keytar (libsecret) connects to this bus at its first call, so it must be set before any.
  process.env['DBUS_SESSION_BUS_ADDRESS'] = keyring.env.DBUS_SESSION_BUS_ADDRESS;
});

afterAll(async () => {
  await keyring?.stop();
});

async function lockLoginKeyring(): Promise<void> {
  await promisify(execFile)(
    'gdbus',
    [
      'call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets',
      '--method', 'org.freedesktop.Secret.Service.Lock', "['/org/freedesktop/secrets/collection/login']",
    ],
    { env: { ...process.env, ...keyring.env } },
  );
}

async function keychainFailure(operation: Promise<unknown>): Promise<ServiceError> {
  const error = await operation.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).code).toBe('keychain-unavailable');
  return error as ServiceError;
}

describe('keytar secret store on gnome-keyring', () => {
  const store = createKeytarSecretStore({ timeoutMs: 10_000 });

  it('stores, reads and deletes under the service mail-setup, leaving no probe item', async () => {
    await store.check();
    await store.set('alice@example.test#0123456789ab', 'pä ss"wörd');
    expect(await store.get('alice@example.test#0123456789ab')).toBe('pä ss"wörd');
    expect(await store.get('nobody@example.test#0123456789ab')).toBeNull();
    expect(await store.has('alice@example.test#0123456789ab')).toBe(true);
    expect(await store.has('nobody@example.test#0123456789ab')).toBe(false);
    expect(await keyring.listSecrets('mail-setup-keychain-check')).toEqual([]);
    const seen = await keyring.listSecrets();
    expect(seen.map((item) => [item.account, item.secret])).toEqual([['alice@example.test#0123456789ab', 'pä ss"wörd']]);

    await store.set('alice@example.test#0123456789ab', 'second');
    expect((await keyring.listSecrets()).map((item) => item.secret)).toEqual(['second']);
    expect(await store.delete('alice@example.test#0123456789ab')).toBe(true);
    expect(await store.delete('alice@example.test#0123456789ab')).toBe(false);
    expect(await keyring.listSecrets()).toEqual([]);
  });

  it('answers many calls from one process at once (the app re-testing all accounts), each correctly', async () => {
    const names = Array.from({ length: 24 }, (_, index) => `c${index}@example.test#0123456789ab`);
    await Promise.all(names.map((name) => store.set(name, `pw of ${name}`)));
    const [secrets, present] = await Promise.all([
      Promise.all(names.map((name) => store.get(name))),
      Promise.all(names.map((name) => store.has(name))),
      Promise.all(names.map(() => store.check())),
    ]);
    expect(secrets).toEqual(names.map((name) => `pw of ${name}`));
    expect(present.every(Boolean)).toBe(true);
    expect(await Promise.all(names.map((name) => store.delete(name)))).toEqual(names.map(() => true));
    expect(await keyring.listSecrets()).toEqual([]);
    expect(await keyring.listSecrets('mail-setup-keychain-check')).toEqual([]);
  });

  it('reports a locked keyring instead of "no password"', async () => {
    await store.set('locked@example.test#0123456789ab', 'kept');
    await lockLoginKeyring();
    // libsecret would answer "nothing there" and keytar's findCredentials would crash the process.
    const onGet = await keychainFailure(store.get('locked@example.test#0123456789ab'));
    expect(onGet.message).toMatch(/locked/);
    expect(onGet.message).toMatch(/Unlock/);
    await keychainFailure(store.has('locked@example.test#0123456789ab'));
    await keychainFailure(store.check());
    await keychainFailure(store.set('new@example.test#0123456789ab', 'x'));
    await keychainFailure(store.delete('locked@example.test#0123456789ab'));
  });

  it('reports a stopped keyring daemon as missing, with what to do', async () => {
    await keyring.stopDaemonOnly();
    const operations = [() => store.get('a#0123456789ab'), () => store.set('a#0123456789ab', 'x'), () => store.has('a#0123456789ab'), () => store.check(), () => store.delete('a#0123456789ab')];
    for (const operation of operations) {
      const error = await keychainFailure(operation());
      expect(error.message).toMatch(/No system keychain is running/);
      expect(error.message).toMatch(/gnome-keyring-daemon/);
    }
  });
});

describe('keychain error messages', () => {
  const cases: [string, RegExp][] = [
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', /No system keychain is running/],
    ['Could not connect: No such file or directory', /No system keychain is running/],
    ['The name org.freedesktop.secrets was not provided by any .service files', /No system keychain is running/],
    ['Cannot create an item in a locked collection', /locked/],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', /locked/],
    ['Timeout was reached', /did not answer within 5 s/],
    ['User canceled the operation.', /refused access/],
    ['Something else entirely', /never in a file/],
  ];
  it.each(cases)('%s', (text, expected) => {
    const error = keychainError(new Error(text), 5_000);
    expect(error.code).toBe('keychain-unavailable');
    expect(error.message).toMatch(expected);
    expect(error.message).toContain(`(The system said: ${text})`);
  });
});
