// What a check means for both servers of a saved account: each server's outcome, the certificates to pin, and the outgoing check input.
import type { TrustedCertificate } from '../../../shared/account-summary.ts';
import type { CheckReport } from '../../../shared/check-report.ts';
import type { FailureCategory } from '../../../shared/failure-category.ts';
import type { OutgoingSettings } from '../../../shared/server-settings.ts';
import type { Credential, OutgoingCheckInput } from '../check/check-input.ts';
import type { StoredAccount, StoredOutgoing } from './settings-schema.ts';
import { pinFromReport, trustedFingerprintAt, withPin } from './trusted-certificates.ts';

/** Each server's failure in a report: null passed; `undefined` for outgoing means it was not tested. */
export function failuresOf(report: CheckReport): { incoming: FailureCategory | null; outgoing: FailureCategory | null | undefined } {
  const outgoing = report.outgoing === undefined || report.outgoing === null ? undefined : (report.outgoing.failure?.category ?? null);
  const top = report.failure;
  let incoming: FailureCategory | null = null;
  if (top !== null && top.server !== 'outgoing') incoming = top.category;
  // The top-level failure is the outgoing one; the incoming steps tell whether incoming failed too.
  else if (top !== null && report.steps.some((step) => step.status === 'failed')) incoming = 'protocol-error';
  return { incoming, outgoing };
}

/**
 * Whether a report lets a new account be saved when the user asks to: both servers passed, or the
 * incoming one did and the outgoing one only refused for now (a 4xx such as a relay that is
 * down): that server's settings are kept, recorded as failing with `server-unavailable`.
 */
export function savable(report: CheckReport): boolean {
  if (report.ok) return true;
  const failures = failuresOf(report);
  return failures.incoming === null && failures.outgoing === 'server-unavailable';
}

/** The account with this check recorded for both servers (an outgoing server not tested keeps its last outcome). */
export function withOutcome(account: StoredAccount, report: CheckReport, checkedAt: Date): StoredAccount {
  const failures = failuresOf(report);
  const at = checkedAt.toISOString();
  // A test message that is only late was accepted by the outgoing server: the server works.
  const outgoingFailure = failures.outgoing === 'delivery-delayed' ? null : failures.outgoing;
  const outgoing =
    account.outgoing === null || outgoingFailure === undefined
      ? account.outgoing
      : { ...account.outgoing, lastCheckedAt: at, lastFailureCategory: outgoingFailure };
  return { ...account, lastCheckedAt: at, lastFailureCategory: failures.incoming, outgoing };
}

/** The pins a passing check leads to, for the incoming and the outgoing server. */
export function withPinsFrom(account: StoredAccount, report: CheckReport, trustedAt: Date): StoredAccount {
  if (!savable(report)) return account;
  // The incoming server passed even where the outgoing one must be re-tested later.
  const withIncoming = withPin(account, pinFromReport({ ...report, ok: true }, trustedAt));
  const outgoing = report.outgoing;
  if (!report.ok || outgoing === undefined || outgoing === null) return withIncoming;
  return withPin(withIncoming, pinFromReport({ ...report, account: { ...outgoing.account, email: account.email }, tls: outgoing.tls }, trustedAt));
}

/** A new account's outgoing record: not yet checked as far as the file knows (the caller records the check). */
export function newOutgoing(settings: OutgoingSettings, sharedPassword: boolean): StoredOutgoing {
  return { ...settings, sharedPassword, lastCheckedAt: null, lastFailureCategory: null };
}

/** The outgoing half of a check of a saved (or new) account, with its pinned certificate if any. */
export function outgoingCheck(outgoing: OutgoingSettings, credential: Credential, pins: readonly TrustedCertificate[], trustCertificate?: string): OutgoingCheckInput {
  return {
    settings: { host: outgoing.host, port: outgoing.port, security: outgoing.security, username: outgoing.username },
    credential,
    trustedFingerprint: trustCertificate ?? trustedFingerprintAt(pins, outgoing),
  };
}
