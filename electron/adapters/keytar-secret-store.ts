// The SecretStore on the OS keychain through keytar: the only module that imports keytar.
import type { MessageRef } from '../../shared/messages/failure-words.ts';
import { serviceWords, type serviceTexts } from '../../shared/messages/service-messages.ts';
import { ServiceError } from '../services/service-error.ts';
import { keychainService, type SecretStore } from '../services/secrets/secret-store.ts';
import type * as KeytarModule from 'keytar';

type Keytar = typeof KeytarModule;

/** Options for {@link createKeytarSecretStore}; the defaults suit the app and the CLI. */
export interface KeytarSecretStoreOptions {
  /** How long one keychain call may take before it is reported as not answering. */
  timeoutMs?: number;
  platform?: NodeJS.Platform;
}

// The probe item lives under its own service and a name of this process alone: a probe shared
// by processes was deleted by one while another read it (libsecret then crashes, or reports a
// refusal for a keychain that is fine).
const probeService = `${keychainService}-keychain-check`;
const probeAccount = `probe-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;

// libsecret misbehaves when one process calls it from several threads at once (keytar runs each
// call on a worker thread), so every keychain call of this process waits for the one before.
let keychainQueue: Promise<unknown> = Promise.resolve();
function serialized<T>(operation: () => Promise<T>): Promise<T> {
  const result = keychainQueue.then(operation);
  keychainQueue = result.catch(() => undefined);
  return result;
}

/** The first line of what was thrown, shortened: the part worth repeating to the user. */
function firstLineOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').trim().slice(0, 200);
}

/** Turns what keytar, libsecret or D-Bus threw into an error that says what to do. */
export function keychainError(error: unknown, timeoutMs: number): ServiceError {
  const text = firstLineOf(error);
  const make = (id: Exclude<keyof typeof serviceTexts.keychain, 'systemSaid'>, values: Record<string, string> = {}) => {
    const said: MessageRef[] = text === '' ? [] : [{ id: 'serviceTexts.keychain.systemSaid', values: { text } }];
    const { message, words } = serviceWords({ id: `serviceTexts.keychain.${id}`, values }, ...said);
    return new ServiceError('keychain-unavailable', message, words);
  };
  if (/Cannot autolaunch D-Bus|Could not connect|Failed to connect|Connection refused|No such file or directory|ServiceUnknown|not provided by any \.service files|Error spawning|Cannot spawn|Unable to autolaunch|NameHasNoOwner|Did not receive a reply/i.test(text)) {
    return make('missing');
  }
  if (/locked|Object does not exist at path|No such secret collection|prompt|dismissed/i.test(text)) return make('locked');
  if (/Timeout was reached|did not answer/i.test(text)) {
    return make('timeout', { seconds: String(Math.round(timeoutMs / 1000)) });
  }
  if (/cancel|not allowed|passphrase|authoriz|authentic|denied/i.test(text)) return make('denied');
  return make('refused');
}

/**
 * The keychain of this session (Keychain on macOS, Credential Manager on Windows, the Secret
 * Service on the D-Bus session bus in DBUS_SESSION_BUS_ADDRESS on Linux), under the service
 * `mail-setup`. keytar is imported on first use, so a missing native module is a
 * keychain-unavailable error like any other.
 */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const linux = (options.platform ?? process.platform) === 'linux';
  let loaded: Promise<Keytar> | undefined;

  const load = (): Promise<Keytar> =>
    (loaded ??= import('keytar').then(
      (module: Keytar & { default?: Keytar }) => module.default ?? module,
      (error: unknown) => {
        loaded = undefined;
        const { message, words } = serviceWords({ id: 'serviceTexts.keychain.moduleMissing', values: {} }, { id: 'serviceTexts.keychain.systemSaid', values: { text: firstLineOf(error) } });
        throw new ServiceError('keychain-unavailable', message, words);
      },
    ));

  async function call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    const keytar = await load();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('did not answer')), timeoutMs);
    });
    try {
      // The time limit covers the wait in the queue too; a call that never answers frees the queue when it times out.
      return await Promise.race([serialized(() => Promise.race([operation(keytar), timeout])), timeout]);
    } catch (error) {
      throw error instanceof ServiceError ? error : keychainError(error, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  // libsecret answers a lookup in a locked collection with "nothing there". Writing this
  // process's own probe item proves the collection is unlocked (and shows the unlock prompt
  // where a desktop can show one); elsewhere a lookup proves the keychain answers.
  async function assertUnlocked(): Promise<void> {
    if (!linux) {
      await call((keytar) => keytar.getPassword(probeService, probeAccount));
      return;
    }
    await call((keytar) => keytar.setPassword(probeService, probeAccount, 'probe'));
    await call((keytar) => keytar.deletePassword(probeService, probeAccount));
  }

  async function get(account: string): Promise<string | null> {
    const secret = await call((keytar) => keytar.getPassword(keychainService, account));
    if (secret === null) await assertUnlocked();
    return secret;
  }

  return {
    get,
    async set(account, secret) {
      await call((keytar) => keytar.setPassword(keychainService, account, secret));
    },
    async delete(account) {
      const deleted = await call((keytar) => keytar.deletePassword(keychainService, account));
      if (!deleted) await assertUnlocked();
      return deleted;
    },
    async has(account) {
      return (await get(account)) !== null;
    },
    check: assertUnlocked,
  };
}
