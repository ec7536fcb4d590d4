// Says the failures in main's answers in the page's language: main writes them in English, with their message ids beside.
import { FailureWordsSchema, sayFailure } from '../../shared/messages/failure-words.ts';
import { activeTranslator } from './format.ts';

/** A copy of `value` in which every failure's message and advice are in the page's language. */
export function localizeFailures<T>(value: T): T {
  if (Array.isArray(value)) return value.map(localizeFailures) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) copy[key] = localizeFailures(entry);
  const words = 'category' in copy ? FailureWordsSchema.safeParse(copy.words) : undefined;
  if (words?.success) Object.assign(copy, sayFailure(words.data, (id, values) => activeTranslator().text(id, values)));
  return copy as T;
}
