// The shell command that prints a saved secret from the OS keychain, for configs that run it (msmtp passwordeval, mbsync PassCmd…).
import type { KeychainItem } from './handoff-account.ts';

/** The operating systems whose keychain a command can read. */
export type KeychainPlatform = 'linux' | 'darwin';

/** One word for `sh`: single-quoted unless it is plainly safe. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line (for `sh -c`) printing the secret of one item: libsecret's `secret-tool`
 * matches keytar's item by its `service` and `account` attributes; macOS `security` finds the
 * generic password keytar wrote (the first use shows an access prompt naming Mail Setup's item).
 */
export function keychainLookupCommand(item: KeychainItem, platform: KeychainPlatform): string {
  const words =
    platform === 'darwin'
      ? ['security', 'find-generic-password', '-s', item.service, '-a', item.account, '-w']
      : ['secret-tool', 'lookup', 'service', item.service, 'account', item.account];
  return words.map(shellWord).join(' ');
}
