// The export service's rules: the password only where asked and allowed, read from the keychain only then, clear errors for what a target cannot hold.
import { describe, expect, it } from 'vitest';
import type { StoredAccount, StoredOutgoing } from '../accounts/settings-schema.ts';
import { ServiceError } from '../service-error.ts';
import { createExportService } from './export-service.ts';
import type { KeychainItem } from './handoff-account.ts';
import { handoffAccount } from './test-support/saved-accounts.ts';

function service(account = handoffAccount(), secrets: Record<string, string> = {}) {
  const reads: string[] = [];
  const exports = createExportService({
    loadAccount: async (email) => {
      if (email !== account.email) throw new ServiceError('not-found', `No saved account ${email}.`);
      return account;
    },
    readSecret: async (item: KeychainItem) => {
      reads.push(item.account);
      return secrets[item.account] ?? null;
    },
    platform: 'linux',
    tokenCommand: (email) => `mail-setup token ${email}`,
    renderQrSvg: async (text) => `<svg data-text="${text.length}"/>`,
  });
  return { exports, reads };
}

const withSecrets = (changes: Partial<StoredAccount> = {}, outgoing: Partial<StoredOutgoing> = {}) => {
  const account = handoffAccount(changes, outgoing);
  return service(account, { [account.incomingSecret.account]: 'in-pw', [account.outgoingSecret.account]: account.outgoingSecret.account === account.incomingSecret.account ? 'in-pw' : 'out-pw' });
};

const email = 'user@domain.example';
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as ServiceError);

describe('the export service', () => {
  it('never touches the keychain unless the password is asked for', async () => {
    const { exports, reads } = withSecrets();
    for (const target of ['thunderbird-mobile', 'apple', 'msmtp', 'mbsync', 'aerc', 'neomutt', 'autoconfig'] as const) {
      const result = await exports.export({ email, target });
      expect(result.kind === 'gnome' ? true : result.containsPassword).toBe(false);
    }
    expect(reads).toEqual([]);
  });

  it('puts each server\'s own password into the QR code and the Apple profile when asked', async () => {
    const { exports, reads } = withSecrets({}, { sharedPassword: false });
    const qr = await exports.export({ email, target: 'thunderbird-mobile', includePassword: true });
    expect(qr).toMatchObject({ kind: 'qr', containsPassword: true, svg: expect.stringMatching(/^<svg/) });
    expect(qr.kind === 'qr' && qr.payload[2]).toEqual([0, 'imap.domain.example', 993, 3, 1, email, '', 'in-pw']);
    expect(reads).toEqual([`${email}#0123456789ab`, `${email}#0123456789ab#outgoing`]);
    const apple = await exports.export({ email, target: 'apple', includePassword: true });
    expect(apple.kind === 'text' && apple.text).toContain('<string>out-pw</string>');
  });

  it('refuses the password for a config that reads it from the keychain itself', async () => {
    const error = await failure(withSecrets().exports.export({ email, target: 'msmtp', includePassword: true }));
    expect(error).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/msmtp config never holds the password.*only for thunderbird-mobile and apple/) });
  });

  it('says when no password is saved, and that an OAuth2 account has none to include', async () => {
    expect(await failure(service().exports.export({ email, target: 'apple', includePassword: true }))).toMatchObject({ code: 'not-found', message: expect.stringMatching(/No password is saved in the keychain/) });
    const oauth = service(handoffAccount({ authKind: 'oauth2' }));
    expect(await failure(oauth.exports.export({ email, target: 'thunderbird-mobile', includePassword: true }))).toMatchObject({ message: expect.stringMatching(/signs in with OAuth2, so it has no password to include/) });
    expect(oauth.reads).toEqual([]);
  });

  it('passes on the writers\' refusals and an unknown account as they are', async () => {
    expect(await failure(service(handoffAccount({ email: 'jürgen@domain.example' })).exports.export({ email: 'jürgen@domain.example', target: 'thunderbird-mobile' }))).toMatchObject({ code: 'invalid-request' });
    expect(await failure(service(handoffAccount({ authKind: 'oauth2' })).exports.export({ email, target: 'apple' }))).toMatchObject({ code: 'invalid-request' });
    expect(await failure(service(handoffAccount({ protocol: 'pop3' } as never)).exports.export({ email, target: 'mbsync' }))).toMatchObject({ message: 'mbsync reads mail over IMAP only, and user@domain.example uses POP3.' });
    expect(await failure(service().exports.export({ email: 'other@domain.example', target: 'msmtp' }))).toMatchObject({ code: 'not-found' });
  });

  it('names the targets for an unknown one, and says when GNOME cannot be offered', async () => {
    expect(await failure(service().exports.export({ email, target: 'outlook' as never }))).toMatchObject({ message: 'Unknown target; the targets are: thunderbird-mobile, apple, gnome, msmtp, mbsync, aerc, neomutt, autoconfig.' });
    expect(await failure(service().exports.export({ email, target: 'gnome' }))).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/GNOME Online Accounts is not available/) });
  });
});
