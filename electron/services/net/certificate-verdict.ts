// Decides whether a server's TLS certificate is acceptable: trusted chain and name, or pinned by the user.
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import type { CertificateInfo } from '../../../shared/check-report.ts';
import { bareHost } from '../../../shared/server-settings.ts';

export type CertificateProblem = 'certificate-untrusted' | 'certificate-expired' | 'certificate-hostname-mismatch';

/** The outcome for one presented certificate. */
export type CertificateVerdict =
  | { accepted: true; info: CertificateInfo; pinnedDespite?: CertificateProblem }
  | { accepted: false; info: CertificateInfo; category: CertificateProblem | 'certificate-changed'; reason: string };

const expiredCodes = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_EXPIRED']);

/** Uppercase hex with colons, the form Node and most tools print. */
export function normalizeFingerprint(value: string): string {
  const hex = value.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

function describeName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  const parts = [name.CN, name.O, name.C].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.join(', ');
}

/** The certificate as the report shows it. */
export function describeCertificate(cert: PeerCertificate): CertificateInfo {
  const altNames = (cert.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
    .filter((entry) => entry !== '');
  return {
    subject: describeName(cert.subject),
    issuer: describeName(cert.issuer),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    altNames,
    fingerprint256: cert.fingerprint256,
  };
}

// Node itself runs the name check when the chain is fine and reports a mismatch through
// `authorizationError` too, so that code must not be read as an untrusted chain.
const nameCodes = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_TLS_CERT_ALTNAME_FORMAT']);

function findProblem(socket: TLSSocket, host: string, cert: PeerCertificate): { category: CertificateProblem; reason: string } | null {
  const code = socket.authorized ? undefined : String(socket.authorizationError ?? 'UNKNOWN');
  if (code !== undefined && !nameCodes.has(code)) {
    return { category: expiredCodes.has(code) ? 'certificate-expired' : 'certificate-untrusted', reason: code };
  }
  const name = bareHost(host);
  const identityError = checkServerIdentity(isIP(name) ? name : name.toLowerCase(), cert);
  if (identityError) return { category: 'certificate-hostname-mismatch', reason: identityError.message };
  return code === undefined ? null : { category: 'certificate-hostname-mismatch', reason: code };
}

/**
 * Judges the certificate on a finished handshake. A certificate with a problem is accepted only
 * when its SHA-256 fingerprint equals the one pinned for this host and port; a pinned host that
 * presents another problematic certificate is reported as changed, never silently accepted.
 */
export function judgeCertificate(socket: TLSSocket, host: string, pinned: string | undefined): CertificateVerdict {
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.fingerprint256) {
    return { accepted: false, info: emptyInfo(), category: 'certificate-untrusted', reason: 'no certificate' };
  }
  const info = describeCertificate(cert);
  const problem = findProblem(socket, host, cert);
  if (!problem) return { accepted: true, info };
  if (pinned === undefined) return { accepted: false, info, ...problem };
  if (normalizeFingerprint(pinned) === normalizeFingerprint(cert.fingerprint256)) {
    return { accepted: true, info, pinnedDespite: problem.category };
  }
  return { accepted: false, info, category: 'certificate-changed', reason: problem.reason };
}

function emptyInfo(): CertificateInfo {
  return { subject: '', issuer: '', validTo: '', fingerprint256: '' };
}
