// The sign-in answers of real providers map to the category that tells the user what to do.
import { describe, expect, it } from 'vitest';
import { authResponsePatterns } from '../../../shared/auth-response-patterns.ts';
import { failureCategories } from '../../../shared/failure-category.ts';
import { failureMessages } from '../../../shared/messages/failure-messages.ts';
import { buildFailure } from './build-failure.ts';
import type { CheckInput } from './check-input.ts';
import { classifyAuthResponse } from './classify-auth-response.ts';

// Tagged answers as the providers send them (after the tag); sources in shared/auth-response-patterns.ts.
const providerAnswers: readonly [string, string, string][] = [
  ['Gmail, normal password with 2-step verification', 'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)', 'app-password-required'],
  ['Gmail, wrong password', 'NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)', 'wrong-credentials'],
  ['Gmail, sign-in blocked', 'NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)', 'account-blocked'],
  ['Gmail, web login required', 'NO [WEBALERT https://accounts.google.com/signin/continue?sarp=1] Web login required.', 'account-blocked'],
  ['Gmail, IMAP off', 'NO [ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access. (Failure)', 'account-blocked'],
  ['Gmail, too many connections', 'NO [ALERT] Too many simultaneous connections. (Failure)', 'server-unavailable'],
  ['Yahoo, LOGIN', 'NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials', 'wrong-credentials'],
  ['Yahoo, AUTHENTICATE', 'NO [AUTHENTICATIONFAILED] AUTHENTICATE Invalid credentials', 'wrong-credentials'],
  ['Yahoo, older gateway', 'NO [AUTHENTICATIONFAILED] (#MBR1212) Incorrect username or password.', 'wrong-credentials'],
  ['iCloud, wrong or non-app password', 'NO [AUTHENTICATIONFAILED] Authentication failed', 'wrong-credentials'],
  ['iCloud, overloaded', 'BAD [UNAVAILABLE] Service temporarily unavailable', 'server-unavailable'],
  ['Fastmail', 'NO Incorrect username or password.', 'wrong-credentials'],
  ['Microsoft, AUTHENTICATE', 'NO AUTHENTICATE failed.', 'wrong-credentials'],
  ['Microsoft, LOGIN', 'NO LOGIN failed.', 'wrong-credentials'],
  ['Microsoft, basic auth retired', 'NO Basic authentication is disabled.', 'oauth-required'],
  ['Microsoft SMTP wording', 'NO 5.7.139 Authentication unsuccessful, basic authentication is disabled.', 'oauth-required'],
  ['Yandex, app password', 'NO [AUTHENTICATIONFAILED] Please use application password', 'app-password-required'],
  ['Yandex, ambiguous', 'NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials or IMAP is disabled sc=ebI8JB0ug4Y1_290737_53p', 'wrong-credentials'],
  ['Mail.ru', 'NO [AUTHENTICATIONFAILED] Application password is REQUIRED', 'app-password-required'],
  ['Dovecot, wrong password', 'NO [AUTHENTICATIONFAILED] Authentication failed.', 'wrong-credentials'],
  ['Dovecot, nologin', 'NO [CONTACTADMIN] Login disabled for this user', 'account-blocked'],
  ['Dovecot, expired', 'NO [EXPIRED] Authentication failed.', 'password-expired'],
  ['Dovecot, temp_fail', 'NO [UNAVAILABLE] Temporary authentication failure. [host:2024-01-01 10:00:00]', 'server-unavailable'],
  ['Dovecot, authz_fail', 'NO [AUTHORIZATIONFAILED] Authorization failed', 'account-blocked'],
  ['Dovecot, plaintext refused', 'NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.', 'encryption-required'],
  ['a server that does not understand', 'BAD Error in IMAP command LOGIN: Invalid arguments.', 'protocol-error'],
  ['a bare NO', 'NO Login failed', 'wrong-credentials'],
];

describe('classifyAuthResponse', () => {
  it.each(providerAnswers)('%s → %s', (_who, answer, category) => {
    expect(classifyAuthResponse(answer)).toBe(category);
  });

  it('keeps every pattern traceable to a source', () => {
    for (const entry of authResponsePatterns) {
      expect(entry.source.length).toBeGreaterThan(10);
      expect(failureCategories).toContain(entry.category);
    }
  });
});

function input(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    settings: { email: 'ann@example.test', host: 'imap.example.test', port: 993, security: 'tls', username: 'ann@example.test' },
    credential: { kind: 'password', password: 'Secret-Passw0rd' },
    allowInsecure: false,
    timeoutMs: 15_000,
    ...overrides,
  };
}

describe('buildFailure', () => {
  it('has a message and advice for every category', () => {
    for (const category of failureCategories) {
      const failure = buildFailure({ category, detail: 'x' }, input());
      expect(failure.category).toBe(category);
      expect(failure.message.length).toBeGreaterThan(20);
      expect(failure.advice.length).toBeGreaterThan(20);
      expect(failure.message).not.toMatch(/\{\w+\}/);
      expect(failure.advice).not.toMatch(/\{\w+\}/);
    }
    expect(Object.keys(failureMessages).sort()).toEqual([...failureCategories].sort());
  });

  it('says that passwords are case-sensitive and to check Caps Lock', () => {
    const failure = buildFailure({ category: 'wrong-credentials', detail: 'refused', serverText: 'NO [AUTHENTICATIONFAILED] Authentication failed.' }, input());
    expect(failure.advice).toMatch(/case-sensitive/);
    expect(failure.advice).toMatch(/Caps Lock/);
    expect(failure.serverText).toBe('NO [AUTHENTICATIONFAILED] Authentication failed.');
    expect(failure.helpUrl).toBeUndefined();
  });

  it('names the app password and links its page where the provider requires one', () => {
    const provider = { name: 'Yahoo Mail', helpUrl: 'https://help.yahoo.com/kb/SLN15241.html', auth: 'app-password' as const };
    const failure = buildFailure({ category: 'wrong-credentials', detail: 'refused' }, input({ provider }));
    expect(failure.advice).toMatch(/Caps Lock/);
    expect(failure.advice).toMatch(/Yahoo Mail requires an app-specific password/);
    expect(failure.helpUrl).toBe(provider.helpUrl);
  });

  it('tells how to make an app password, linking the page the server named', () => {
    const serverText = 'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)';
    const failure = buildFailure({ category: 'app-password-required', detail: 'refused', serverText }, input());
    expect(failure.advice).toMatch(/create an app password/i);
    expect(failure.helpUrl).toBe('https://support.google.com/accounts/answer/185833');
    expect(failure.serverText).toBe(serverText);
  });

  it('fills in the host and port', () => {
    const failure = buildFailure({ category: 'connection-refused', detail: 'ECONNREFUSED' }, input());
    expect(failure.message).toContain('imap.example.test');
    expect(failure.message).toContain('993');
  });
});
