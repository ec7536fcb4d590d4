// Steps the outgoing-mail specs share: a Dovecot user of their own, and both servers filled in.
import type { Page } from '@playwright/test';
import type { Dovecot } from '../../fixtures/dovecot.ts';
import { enterEmail, fillOutgoing, fillSettings } from './wizard-steps.ts';

let serial = 0;
/** A user of its own for each test, since the worker's Dovecot outlives the test. */
export async function freshUser(dovecot: Dovecot, password = 'out going 1', domain = 'example.test'): Promise<{ user: string; password: string }> {
  serial += 1;
  const user = { user: `olga-${process.pid}-${serial}@${domain}`, password };
  await dovecot.addUser(user);
  return user;
}

/** Address, both servers (outgoing on the STARTTLS submission port unless told), and the password. */
export async function fillBoth(
  app: Page,
  dovecot: Dovecot,
  user: { user: string; password: string },
  outgoing: { port?: number; security?: 'SSL/TLS' | 'STARTTLS' } = {},
): Promise<void> {
  await enterEmail(app, user.user);
  await fillSettings(app, { host: 'localhost', port: dovecot.tlsPort, username: user.user });
  await fillOutgoing(app, { host: 'localhost', port: outgoing.port ?? dovecot.submissionPort, security: outgoing.security ?? 'STARTTLS', username: user.user });
  await app.getByLabel('Password', { exact: true }).fill(user.password);
}
