// The GNOME target against the real goa-daemon (D-Bus activated on a private bus with gnome-keyring) and real Dovecot settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USER, startDovecot, type Dovecot } from '../../../../e2e/fixtures/dovecot.ts';
import { goaMissingReason, startGoaSession, type GoaSession } from '../../../../e2e/fixtures/goa.ts';
import { startKeyring, type Keyring } from '../../../../e2e/fixtures/keyring.ts';
import { openSessionBus } from './goa-bus.ts';
import type { GoaAccountSource } from './goa-details.ts';
import { GnomeExportError } from './gnome-errors.ts';
import { gnomeAvailability, registerWithGnome, removeFromGnome, type GnomeDeps } from './gnome-target.ts';

const missing = goaMissingReason();
if (missing !== null) console.warn(`GNOME Online Accounts tests skipped: ${missing}`);

const onBus = (keyring: Keyring): GnomeDeps => ({ openBus: () => openSessionBus({ DBUS_SESSION_BUS_ADDRESS: keyring.env.DBUS_SESSION_BUS_ADDRESS }) });

function accountOn(dovecot: Dovecot, overrides: Partial<GoaAccountSource> = {}): GoaAccountSource {
  return {
    email: DEFAULT_USER.user,
    displayName: 'Alice Liddell',
    protocol: 'imap',
    authKind: 'password',
    incoming: { host: dovecot.host, port: dovecot.tlsPort, security: 'tls', username: DEFAULT_USER.user },
    outgoing: { host: dovecot.host, port: dovecot.submissionPort, security: 'starttls', username: DEFAULT_USER.user },
    ...overrides,
  };
}

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe.skipIf(missing !== null)('GNOME Online Accounts (real goa-daemon)', () => {
  let goa: GoaSession;
  let dovecot: Dovecot;
  let deps: GnomeDeps;
  const passwords = async () => ({ incoming: DEFAULT_USER.password, outgoing: DEFAULT_USER.password });

  beforeAll(async () => {
    [goa, dovecot] = await Promise.all([startGoaSession(), startDovecot()]);
    deps = onBus(goa.keyring);
  });
  afterAll(async () => {
    await Promise.all([goa?.stop(), dovecot?.stop()]);
  });

  it('is offered where goa-daemon can be activated and has the IMAP/SMTP provider', async () => {
    expect(await gnomeAvailability(deps)).toEqual({ available: true });
  });

  it('registers the account with host:port, one TLS flag each, Enabled, and both passwords in the keyring', async () => {
    const registered = await registerWithGnome(accountOn(dovecot), passwords, deps);
    expect(registered).toMatchObject({
      email: DEFAULT_USER.user,
      updated: false,
      imapHost: `127.0.0.1:${dovecot.tlsPort}`,
      smtpHost: `127.0.0.1:${dovecot.submissionPort}`,
      passwordsVerified: true,
    });
    const conf = await goa.accountsConf();
    expect(conf).toContain(`[Account ${registered.accountId}]`);
    expect(conf).toMatch(/^Provider=imap_smtp$/m);
    expect(conf).toMatch(/^Enabled=true$/m);
    expect(conf).toMatch(/^ImapUseSsl=true$/m);
    expect(conf).toMatch(/^ImapUseTls=false$/m);
    expect(conf).toMatch(/^SmtpUseSsl=false$/m);
    expect(conf).toMatch(/^SmtpUseTls=true$/m);
    // The password lives in GOA's keyring item, never in its settings file.
    expect(conf).not.toContain(DEFAULT_USER.password);
    const stored = await goa.storedCredentials(registered.accountId);
    expect(stored).toContain(`'imap-password': <'${DEFAULT_USER.password}'>`);
    expect(stored).toContain(`'smtp-password': <'${DEFAULT_USER.password}'>`);
    const objects = await goa.managedObjects();
    expect(objects).toContain(`'ImapHost': <'127.0.0.1:${dovecot.tlsPort}'>`);
    expect(objects).toContain(`'SmtpHost': <'127.0.0.1:${dovecot.submissionPort}'>`);
  });

  it('updates the existing GOA account for the address instead of adding a second one', async () => {
    const first = await registerWithGnome(accountOn(dovecot), passwords, deps);
    const samePlace = await registerWithGnome(accountOn(dovecot), async () => ({ incoming: 'a new password', outgoing: 'a new password' }), deps);
    expect(samePlace).toMatchObject({ updated: true, accountId: first.accountId });
    expect(await goa.storedCredentials(first.accountId)).toContain(`'imap-password': <'a new password'>`);

    const moved = await registerWithGnome(accountOn(dovecot, { incoming: { host: dovecot.host, port: dovecot.starttlsPort, security: 'starttls', username: DEFAULT_USER.user } }), passwords, deps);
    expect(moved).toMatchObject({ updated: true, imapHost: `127.0.0.1:${dovecot.starttlsPort}` });
    const conf = await goa.accountsConf();
    expect(conf.match(/^\[Account /gm)).toHaveLength(1);
    expect(conf).toMatch(/^ImapUseTls=true$/m);
  });

  it('refuses POP3, OAuth2 and unencrypted accounts with a plain reason and adds nothing', async () => {
    await removeFromGnome(DEFAULT_USER.user, deps);
    const cases: Partial<GoaAccountSource>[] = [
      { protocol: 'pop3' },
      { authKind: 'oauth2' },
      { incoming: { host: dovecot.host, port: dovecot.starttlsPort, security: 'none', username: DEFAULT_USER.user } },
    ];
    for (const overrides of cases) {
      const error = await rejection(registerWithGnome(accountOn(dovecot, overrides), passwords, deps));
      expect(error).toBeInstanceOf(GnomeExportError);
      expect(error).toMatchObject({ kind: 'cannot-express' });
    }
    expect((await rejection(registerWithGnome(accountOn(dovecot, { protocol: 'pop3' }), passwords, deps))) as Error).toHaveProperty('message', expect.stringContaining('POP3'));
    expect(await goa.accountsConf()).not.toMatch(/^\[Account /m);
  });

  it('removes its copy, and says when there is none', async () => {
    await registerWithGnome(accountOn(dovecot), passwords, deps);
    expect(await removeFromGnome(DEFAULT_USER.user, deps)).toBe(true);
    expect(await removeFromGnome(DEFAULT_USER.user, deps)).toBe(false);
    expect(await goa.accountsConf()).not.toMatch(/^\[Account /m);
  });

  it('reports a failure, and leaves no account behind, when GOA cannot keep the password (keyring gone)', async () => {
    await goa.keyring.stopDaemonOnly();
    const error = await rejection(registerWithGnome(accountOn(dovecot), passwords, deps));
    expect(error).toMatchObject({ kind: 'failed', message: expect.stringContaining('keyring') });
    expect(await goa.accountsConf()).not.toMatch(/^\[Account /m);
  });
});

describe('GNOME Online Accounts where it is absent', () => {
  let keyring: Keyring;
  beforeAll(async () => {
    keyring = await startKeyring();
  });
  afterAll(async () => {
    await keyring?.stop();
  });

  it('is not offered on a session bus without GOA, and says why', async () => {
    const availability = await gnomeAvailability(onBus(keyring));
    expect(availability).toEqual({ available: false, reason: expect.stringContaining('not installed or not running') });
    const error = await rejection(registerWithGnome({ ...accountOn({ host: '127.0.0.1', tlsPort: 993, submissionPort: 587 } as Dovecot) }, async () => ({ incoming: 'x', outgoing: 'x' }), onBus(keyring)));
    expect(error).toMatchObject({ kind: 'unavailable' });
  });

  it('is not offered without a session bus', async () => {
    const availability = await gnomeAvailability({ openBus: () => openSessionBus({}) });
    expect(availability).toEqual({ available: false, reason: expect.stringContaining('no session bus') });
  });
});
