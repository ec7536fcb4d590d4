// The Test Account Settings engine: the incoming (IMAP or POP3) and outgoing (SMTP) servers checked side by
// side over one transport (resolve → connect → TLS, per-step limits), each failure ending in one category.
import { stepText, stepTextAround } from '../net/step-text.ts';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { ImapFlow } from 'imapflow';
import type { CheckReport, CheckStep, Failure, OutgoingReport, ServerRole } from '../../../shared/check-report.ts';
import { outgoingStepIds, stepIds } from '../../../shared/check-report.ts';
import { hasLineBreakingCharacters, protocolOf, serverSettingsOf } from '../../../shared/server-settings.ts';
import { ServiceError } from '../service-error.ts';
import { buildFailure } from './build-failure.ts';
import type { CheckDeps, CheckInput, Credential } from './check-input.ts';
import { logOutInBackground, runImapSession } from './imap-session.ts';
import { redact, redactReport, redactStep, secretForms } from './redact-secrets.ts';
import { runServer, type ServerOutcome } from './server-run.ts';
import { runSmtpSession } from './smtp/smtp-session.ts';
import { runPop3Session } from './pop3/pop3-session.ts';
import type { Pop3Mailbox } from './pop3/pop3-mailbox.ts';
import { watchPop3Inbox } from './pop3/watch-pop3-inbox.ts';
import { createTranscript } from './transcript.ts';
import type { InboxGate } from './smtp/send-test-message.ts';
import { tokenHeader } from './smtp/test-message.ts';
import { watchInbox } from './watch-inbox.ts';

const ignoreStep = (): void => undefined;

/** How long the test message may take to arrive when the caller names no limit. */
export const defaultDeliveryTimeoutMs = 60_000;

export interface RunOptions {
  signal?: AbortSignal | undefined;
  /** Every step change as it happens, with the server it belongs to. */
  onProgress?: ((step: CheckStep, server: ServerRole) => void) | undefined;
}

/** Runs checks; one engine serves the UI, the CLI and the saved-accounts service. */
export interface CheckEngine {
  run(input: CheckInput, options?: RunOptions): Promise<CheckReport>;
}

/**
 * CR, LF or NUL in a username or secret could end a command early and smuggle in another;
 * refused whatever the caller checked before, with a message that does not repeat the value.
 */
function refuseLineBreaks(username: string, credential: Credential, which: string): void {
  const secret = credential.kind === 'password' ? credential.password : credential.accessToken;
  const what = credential.kind === 'password' ? 'password' : 'access token';
  if (hasLineBreakingCharacters(username)) {
    throw new ServiceError('invalid-request', `The ${which}username must not contain line breaks (CR, LF) or NUL characters.`);
  }
  if (hasLineBreakingCharacters(secret)) {
    throw new ServiceError('invalid-request', `The ${which}${what} must not contain line breaks (CR, LF) or NUL characters.`);
  }
}

