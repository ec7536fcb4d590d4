// Unit tests of the offer of a saved account's servers for another address at its domain.
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../shared/account-summary.ts';
import { formsFrom, sameDomainAccount } from './same-domain-offer.tsx';

const saved: AccountSummary = {
  email: 'ann@hidden.test',
  displayName: '',
  host: 'mail.hidden.test',
  port: 993,
  security: 'tls',
  username: 'ann',
  protocol: 'imap',
  authKind: 'password',
  allowInsecure: false,
  hasPassword: true,
  status: 'ok',
  lastCheckedAt: null,
  lastFailureCategory: null,
  trustedCertificates: [],
  outgoing: { host: 'smtp.hidden.test', port: 587, security: 'starttls', username: 'ann@hidden.test', sharedPassword: true, hasPassword: true, status: 'ok', lastFailureCategory: null },
};

describe('sameDomainAccount', () => {
  it('finds another address at the same domain, whatever the case, and not the address itself', () => {
    expect(sameDomainAccount('bob@Hidden.TEST', [saved])).toBe(saved);
    expect(sameDomainAccount('ann@hidden.test', [saved])).toBeUndefined();
    expect(sameDomainAccount('bob@other.test', [saved])).toBeUndefined();
    // The wizard's incoming form is IMAP: a POP3 account's server is not offered for it.
    expect(sameDomainAccount('bob@hidden.test', [{ ...saved, protocol: 'pop3' }])).toBeUndefined();
  });
});

describe('formsFrom', () => {
  it('takes both servers and turns the saved username into the new address’s, in the same form', () => {
    expect(formsFrom(saved, 'bob@hidden.test')).toEqual({
      form: { protocol: 'imap', host: 'mail.hidden.test', port: '993', security: 'tls', username: 'bob', allowInsecure: false },
      outgoing: { host: 'smtp.hidden.test', port: '587', security: 'starttls', username: 'bob@hidden.test' },
    });
    expect(formsFrom({ ...saved, outgoing: null }, 'bob@hidden.test').outgoing).toBeNull();
  });
});
