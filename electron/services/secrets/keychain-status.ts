// Whether the OS keychain can keep passwords right now, asked once when the app starts.
import { ServiceError } from '../service-error.ts';
import type { SecretStore } from './secret-store.ts';

/** The answer the renderer shows before anything is typed. */
export interface KeychainStatus {
  available: boolean;
  /** Why not, in the keychain adapter's words (shown behind "Technical details"); empty when available. */
  detail: string;
}

/**
 * Runs the keychain check (a private probe item, which also proves a locked keychain can be
 * unlocked), so that a missing, locked or refusing keychain is known at start, not at Save after a test.
 */
export async function keychainStatus(secrets: SecretStore): Promise<KeychainStatus> {
  try {
    await secrets.check();
    return { available: true, detail: '' };
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'keychain-unavailable') return { available: false, detail: error.message };
    throw error;
  }
}
