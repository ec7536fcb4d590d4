// Certificates the user chose to trust: pinned from a passing check, used on re-tests, revocable.
import type { TrustedCertificate } from '../../../shared/account-summary.ts';
import type { CheckReport } from '../../../shared/check-report.ts';
import { normalizeFingerprint } from '../net/certificate-verdict.ts';
import type { StoredAccount } from './settings-schema.ts';

/**
 * The pin a passing check leads to: only when the certificate was accepted because the user
 * trusted it (a certificate that passes on its own needs no pin).
 */
export function pinFromReport(report: CheckReport, trustedAt: Date): TrustedCertificate | null {
  const pinned = report.tls?.pinned;
  if (!report.ok || pinned === undefined) return null;
  return {
    host: report.account.host,
    port: report.account.port,
    fingerprint256: normalizeFingerprint(pinned.fingerprint256),
    problem: pinned.problem,
    trustedAt: trustedAt.toISOString(),
  };
}

/** Whether a pin is for this host (any case) and port. */
function isPinFor(pin: TrustedCertificate, endpoint: { host: string; port: number }): boolean {
  return pin.host.toLowerCase() === endpoint.host.toLowerCase() && pin.port === endpoint.port;
}

/** The account with `pin` replacing any earlier pin for the same host and port. */
export function withPin(account: StoredAccount, pin: TrustedCertificate | null): StoredAccount {
  if (pin === null) return account;
  const others = account.trustedCertificates.filter((entry) => !isPinFor(entry, pin));
  return { ...account, trustedCertificates: [...others, pin] };
}

/** The fingerprint to accept for the account's own host and port on a re-test, if one is pinned. */
export function trustedFingerprintFor(account: StoredAccount): string | undefined {
  return trustedFingerprintAt(account.trustedCertificates, account);
}

/** The pinned fingerprint among `pins` for this host and port (the outgoing server's, say), if any. */
export function trustedFingerprintAt(pins: readonly TrustedCertificate[], endpoint: { host: string; port: number }): string | undefined {
  return pins.filter((pin) => isPinFor(pin, endpoint)).at(-1)?.fingerprint256;
}

/** The account without the pin of this fingerprint (any spelling: case, colons). */
export function withoutPin(account: StoredAccount, fingerprint256: string): StoredAccount {
  const wanted = normalizeFingerprint(fingerprint256);
  return { ...account, trustedCertificates: account.trustedCertificates.filter((pin) => normalizeFingerprint(pin.fingerprint256) !== wanted) };
}
