// Fills catalogue templates and formats durations and times for the page's language.
import { fillMessage } from '../../shared/messages/failure-messages.ts';

/** Fills `{name}` placeholders in a catalogue text. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) strings[key] = String(value);
  return fillMessage(template, strings);
}

function locale(): string {
  return typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en';
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
