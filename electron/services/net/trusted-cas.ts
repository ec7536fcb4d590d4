// The certificate authorities a check trusts: Node's bundled roots, NODE_EXTRA_CA_CERTS and the system store.
import { getCACertificates } from 'node:tls';

let cached: readonly string[] | undefined;

/** Computed once per process: building this list is the costly part of a TLS context. */
export function trustedCertificateAuthorities(): readonly string[] {
  if (!cached) {
    // 'default' is Node's bundle plus NODE_EXTRA_CA_CERTS; 'system' adds the OS store, so that
    // enterprise CAs installed by an administrator are honoured without a pin.
    cached = [...new Set([...getCACertificates('default'), ...getCACertificates('system')])];
  }
  return cached;
}
