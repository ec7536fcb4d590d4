// The SASL exchanges of an SMTP sign-in (PLAIN, LOGIN, XOAUTH2, OAUTHBEARER), run through nodemailer's
// custom-auth hook so that the mechanism is ours to choose and one failed attempt is never retried.
import type { SMTPConnectionCustomAuthContext, SMTPConnectionCustomAuthResponse } from 'nodemailer/lib/smtp-connection';
import type { Credential } from '../check-input.ts';
import { base64, initialResponse, oauthMechanisms, passwordMechanisms, secretOf } from '../sasl-responses.ts';

/** What sends one command and waits for its whole reply. */
export type SendCommand = (command: string) => Promise<SMTPConnectionCustomAuthResponse>;

/** A reply that ends the exchange: 2xx signs in, anything else is the refusal to report. */
class SaslRefusal extends Error {
  readonly reply: string;

  constructor(reply: string) {
    super('sign-in refused');
    this.reply = reply;
  }
}

async function expect334(send: SendCommand, command: string): Promise<void> {
  const reply = await send(command);
  if (reply.status !== 334) throw new SaslRefusal(reply.response);
}

async function finish(send: SendCommand, command: string, onChallenge: string): Promise<void> {
  let reply = await send(command);
  // An OAuth2 refusal comes as a 334 challenge (JSON error details) that the client must answer
  // before the final code; the answer carries nothing secret.
  if (reply.status === 334) reply = await send(onChallenge);
  if (reply.status < 200 || reply.status >= 300) throw new SaslRefusal(reply.response);
}

/** RFC 5321 §4.5.3.1.4: a command line holds at most 512 octets, its CRLF included. */
const maxCommandOctets = 512;

/**
 * AUTH with its initial response on the same line where the line stays within the limit (one round
 * trip saved); a longer one (an OAuth2 token, a long password) follows the server's empty 334
 * challenge instead, as RFC 4954 §4 requires: servers refuse the long line ("500 5.5.2 Line too long").
 */
function authenticate(send: SendCommand, mechanism: string, response: string, onChallenge: string): Promise<void> {
  const line = `AUTH ${mechanism} ${response}`;
  if (Buffer.byteLength(line, 'utf8') + 2 <= maxCommandOctets) return finish(send, line, onChallenge);
  return expect334(send, `AUTH ${mechanism}`).then(() => finish(send, response, onChallenge));
}

/** Runs `mechanism` for `user` with `credential`; rejects with the server's reply when refused. */
async function exchange(mechanism: string, user: string, credential: Credential, target: { host: string; port: number }, send: SendCommand): Promise<void> {
  switch (mechanism) {
    case 'PLAIN':
    case 'XOAUTH2':
    case 'OAUTHBEARER': {
      const { response, onChallenge } = initialResponse(mechanism, user, credential, target);
      return authenticate(send, mechanism, response, onChallenge);
    }
    case 'LOGIN':
      await expect334(send, 'AUTH LOGIN');
      await expect334(send, base64(user));
      return finish(send, base64(secretOf(credential)), '*');
    default:
      throw new Error(`unsupported mechanism ${mechanism}`);
  }
}

/**
 * nodemailer custom-auth handlers for every mechanism above. `onSend` receives the context's
 * command sender, which the check keeps for the envelope commands after sign-in (nodemailer has
 * no public way to send MAIL FROM and RCPT TO without DATA).
 */
export function saslHandlers(
  user: string,
  credential: Credential,
  target: { host: string; port: number },
  chosen: () => string | undefined,
  onSend: (send: SendCommand) => void,
): Record<string, (context: SMTPConnectionCustomAuthContext) => Promise<void>> {
  const handler = async (context: SMTPConnectionCustomAuthContext) => {
    // nodemailer may substitute another mechanism for the one asked (XOAUTH2 without its token
    // generator becomes PLAIN): a secret goes out only in the mechanism the check chose.
    if (context.method !== chosen()) throw new Error(`refused to sign in with ${context.method}`);
    const send: SendCommand = (command) => context.sendCommand(command);
    onSend(send);
    try {
      await exchange(context.method, user, credential, target, send);
    } catch (error) {
      // nodemailer attaches the last reply to the login error; the refusal is that reply.
      throw error instanceof SaslRefusal ? new Error('Invalid login') : error;
    }
  };
  return Object.fromEntries([...passwordMechanisms, ...oauthMechanisms].map((name) => [name, handler]));
}
