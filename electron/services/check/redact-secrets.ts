// Keeps the secret out of everything a check reports, even when a server echoes it back.
import type { CheckReport, CheckStep } from '../../../shared/check-report.ts';
import type { MessageRef } from '../../../shared/messages/failure-words.ts';
import type { CheckInput } from './check-input.ts';

// Shorter secrets would blank out ordinary words; they also cannot be told apart from them.
const minimumLength = 4;

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The forms in which the secret travels on the wire: as typed, IMAP-quoted, and base64 (SASL). */
export function secretForms(input: CheckInput): string[] {
  const user = input.settings.username;
  const secret = input.credential.kind === 'password' ? input.credential.password : input.credential.accessToken;
  const forms = [
    secret,
    secret.replace(/[\\"]/g, (char) => `\\${char}`),
    base64(secret),
    base64(`\0${user}\0${secret}`),
    base64(`${user}\0${user}\0${secret}`),
    base64(`user=${user}\x01auth=Bearer ${secret}\x01\x01`),
  ];
  // Longest first, so that a form containing another is replaced whole.
  return [...new Set(forms)].filter((form) => form.length >= minimumLength).sort((a, b) => b.length - a.length);
}

/** `text` with every one of `forms` replaced by `[hidden]`. */
export function redact(text: string, forms: readonly string[]): string {
  let result = text;
  for (const form of forms) result = result.split(form).join('[hidden]');
  return result;
}

/** A step with every form of the secret hidden in its detail and in the values its words are said with. */
export function redactStep(step: CheckStep, forms: readonly string[]): CheckStep {
  if (forms.length === 0) return step;
  const values = (ref: MessageRef): MessageRef => ({ ...ref, values: Object.fromEntries(Object.entries(ref.values).map(([name, value]) => [name, redact(value, forms)])) });
  const words = step.words && { ...values(step.words), ...(step.words.inner ? { inner: values(step.words.inner) } : {}) };
  return { ...step, detail: redact(step.detail, forms), ...(words ? { words } : {}) };
}

/** The report with every form of the secret replaced by `[hidden]` in every text a person or a file may see. */
export function redactReport(report: CheckReport, forms: readonly string[]): CheckReport {
  if (forms.length === 0) return report;
  return {
    ...report,
    steps: report.steps.map((step) => redactStep(step, forms)),
    failure: report.failure
      ? { ...report.failure, message: redact(report.failure.message, forms), advice: redact(report.failure.advice, forms), serverText: redact(report.failure.serverText, forms) }
      : null,
  };
}
