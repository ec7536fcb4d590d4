// A saved account as the hand-off writers see it: both servers' settings and where its secrets are, never a secret.
import type { Security } from '../../../shared/server-settings.ts';
import { keychainAccountName, keychainService } from '../secrets/secret-store.ts';
import type { StoredAccount } from '../accounts/settings-schema.ts';

/** One server: host (as saved; writers convert IDNs where their format needs ASCII), port, security, username. */
export interface HandoffServer {
  host: string;
  port: number;
  security: Security;
  username: string;
}

/** The keychain item a secret lives in: other programs look it up by these two attributes. */
export interface KeychainItem {
  service: string;
  account: string;
}

/** The input of every writer. */
export interface HandoffAccount {
  email: string;
  displayName: string;
  protocol: 'imap' | 'pop3';
  authKind: 'password' | 'oauth2';
  incoming: HandoffServer;
  /** Null when no outgoing server is saved. */
  outgoing: HandoffServer | null;
  /** The incoming secret's item (the password, or the OAuth2 refresh token). */
  incomingSecret: KeychainItem;
  /** The outgoing password's item: the incoming one when the password is shared. */
  outgoingSecret: KeychainItem;
}

/** The protocol of a stored account; accounts saved before POP3 existed are IMAP. */
function protocolOf(account: StoredAccount): 'imap' | 'pop3' {
  return 'protocol' in account && account.protocol === 'pop3' ? 'pop3' : 'imap';
}

/** Builds a writer's input from the settings file's record and the file's store id. */
export function toHandoffAccount(account: StoredAccount, storeId: string): HandoffAccount {
  const item = (role: 'incoming' | 'outgoing'): KeychainItem => ({ service: keychainService, account: keychainAccountName(storeId, account.email, role) });
  const outgoing = account.outgoing;
  return {
    email: account.email,
    displayName: account.displayName,
    protocol: protocolOf(account),
    authKind: account.authKind,
    incoming: { host: account.host, port: account.port, security: account.security, username: account.username },
    outgoing: outgoing === null ? null : { host: outgoing.host, port: outgoing.port, security: outgoing.security, username: outgoing.username },
    incomingSecret: item('incoming'),
    outgoingSecret: outgoing === null || outgoing.sharedPassword ? item('incoming') : item('outgoing'),
  };
}