/** Every form of both servers' secrets, as they may appear in anything reported. */
function allSecretForms(input: CheckInput): string[] {
  const outgoing = input.outgoing;
  const forms = secretForms(input);
  if (outgoing) forms.push(...secretForms({ ...input, settings: { ...input.settings, username: outgoing.settings.username }, credential: outgoing.credential }));
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** The failure with every secret form hidden in the texts a person or a file may see. */
function redactFailure(failure: Failure, forms: readonly string[]): Failure {
  return { ...failure, message: redact(failure.message, forms), advice: redact(failure.advice, forms), serverText: redact(failure.serverText, forms) };
}

/** Builds the engine around its dependencies. */
export function createCheckEngine(deps: CheckDeps): CheckEngine {
  let secureContext: SecureContext | undefined;
  const context = () => (secureContext ??= createSecureContext({ ca: [...deps.caCertificates()] }));

  async function run(input: CheckInput, options: RunOptions = {}): Promise<CheckReport> {
    const { settings, outgoing } = input;
    refuseLineBreaks(settings.username, input.credential, '');
    if (outgoing) refuseLineBreaks(outgoing.settings.username, outgoing.credential, 'outgoing ');
    if (input.only === 'outgoing' && !outgoing) throw new ServiceError('invalid-request', 'No outgoing server to test.');
    const testIncoming = input.only !== 'outgoing';
    const testOutgoing = outgoing !== undefined && input.only !== 'incoming';
    const deliveryLimitMs = input.deliveryTimeoutMs ?? defaultDeliveryTimeoutMs;
    const secrets = allSecretForms(input);
    const transcript = input.transcript ? createTranscript(deps.now, secrets) : undefined;
    const progress = (server: ServerRole) => (step: CheckStep) => options.onProgress?.(redactStep(step, secrets), server);

    // The test message needs INBOX: the incoming check's own IMAP session is kept open to watch for it
    // (with --only outgoing that session still runs, unreported), so the watch connects exactly
    // as the check did: resolver, source address, TLS verification and the user's pinned certificate.
    // POP3 sees the mailbox only as it was at sign-in: its watch signs in afresh the same way for each look.
    const watchForMessage = testOutgoing && input.sendTestMessage === true;
    const pop3 = protocolOf(settings) === 'pop3';
    let inbox: ImapFlow | undefined;
    let pop3Baseline: ReadonlySet<string> | undefined;
    // `watching`: one of the POP3 watch's looks for the test message, kept out of the report and transcript.
    const incomingRun = (onStep: (step: CheckStep) => void, signal: AbortSignal | undefined, inMailbox?: (mailbox: Pop3Mailbox) => Promise<void>, watching = false) =>
      runServer({
        endpoint: { ...settings, trustedFingerprint: input.trustedFingerprint },
        ids: stepIds,
        timeoutMs: input.timeoutMs,
        deps,
        secureContext: context(),
        signal,
        onStep,
        protocol: pop3 ? { name: 'POP3', tlsPort: 995 } : { name: 'IMAP', tlsPort: 993 },
        session: (session) => {
          const onWire = transcript && !watching ? (from: 'client' | 'server', line: string) => transcript.add('incoming', from, line) : undefined;
          if (pop3) return runPop3Session({ input, ...session, onWire, inMailbox });
          return runImapSession({
            input,
            ...session,
            onWire,
            keepOpen: watchForMessage
              ? (client) => {
                  inbox = client;
                }
              : undefined,
          });
        },
      });
    // A POP3 check notes the unique ids already there, so that the watch reads only new messages' headers.
    const noteBaseline = pop3 && watchForMessage ? async (mailbox: Pop3Mailbox) => void (pop3Baseline = new Set((await mailbox.uids()).values())) : undefined;
    const incoming: Promise<ServerOutcome | undefined> =
      testIncoming || watchForMessage ? incomingRun(testIncoming ? progress('incoming') : ignoreStep, options.signal, noteBaseline) : Promise.resolve(undefined);
    const inboxReady = async (signal: AbortSignal): Promise<InboxGate> => {
      const outcome = await incoming;
      const session = inbox;
      const header = { name: tokenHeader, value: '' };
      if (outcome && !outcome.failure && pop3Baseline) {
        const baseline = pop3Baseline;
        return {
          awaitArrival: (token) =>
            watchPop3Inbox({ visit: (inMailbox) => incomingRun(ignoreStep, signal, inMailbox, true), baseline, header: { ...header, value: token }, limitMs: deliveryLimitMs, signal }),
        };
      }
      if (outcome && !outcome.failure && session) {
        return { awaitArrival: (token) => watchInbox({ client: session, header: { ...header, value: token }, limitMs: deliveryLimitMs, signal }) };
      }
      if (testIncoming) return { notSent: stepText('delivery.incomingFailed') };
      // The incoming failure's words go in as they are; the skipped step is redacted as it is reported.
      return { notSent: outcome?.failure ? stepTextAround('delivery.inboxUnopened', outcome.failure) : stepText('delivery.inboxUnopenedPlain') };
    };
    const outgoingRun: Promise<ServerOutcome | undefined> = testOutgoing
      ? runServer({
          endpoint: { ...outgoing.settings, trustedFingerprint: outgoing.trustedFingerprint },
          ids: input.sendTestMessage ? outgoingStepIds : outgoingStepIds.filter((id) => id !== 'delivery'),
          timeoutMs: input.timeoutMs,
          deps,
          secureContext: context(),
          signal: options.signal,
          onStep: progress('outgoing'),
          protocol: { name: 'SMTP', tlsPort: 465 },
          // Sending plus the wait in INBOX: the watch itself ends at the delivery limit with delivery-delayed.
          stepLimitMs: (step) => (step === 'delivery' ? deliveryLimitMs + input.timeoutMs * 2 : undefined),
          session: (session) =>
            runSmtpSession({
              ...session,
              outgoing,
              email: settings.email,
              allowInsecure: input.allowInsecure,
              timeoutMs: input.timeoutMs,
              sendTestMessage: input.sendTestMessage,
              inboxReady: () => inboxReady(session.signal),
              onWire: transcript ? (from, line) => transcript.add('outgoing', from, line) : undefined,
            }),
        })
      : Promise.resolve(undefined);
    // Both run at once: the check takes as long as the slower server, and a cancel stops both.
    let incomingOutcome: ServerOutcome | undefined;
    let outgoingOutcome: ServerOutcome | undefined;
    try {
      [incomingOutcome, outgoingOutcome] = await Promise.all([incoming, outgoingRun]);
    } finally {
      if (inbox) logOutInBackground(inbox, Math.min(input.timeoutMs, 2_000));
    }
    if (!testIncoming) incomingOutcome = undefined;

    const incomingFailure = incomingOutcome?.failure ? buildFailure(incomingOutcome.failure, input, 'incoming') : null;
    const outgoingFailure = outgoingOutcome?.failure ? buildFailure(outgoingOutcome.failure, input, 'outgoing') : null;
    const outgoingReport: OutgoingReport | null =
      outgoing && outgoingOutcome
        ? {
            account: { host: outgoing.settings.host, port: outgoing.settings.port, security: outgoing.settings.security, username: outgoing.settings.username },
            steps: outgoingOutcome.steps.map((step) => redactStep(step, secrets)),
            ...(outgoingOutcome.tls ? { tls: outgoingOutcome.tls } : {}),
            failure: outgoingFailure && redactFailure(outgoingFailure, secrets),
          }
        : null;
    const first = incomingFailure ? { ...incomingFailure, server: 'incoming' as const } : outgoingFailure ? { ...outgoingFailure, server: 'outgoing' as const } : null;
    // `server` names the failing server only where a report covers outgoing mail too.
    const failure = first && !testOutgoing ? (({ server: _server, ...rest }) => rest)(first) : first;
    const report: CheckReport = {
      ok: failure === null,
      account: serverSettingsOf(settings),
      steps: incomingOutcome?.steps ?? [],
      ...(incomingOutcome?.tls ? { tls: incomingOutcome.tls } : {}),
      failure,
      outgoing: outgoingReport,
      ...(transcript ? { transcript: transcript.lines() } : {}),
    };
    return redactReport(report, secrets);
  }

  return { run };
}
