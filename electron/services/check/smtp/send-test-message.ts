// The `delivery` step: once the incoming check has passed too, sends the test message on the
// signed-in SMTP session (kept open meanwhile), then waits for it in INBOX and reports the round
// trip, or `delivery-delayed` when it has not arrived within the limit.
import { stepText, type StepText } from '../../net/step-text.ts';
import { StepFailedError } from '../../net/step-failure.ts';
import type { StepTracker } from '../step-tracker.ts';
import { classifySenderReply } from './classify-smtp-reply.ts';
import { joinReply } from './smtp-reply.ts';
import { composeTestMessage } from './test-message.ts';

/** Whether the message may go: the incoming check passed and INBOX can be watched, or why not. */
export type InboxGate =
  | { readonly awaitArrival: (token: string) => Promise<boolean> }
  | { readonly notSent: StepText };

/** What sending needs from the session around it. */
export interface SendTestMessageOptions {
  email: string;
  tracker: StepTracker;
  now: () => number;
  /** MAIL FROM, RCPT TO and DATA on the signed-in connection. */
  send: (envelope: { from: string; to: string[]; use8BitMime: boolean }, raw: string) => Promise<{ rejected: unknown[] }>;
  /**
   * Settles when the incoming check has ended: with a watch that resolves true once the message
   * marked with `token` is in INBOX (false when the limit passed), or with why it is not sent.
   */
  inboxReady: (() => Promise<InboxGate>) | undefined;
}

/** Milliseconds as seconds to one decimal ("2.0"). */
function tenths(ms: number): string {
  return (Math.round(ms / 100) / 10).toFixed(1);
}

/** Runs the `delivery` step; throws StepFailedError when it fails. */
export async function sendTestMessage(options: SendTestMessageOptions): Promise<void> {
  const { email, tracker } = options;
  // A message sent before INBOX is known to work proves nothing a user can see: it goes only
  // once both servers passed, on this connection, which stays signed in while the incoming check ends.
  tracker.start('delivery', 'Waiting for the incoming server check before sending a test message');
  if (!options.inboxReady) throw new StepFailedError({ category: 'protocol-error', ...stepText('delivery.noIncoming') });
  const gate = await options.inboxReady();
  if ('notSent' in gate) {
    tracker.skip('delivery', gate.notSent.detail, gate.notSent.words);
    return;
  }
  tracker.phase('delivery', `Sending a test message from ${email} to ${email}`);
  const message = composeTestMessage(email);
  const started = options.now();
  try {
    // 8-bit text (an address such as jürgen@… in the headers and body) goes with BODY=8BITMIME where
    // offered; nodemailer adds SMTPUTF8 itself for such an address, which the sender step already required.
    const info = await options.send({ from: email, to: [email], use8BitMime: /[^\p{ASCII}]/u.test(message.raw) }, message.raw);
    if (info.rejected.length > 0) throw Object.assign(new Error('The recipient was refused.'), { response: '' });
  } catch (error) {
    const reply = typeof error === 'object' && error !== null && 'response' in error ? String(error.response) : '';
    throw new StepFailedError({
      category: reply ? classifySenderReply(reply) : 'protocol-error',
      ...stepText('delivery.notAccepted'),
      ...(reply ? { serverText: joinReply(reply) } : {}),
    });
  }
  let arrived: boolean;
  try {
    arrived = await gate.awaitArrival(message.token);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StepFailedError({ category: 'delivery-delayed', ...stepText('delivery.unwatched', { reason }) });
  }
  const elapsed = options.now() - started;
  if (!arrived) {
    throw new StepFailedError({
      category: 'delivery-delayed',
      ...stepText('delivery.notArrived', { seconds: tenths(elapsed) }),
    });
  }
  const inInbox = stepText('passed.arrived', { seconds: tenths(elapsed) });
  tracker.pass('delivery', inInbox.detail, inInbox.words);
}
