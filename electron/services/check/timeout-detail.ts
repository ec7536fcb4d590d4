// The words of a step that got no answer: a late step, a silent greeting, or a port that expects SSL/TLS.
import type { StepId } from '../../../shared/check-report.ts';
import type { Security } from '../../../shared/server-settings.ts';
import type { StepFailure } from '../net/step-failure.ts';

/** A protocol as its failure texts name it: "IMAP" and its SSL/TLS port 993. */
export interface ProtocolNames {
  name: string;
  tlsPort: number;
}

/** The detail of a timed-out step; at the greeting it names the likely causes for this protocol. */
export function describeTimeout(step: StepId, timeoutMs: number, security: Security, protocol: ProtocolNames, tlsRuledOut = false): string {
  const limit = `No answer within ${Math.round(timeoutMs / 100) / 10} s`;
  // A POP3 server that locks the mailbox per session (Dovecot's pop3_lock_session) answers the
  // sign-in only once the session holding it ends.
  if (step === 'authenticate' && protocol.name === 'POP3') return `${limit}: another mail program may be downloading this mailbox over POP3 right now, and the server waits for it to finish.`;
  if (step !== 'greeting') return `${limit}.`;
  // A silent peer is more often the wrong port or security mode than a slow server: say so.
  const otherService = 'the port may belong to a service that waits for the client to speak first, such as a web server';
  if (tlsRuledOut) return `${limit}: the server sent no ${protocol.name} greeting, and did not answer a TLS hello either; ${otherService}.`;
  const causes = security === 'tls' ? otherService : `the server may expect SSL/TLS from the first byte (as on port ${protocol.tlsPort}), or ${otherService}`;
  return `${limit}: the server sent no ${protocol.name} greeting; ${causes}.`;
}

/** The failure of a greeting that never came because the port waits for a TLS hello. */
export function portExpectsTls(protocol: ProtocolNames): StepFailure {
  return {
    category: 'tls-handshake-failed',
    reason: 'port-expects-tls',
    detail: `This port expects SSL/TLS: it sent no ${protocol.name} greeting, and answered a TLS hello on a second connection. Nothing else was sent.`,
  };
}
