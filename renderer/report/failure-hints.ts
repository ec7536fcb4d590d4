// Facts a failure panel can add from the report: a port that speaks the other security mode, the names a certificate is for.
import type { CertificateInfo, CheckedOutgoing, Failure, StepId } from '../../shared/check-report.ts';
import type { Security } from '../../shared/server-settings.ts';
import { messages } from '../messages/en.ts';

// The ports whose security mode is fixed by convention: incoming IMAP and outgoing submission.
const implicitTlsPorts = new Set([993, 465]);
const starttlsPorts = new Set([143, 587]);
// Failures that a security mode wrong for the port produces: silence, a failed handshake, a hang-up, garbage.
const mismatchSymptoms = new Set<Failure['category']>(['timeout', 'tls-handshake-failed', 'connection-lost', 'protocol-error', 'not-imap', 'not-smtp', 'not-pop3']);

/**
 * The mode the port expects when the one chosen is the other: STARTTLS on 993, or on any port
 * that the check found answering a TLS hello while it sent no greeting (an SSL/TLS port waits
 * for the client to start TLS).
 */
export function likelySecurityMismatch(
  failure: Failure,
  checked: Pick<CheckedOutgoing, 'port' | 'security'> | undefined,
  failedStep?: StepId | undefined,
): { port: number; expected: 'tls' | 'starttls'; chosen: Security } | undefined {
  if (!checked || !mismatchSymptoms.has(failure.category)) return undefined;
  const silentAfterConnect = failure.category === 'tls-handshake-failed' && failedStep === 'greeting';
  if (checked.security !== 'tls' && (implicitTlsPorts.has(checked.port) || silentAfterConnect)) return { port: checked.port, expected: 'tls', chosen: checked.security };
  if (starttlsPorts.has(checked.port) && checked.security === 'tls') return { port: checked.port, expected: 'starttls', chosen: checked.security };
  return undefined;
}

/** The server names a certificate is for: its alternative names, else the common name of its subject. */
export function certificateNames(certificate: CertificateInfo): string[] {
  if (certificate.altNames && certificate.altNames.length > 0) return [...certificate.altNames];
  const commonName = certificate.subject.split(',')[0]?.trim();
  return commonName ? [commonName] : [];
}

/** A pinned certificate's problem (a failure category) in words; never the identifier itself. */
export function certificateProblemText(problem: string): string {
  const problems: Record<string, string> = messages.failure.problems;
  return problems[problem] ?? messages.failure.problems.other;
}
