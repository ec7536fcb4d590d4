// The words of a step that got no answer: a late step, a silent greeting, or a port that expects SSL/TLS.
import { stepText, type StepText } from '../net/step-text.ts';
import type { StepId } from '../../../shared/check-report.ts';
import type { Security } from '../../../shared/server-settings.ts';
import type { StepFailure } from '../net/step-failure.ts';

/** A protocol as its failure texts name it: "IMAP" and its SSL/TLS port 993. */
export interface ProtocolNames {
  name: string;
  tlsPort: number;
}

/** The detail of a timed-out step; at the greeting it names the likely causes for this protocol. */
export function describeTimeout(step: StepId, timeoutMs: number, security: Security, protocol: ProtocolNames, tlsRuledOut = false): StepText {
  const seconds = String(Math.round(timeoutMs / 100) / 10);
  // A POP3 server that locks the mailbox per session (Dovecot's pop3_lock_session) answers the
  // sign-in only once the session holding it ends.
  if (step === 'authenticate' && protocol.name === 'POP3') return stepText('timeout.pop3Locked', { seconds });
  if (step !== 'greeting') return stepText('timeout.plain', { seconds });
  // A silent peer is more often the wrong port or security mode than a slow server: say so (and
  // that the port may belong to a service that waits for the client to speak first).
  if (tlsRuledOut) return stepText('timeout.silentNoTls', { seconds, protocol: protocol.name });
  if (security === 'tls') return stepText('timeout.silentOnTls', { seconds, protocol: protocol.name });
  return stepText('timeout.silentMaybeTls', { seconds, protocol: protocol.name, tlsPort: String(protocol.tlsPort) });
}

/** The failure of a greeting that never came because the port waits for a TLS hello. */
export function portExpectsTls(protocol: ProtocolNames): StepFailure {
  return {
    category: 'tls-handshake-failed',
    reason: 'port-expects-tls',
    ...stepText('timeout.portExpectsTls', { protocol: protocol.name }),
  };
}
