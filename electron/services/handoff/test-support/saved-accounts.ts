// Builds saved accounts for the hand-off tests: a settings record and the writers' input.
import type { StoredAccount, StoredOutgoing } from '../../accounts/settings-schema.ts';
import { toHandoffAccount, type HandoffAccount } from '../handoff-account.ts';

/** The store id every test account's keychain name carries. */
export const testStoreId = '0123456789ab';

/** A saved password account (IMAPS and submissions on the usual ports), with `changes` applied. */
export function storedAccount(changes: Partial<StoredAccount> = {}, outgoing: Partial<StoredOutgoing> | null = {}): StoredAccount {
  return {
    email: 'user@domain.example',
    displayName: 'Jane Doe',
    host: 'imap.domain.example',
    port: 993,
    security: 'tls',
    username: 'user@domain.example',
    protocol: 'imap',
    authKind: 'password',
    allowInsecure: false,
    lastCheckedAt: '2026-01-01T00:00:00.000Z',
    lastFailureCategory: null,
    trustedCertificates: [],
    outgoing:
      outgoing === null
        ? null
        : { host: 'smtp.domain.example', port: 465, security: 'tls', username: 'user@domain.example', sharedPassword: true, lastCheckedAt: null, lastFailureCategory: null, ...outgoing },
    ...changes,
  };
}

/** The writers' input for {@link storedAccount}. */
export function handoffAccount(changes: Partial<StoredAccount> = {}, outgoing: Partial<StoredOutgoing> | null = {}): HandoffAccount {
  return toHandoffAccount(storedAccount(changes, outgoing), testStoreId);
}
