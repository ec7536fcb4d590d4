// What a POP3 server's CAPA answer (RFC 2449) says: STLS, SASL mechanisms, USER, PIPELINING.
import { stepText, type StepText } from '../../net/step-text.ts';

/** The capabilities that decide how the check proceeds. */
export interface Pop3Capabilities {
  /** False where the server refused CAPA (an RFC 1939-only server): USER/PASS is assumed. */
  known: boolean;
  stls: boolean;
  user: boolean;
  pipelining: boolean;
  /** SASL mechanisms, upper case. */
  sasl: string[];
  /** Every capability name as listed, for the greeting step's detail. */
  names: string[];
}

/** The capabilities of a server that does not answer CAPA. */
export const unknownCapabilities: Pop3Capabilities = { known: false, stls: false, user: true, pipelining: false, sasl: [], names: [] };

/** Parses the lines of a CAPA answer (without its +OK and final dot). */
export function parseCapabilities(lines: readonly string[]): Pop3Capabilities {
  const entries = lines.map((line) => line.trim().split(/\s+/)).filter((words) => words[0]);
  const names = entries.map((words) => (words[0] ?? '').toUpperCase());
  const sasl = entries.find((words) => words[0]?.toUpperCase() === 'SASL')?.slice(1).map((name) => name.toUpperCase()) ?? [];
  return { known: true, stls: names.includes('STLS'), user: names.includes('USER'), pipelining: names.includes('PIPELINING'), sasl, names };
}

/** The sign-in methods on offer, as a person reads them: a list (`offer` list), or none. */
export function signInMethods(capabilities: Pop3Capabilities): { offer: 'list' | 'none'; mechanisms: string } {
  const mechanisms = [...capabilities.sasl, ...(capabilities.user ? ['USER/PASS'] : [])].join(', ');
  return { offer: mechanisms ? 'list' : 'none', mechanisms };
}

/** The greeting step's detail: the server's words, its capabilities and sign-in methods. */
export function describeCapabilities(greeting: string, capabilities: Pop3Capabilities): StepText {
  const identity = greeting.replace(/^\+OK\s*/i, '').replace(/<[^>]*>/, '').trim();
  const said = identity ? 'yes' : 'no';
  if (!capabilities.known) return stepText('greeting.pop3NoCapa', { said, identity });
  const caps = capabilities.names.filter((name) => name !== 'SASL').join(' ');
  return stepText('greeting.pop3', { said, identity, listed: caps ? 'yes' : 'no', capabilities: caps, ...signInMethods(capabilities) });
}
