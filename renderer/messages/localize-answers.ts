// Says main's answers in the page's language: failures and provider notes arrive in English, with what identifies their texts.
import { FailureWordsSchema, sayFailure, type MessageRef } from '../../shared/messages/failure-words.ts';
import { idOfEnglish } from '../../shared/messages/shared-catalogue.ts';
import { pop3OnlyNote } from '../../shared/providers/pop3-only.ts';
import { activeTranslator } from './format.ts';

const text = (id: string, values?: Readonly<Record<string, string | number>>) => activeTranslator().text(id, values);

/** A provider's note in the page's language: a catalogue text, or the POP3-only sentence with its name. */
function providerNote(note: string, name: unknown): string {
  const id = idOfEnglish(note);
  if (id) return text(id);
  if (typeof name === 'string' && note === pop3OnlyNote(name)) return text('pop3Texts.onlyNote', { name, difference: text('pop3Texts.difference') });
  return note;
}

/** Catalogue texts (a service error's or a notice's words) in the page's language, joined by a space. */
export function sayWords(words: readonly MessageRef[]): string {
  return words.map((ref) => text(ref.id, ref.values)).join(' ');
}

/** A copy of `value` in which every failure's message and advice, and every provider's note, are in the page's language. */
export function localizeAnswer<T>(value: T): T {
  if (Array.isArray(value)) return value.map(localizeAnswer) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) copy[key] = localizeAnswer(entry);
  const words = 'category' in copy ? FailureWordsSchema.safeParse(copy.words) : undefined;
  if (words?.success) Object.assign(copy, sayFailure(words.data, text));
  if ('auth' in copy && typeof copy.note === 'string') copy.note = providerNote(copy.note, copy.name);
  return copy as T;
}
