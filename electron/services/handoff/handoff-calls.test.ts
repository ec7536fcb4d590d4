// The IPC rules of "Use in other apps" over the real export service and writers: what reaches the renderer, what is remembered.
import { describe, expect, it } from 'vitest';
import type { HandoffCopy } from '../../../shared/handoff-view.ts';
import { ServiceError } from '../service-error.ts';
import { createExportService } from './export-service.ts';
import type { HandoffAccount } from './handoff-account.ts';
import { createHandoffCalls, updateCopies, type HandoffDeps } from './handoff-calls.ts';
import { qrSvg } from './qr-image.ts';

const password = 'sécret "pw"';
const account: HandoffAccount = {
  email: 'alice@example.test',
  displayName: 'Alice',
  protocol: 'imap',
  authKind: 'password',
  incoming: { host: 'imap.example.test', port: 993, security: 'tls', username: 'alice@example.test' },
  outgoing: { host: 'smtp.example.test', port: 587, security: 'starttls', username: 'alice@example.test' },
  incomingSecret: { service: 'mail-setup', account: 'alice@example.test#0123456789ab' },
  outgoingSecret: { service: 'mail-setup', account: 'alice@example.test#0123456789ab' },
};
const noop = () => undefined;

function setUp(gnome: 'works' | 'refuses', saveFile?: HandoffDeps['saveFile']) {
  const remembered: [string, HandoffCopy][] = [];
  const exports = createExportService({
    loadAccount: async (email) => {
      if (email !== account.email) throw new ServiceError('not-found', `No saved account ${email}.`);
      return account;
    },
    readSecret: async () => password,
    platform: 'linux',
    tokenCommand: (email) => `mail-setup token ${email}`,
    renderQrSvg: qrSvg,
    gnome: async (_account, secrets) => {
      await secrets();
      if (gnome === 'refuses') throw new ServiceError('internal', 'GNOME Online Accounts could not keep the password.');
      const registration = { email: account.email, accountId: 'account_1', objectPath: '/org/gnome/OnlineAccounts/Accounts/account_1', updated: false, imapHost: 'imap.example.test:993', imapUserName: 'alice@example.test', smtpHost: null, smtpUserName: null, passwordsVerified: true as const };
      return { kind: 'gnome', target: 'gnome', registration, notes: [] };
    },
  });
  const deps: HandoffDeps = { exports, gnomeAvailable: async () => gnome === 'works', removeGnomeCopy: async () => true, saveFile };
  const calls = createHandoffCalls(deps, { rememberCopy: async (email, copy) => void remembered.push([email, copy]) });
  return { calls, deps, remembered };
}

describe('hand-off calls', () => {
  it('offers GNOME only where it is available, and says whether files go through a save dialog', async () => {
    expect(await setUp('works').calls.listHandoffTargets({}, noop)).toEqual({
      targets: ['thunderbird-mobile', 'apple', 'gnome', 'msmtp', 'mbsync', 'aerc', 'neomutt', 'autoconfig'],
      saveDialog: false,
    });
    const withoutGnome = await setUp('refuses', async () => true).calls.listHandoffTargets({}, noop);
    expect(withoutGnome.targets).not.toContain('gnome');
    expect(withoutGnome.saveDialog).toBe(true);
  });

  it('sends the QR code as an image only, so the password in a ticked code never reaches the renderer as text', async () => {
    const { calls, remembered } = setUp('works');
    const view = await calls.exportAccount({ email: account.email, target: 'thunderbird-mobile', includePassword: true }, noop);
    expect(view).toMatchObject({ kind: 'qr', containsPassword: true, imageDataUrl: expect.stringMatching(/^data:image\/svg\+xml;base64,/) });
    expect(Object.keys(view).sort()).toEqual(['containsPassword', 'imageDataUrl', 'kind', 'target']);
    expect(remembered).toEqual([[account.email, 'thunderbird-mobile']]);
  });

  it('refuses the password in any file, and remembers no copy for configs that read the keychain', async () => {
    const { calls, remembered } = setUp('works');
    await expect(calls.exportAccount({ email: account.email, target: 'apple', includePassword: true }, noop)).rejects.toMatchObject({ code: 'invalid-request' });
    const msmtp = await calls.exportAccount({ email: account.email, target: 'msmtp', includePassword: false }, noop);
    expect(msmtp).toMatchObject({ kind: 'text', target: 'msmtp' });
    expect(JSON.stringify(msmtp)).not.toContain('sécret');
    expect(remembered).toEqual([]);
  });

  it('saves a file only where there is a save dialog, and never with the password', async () => {
    const saved: string[] = [];
    const { calls } = setUp('works', async (fileName, contents) => {
      saved.push(fileName, contents);
      return true;
    });
    expect(await calls.saveHandoffFile({ email: account.email, target: 'apple' }, noop)).toEqual({ saved: true });
    expect(saved[0]).toMatch(/\.mobileconfig$/);
    expect(saved[1]).not.toContain('sécret');
    await expect(setUp('works').calls.saveHandoffFile({ email: account.email, target: 'msmtp' }, noop)).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('after a new password: GNOME\'s copy updated or its failure said, the phone and Apple Mail named as out of reach', async () => {
    expect(await updateCopies(setUp('works').deps.exports, account.email, ['gnome', 'thunderbird-mobile', 'apple'])).toEqual({ updated: ['gnome'], failed: [], unreachable: ['thunderbird-mobile', 'apple'] });
    expect(await updateCopies(setUp('refuses').deps.exports, account.email, ['gnome'])).toEqual({
      updated: [],
      failed: [{ copy: 'gnome', message: 'GNOME Online Accounts could not keep the password.' }],
      unreachable: [],
    });
  });
});
