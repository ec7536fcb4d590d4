// Chooses how a POP3 check signs in (SASL PLAIN or OAuth2 with its initial response, or USER/PASS)
// and writes the commands, the STAT behind them where the server takes pipelined commands.
import { stepText } from '../../net/step-text.ts';
import type { Credential } from '../check-input.ts';
import type { StepFailure } from '../../net/step-failure.ts';
import { initialResponse, oauthMechanisms } from '../sasl-responses.ts';
import type { Pop3Capabilities } from './pop3-capabilities.ts';
import type { Pop3Command, Pop3Wire } from './pop3-wire.ts';

/** RFC 2449 §4: a command line holds at most 255 octets, its CRLF included. */
const maxCommandOctets = 255;

const mask = '•••';

/** How the check signs in: a SASL mechanism, or the USER and PASS commands of RFC 1939. */
export type Pop3SignIn = { kind: 'sasl'; mechanism: 'PLAIN' | 'XOAUTH2' | 'OAUTHBEARER' } | { kind: 'user-pass' };

/** The sign-in to use, or the failure that stops before any credential leaves. */
export function choosePop3SignIn(capabilities: Pop3Capabilities, kind: Credential['kind']): Pop3SignIn | { failure: StepFailure } {
  const offered = new Set(capabilities.sasl);
  const list = [...capabilities.sasl, ...(capabilities.user ? ['USER'] : [])].join(', ') || 'none';
  if (kind === 'oauth2') {
    const mechanism = oauthMechanisms.find((name) => offered.has(name));
    return mechanism ? { kind: 'sasl', mechanism } : { failure: { category: 'protocol-error', ...stepText('pop3.noOauth', { mechanisms: list }) } };
  }
  if (offered.has('PLAIN')) return { kind: 'sasl', mechanism: 'PLAIN' };
  // A server that does not answer CAPA may still take USER/PASS (RFC 1939 has nothing else).
  if (capabilities.user || !capabilities.known) return { kind: 'user-pass' };
  if (oauthMechanisms.some((name) => offered.has(name))) {
    return { failure: { category: 'oauth-required', ...stepText('signIn.onlyOauth', { mechanisms: list }) } };
  }
  return { failure: { category: 'protocol-error', ...stepText('signIn.noPasswordMethod', { mechanisms: list }) } };
}

/** The name of a sign-in as the step detail shows it. */
export function signInName(signIn: Pop3SignIn): string {
  return signIn.kind === 'sasl' ? signIn.mechanism : 'USER/PASS';
}

/**
 * Signs in and, where `pipelineStat`, sends STAT in the same write; resolves with the reply that
 * decides the sign-in (the STAT reply, if sent, is left to read). Only one attempt is ever made:
 * a second one would double a wrong password's penalty.
 */
export async function signIn(options: {
  wire: Pop3Wire;
  signIn: Pop3SignIn;
  user: string;
  credential: Credential;
  target: { host: string; port: number };
  pipelineStat: boolean;
}): Promise<{ ok: boolean; text: string }> {
  const { wire, user, credential } = options;
  const stat: Pop3Command[] = options.pipelineStat ? [{ line: 'STAT' }] : [];
  if (options.signIn.kind === 'user-pass') {
    const secret = credential.kind === 'password' ? credential.password : credential.accessToken;
    const userLine = { line: `USER ${user}` };
    const passLine = { line: `PASS ${secret}`, shown: `PASS ${mask}` };
    if (options.pipelineStat) {
      wire.send(userLine, passLine, ...stat);
      const first = await wire.reply();
      const second = await wire.reply();
      return first.ok ? second : first;
    }
    wire.send(userLine);
    const first = await wire.reply();
    if (!first.ok) return first;
    wire.send(passLine);
    return wire.reply();
  }
  const { mechanism } = options.signIn;
  const { response, onChallenge } = initialResponse(mechanism, user, credential, options.target);
  const line = `AUTH ${mechanism} ${response}`;
  // RFC 5034: the initial response on the AUTH line only where the line stays within the limit.
  if (Buffer.byteLength(line) + 2 <= maxCommandOctets) {
    wire.send({ line, shown: `AUTH ${mechanism} ${mask}` }, ...stat);
  } else {
    wire.send({ line: `AUTH ${mechanism}` });
    const go = await wire.reply();
    if (!go.continuation) return go;
    wire.send({ line: response, shown: mask }, ...stat);
  }
  let reply = await wire.reply();
  // A refused OAuth2 token comes as a `+` challenge with JSON details that must be answered first.
  if (reply.continuation) {
    wire.send({ line: onChallenge, shown: onChallenge === '' ? '' : mask });
    reply = await wire.reply();
  }
  return reply;
}
