// The check trusts Node's bundled roots, NODE_EXTRA_CA_CERTS and the operating system's store together.
import { getCACertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { trustedCertificateAuthorities } from './trusted-cas.ts';

describe('trustedCertificateAuthorities', () => {
  it('holds the bundled, the extra and the system certificates, each once', () => {
    const trusted = trustedCertificateAuthorities();
    const set = new Set(trusted);
    expect(set.size).toBe(trusted.length);
    for (const certificate of [...getCACertificates('bundled'), ...getCACertificates('extra'), ...getCACertificates('system')]) {
      expect(set.has(certificate)).toBe(true);
    }
  });
});
