// What a report step says to people: "Signed in", "Nothing answered on port 993"; the raw detail goes behind "Technical details".
import type { CheckStep, Failure, StepId, TlsInfo } from '../../shared/check-report.ts';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';

/** What the report knows about the server a step belongs to (nothing yet while the check runs). */
export interface StepContext {
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly tls?: TlsInfo | undefined;
  /** The failure of this server's check, if it failed. */
  readonly failure?: Failure | null | undefined;
}

/** "TLSv1.3" → "TLS 1.3". */
function protocolName(protocol: string): string {
  return protocol.replace(/^TLSv/, 'TLS ');
}

/** "27 Feb 2029": day, short month, year, in the page's language. */
export function formatDay(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const locale = typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en';
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}`;
}

function passedText(id: StepId, context: StepContext): string {
  const m = messages.stepWords;
  const port = context.port === undefined ? '' : String(context.port);
  switch (id) {
    case 'resolve':
      return context.host ? format(m.resolved, { host: context.host }) : m.resolvedPlain;
    case 'connect':
      return port ? format(m.connected, { port }) : m.connectedPlain;
    case 'tls': {
      const tls = context.tls;
      if (!tls) return m.encryptedPlain;
      const protocol = protocolName(tls.protocol);
      if (tls.pinned) return format(m.encryptedPinned, { protocol });
      return tls.certificate.validTo ? format(m.encrypted, { protocol, date: formatDay(tls.certificate.validTo) }) : format(m.encryptedNoDate, { protocol });
    }
    case 'greeting':
      return m.greeted;
    case 'authenticate':
      return m.signedIn;
    case 'inbox':
      return m.inboxOpened;
    case 'sender':
      return m.senderAccepted;
    case 'delivery':
      return m.delivered;
  }
}

function failedText(context: StepContext): string {
  const m = messages.stepWords;
  const failure = context.failure;
  if (!failure) return m.failedPlain;
  const port = context.port === undefined ? '' : String(context.port);
  switch (failure.category) {
    case 'connection-refused':
      return port ? format(m.refused, { port }) : m.refusedPlain;
    case 'timeout':
      return port ? format(m.timeout, { port }) : m.timeoutPlain;
    case 'dns-not-found':
      return context.host ? format(m.notFound, { host: context.host }) : failure.message;
    case 'wrong-credentials':
      return m.credentialsRefused;
    case 'delivery-delayed':
      return m.notArrived;
    case 'server-unavailable':
      return m.refusedForNow;
    default:
      return failure.message;
  }
}

/** The sentence a step row shows, or '' when there is nothing to say yet. */
export function stepWords(id: StepId, step: CheckStep | undefined, context: StepContext): string {
  switch (step?.status) {
    case undefined:
    case 'running':
      return '';
    case 'passed':
      return passedText(id, context);
    case 'failed':
      return failedText(context);
    case 'skipped':
      if (context.failure) return messages.stepWords.skippedAfterFailure;
      // The test message waits for the incoming server; its row is skipped when that one failed.
      return id === 'delivery' ? messages.stepWords.deliveryNotSent : messages.stepWords.skipped;
  }
}
