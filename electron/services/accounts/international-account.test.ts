// Saving an account whose address has "ü" before the @ (and an IDN domain), against Gmail-like scripted
// servers that announce UTF8=ACCEPT and SMTPUTF8, with the real keyring and settings files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmailScript, startScriptedPeer, type ScriptedPeer } from '../../../e2e/fixtures/scripted-imap-peer.ts';
import { gmailSmtpExtensions, startSmtpPeer, type SmtpPeer } from '../../../e2e/fixtures/scripted-smtp-peer.ts';
import { startKeyring, type Keyring } from '../../../e2e/fixtures/keyring.ts';
import { makeTempDir, type TempDir } from '../../../e2e/fixtures/temp-dir.ts';
import { getTestCa, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { openConfSettingsStore } from '../../adapters/conf-settings-store.ts';
import { createKeytarSecretStore } from '../../adapters/keytar-secret-store.ts';
import { createCheckRunner } from '../check/check-runner.ts';
import { createCheckEngine } from '../check/run-check.ts';
import type { CheckRun } from './accounts-service.types.ts';
import { createAccountsService } from './create-accounts-service.ts';

// The address as servers know it (ASCII domain) and as the user types it (Unicode domain).
const stored = 'jürgen@xn--bcher-kva.example';
const typed = 'jürgen@Bücher.example';
const password = 'jürgens pässwort';

let keyring: Keyring;
let ca: TestCa;
let imap: ScriptedPeer;
let smtp: SmtpPeer;
let dir: TempDir;

beforeAll(async () => {
  keyring = await startKeyring();
  // keytar binds to the session bus at its first call.
  process.env['DBUS_SESSION_BUS_ADDRESS'] = keyring.env.DBUS_SESSION_BUS_ADDRESS;
  ca = await getTestCa();
  [imap, smtp, dir] = await Promise.all([
    startScriptedPeer({ script: gmailScript(stored, password), tls: ca.trusted }),
    startSmtpPeer({ behaviour: { extensions: gmailSmtpExtensions }, tls: ca.trusted }),
    makeTempDir('mail-setup-accounts'),
  ]);
});

afterAll(async () => {
  await Promise.all([imap?.stop(), smtp?.stop(), dir?.remove()]);
  await keyring?.stop();
});

const run = (): CheckRun => ({ checkId: `test-${Math.random()}`, onProgress: () => {} });

describe('an account named jürgen@bücher.example', () => {
  it('is saved after both servers pass, named in one form whichever was typed, and re-tested from the keychain', async () => {
    const runner = createCheckRunner({ run: (input, options) => createCheckEngine({ resolveHost: async () => ['127.0.0.1'], caCertificates: () => [ca.caPem], now: () => performance.now() }).run(input, options) });
    const service = createAccountsService({ runner, settings: openConfSettingsStore(dir.path), secrets: createKeytarSecretStore(), providerHint: () => undefined, now: () => new Date() });
    const request = (email: string) => ({
      settings: { email, host: 'localhost', port: imap.port, security: 'tls' as const, username: stored },
      outgoing: { host: 'localhost', port: smtp.port, security: 'tls' as const, username: stored },
      displayName: 'Jürgen',
      password,
      allowInsecure: false,
    });

    const added = await service.add(request(typed), run());
    expect(added.report?.failure ?? null).toBeNull();
    expect(added.account).toMatchObject({ hasPassword: true, status: 'ok' });
    expect(imap.received.some((line) => / ENABLE UTF8=ACCEPT$/.test(line))).toBe(true);
    expect(smtp.received).toContain(`MAIL FROM:<${stored}> SMTPUTF8`);

    // Typed again with the punycode domain, it is the same account.
    expect((await service.add(request(stored), run())).duplicateOf).toBe(added.account?.email);
    expect(await service.list()).toHaveLength(1);

    const email = added.account?.email ?? '';
    const retest = await service.retest(email, run());
    expect(retest.report?.ok).toBe(true);
    expect((await keyring.listSecrets()).map((item) => item.secret)).toContain(password);
  });
});
