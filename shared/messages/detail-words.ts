// A step's detail as a catalogue id with its values, so the app and the CLI can say it in the user's language.
import type { z } from 'zod';
import { MessageRefSchema, type MessageRef, type TextById } from './failure-words.ts';

/** The detail's text and values; `inner` is a detail said inside it (as `{detail}`: "…accepted the sign-in, then: …"). */
export const DetailWordsSchema = MessageRefSchema.extend({ inner: MessageRefSchema.optional() });
export type DetailWords = z.infer<typeof DetailWordsSchema>;

/**
 * The detail in the language `text` speaks. `shown` prepares each value (a server's words made
 * visible) before it goes in, so the isolation marks around arguments are the translator's own.
 */
export function sayDetail(words: DetailWords, text: TextById, shown: (value: string) => string = (value) => value): string {
  const values = (ref: MessageRef) => Object.fromEntries(Object.entries(ref.values).map(([name, value]) => [name, shown(value)]));
  return text(words.id, words.inner ? { ...values(words), detail: text(words.inner.id, values(words.inner)) } : values(words));
}
