// A pinned certificate belongs to one host and port: it never applies to another port or host.
import { describe, expect, it } from 'vitest';
import type { StoredAccount } from './settings-schema.ts';
import { trustedFingerprintFor, withoutPin, withPin } from './trusted-certificates.ts';

const fingerprint = (byte: string) => Array.from({ length: 32 }, () => byte).join(':');

const account: StoredAccount = {
  email: 'alice@example.test',
  displayName: '',
  host: 'mail.example.test',
  port: 993,
  security: 'tls',
  username: 'alice@example.test',
  protocol: 'imap',
  authKind: 'password',
  allowInsecure: false,
  lastCheckedAt: null,
  lastFailureCategory: null,
  trustedCertificates: [],
  outgoing: null,
};

const pin = (host: string, port: number, byte: string) => ({
  host,
  port,
  fingerprint256: fingerprint(byte),
  problem: 'certificate-untrusted',
  trustedAt: '2026-11-25T00:00:00.000Z',
});

describe('trusted certificates', () => {
  it('uses a pin only for the account’s own host and port', () => {
    const pinnedElsewhere = withPin(withPin(account, pin('mail.example.test', 143, 'AA')), pin('other.example.test', 993, 'BB'));
    expect(trustedFingerprintFor(pinnedElsewhere)).toBeUndefined();
    const pinnedHere = withPin(pinnedElsewhere, pin('MAIL.example.test', 993, 'CC'));
    expect(trustedFingerprintFor(pinnedHere)).toBe(fingerprint('CC'));
  });

  it('replaces the earlier pin for the same host and port, and revokes by fingerprint in any spelling', () => {
    const replaced = withPin(withPin(account, pin('mail.example.test', 993, 'AA')), pin('mail.example.test', 993, 'DD'));
    expect(replaced.trustedCertificates).toHaveLength(1);
    expect(trustedFingerprintFor(replaced)).toBe(fingerprint('DD'));
    const revoked = withoutPin(replaced, fingerprint('dd').replace(/:/g, ''));
    expect(revoked.trustedCertificates).toHaveLength(0);
    expect(trustedFingerprintFor(revoked)).toBeUndefined();
  });
});
