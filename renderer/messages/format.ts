// Formats catalogue texts (ICU, through FormatJS) and dates, durations and numbers for the chosen language.
import type { ValuesParam } from '../../shared/i18n/icu-args.ts';
import { sourceLocale } from '../../shared/i18n/locales.ts';
import { createTranslator, type Translator } from '../../shared/i18n/translator.ts';

let active: Translator | undefined;

/** The language the page speaks; English until locale-setup.ts has chosen one. */
export function activeTranslator(): Translator {
  active ??= createTranslator(sourceLocale, {}, {}, { isolateArguments: false });
  return active;
}

/** Set once, before the first render (a change of language reloads the page). */
export function setActiveTranslator(translator: Translator): void {
  active = translator;
}

/**
 * Formats a catalogue text (`messages.x.y`) with its arguments: `{name}`, plurals, selects.
 * The values' types come from the English text, so a missing argument is a type error.
 */
export function format<T extends string>(template: T, ...values: ValuesParam<NoInfer<T>>): string {
  return activeTranslator().format(template, values[0]);
}

/** Items as a list in the page's language: "a, b and c". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
}

function locale(): string {
  return activeTranslator().locale;
}

/** A number in the page's language. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A step's duration: "12 ms" below a second, "1.3 s" above. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }).format(ms);
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'second', maximumFractionDigits: 1 }).format(ms / 1000);
}

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "2 minutes ago", "just now"-style text for a past moment, relative to `now`. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/** A full date and time, for tooltips and certificate dates. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}
