// A step's detail as a catalogue id with its values, so the app and the CLI can say it in the user's language.
import { z } from 'zod';
import { MessageRefSchema, type TextById } from './failure-words.ts';

/** A text's id and values, with the numbers its plurals choose by ("1 message", "2 messages"). */
const CountedRefSchema = MessageRefSchema.extend({ counts: z.record(z.string(), z.number()).optional() });
type CountedRef = z.infer<typeof CountedRefSchema>;

/** The detail's words; `inner` is a detail said inside it as `{detail}` ("…accepted the sign-in, then: …"). */
export const DetailWordsSchema = CountedRefSchema.extend({ inner: CountedRefSchema.optional() });
export type DetailWords = z.infer<typeof DetailWordsSchema>;

/**
 * The detail in the language `text` speaks. `shown` prepares each value (a server's words made
 * visible) before it goes in, so the isolation marks around arguments are the translator's own.
 */
export function sayDetail(words: DetailWords, text: TextById, shown: (value: string) => string = (value) => value): string {
  const values = (ref: CountedRef) => ({ ...Object.fromEntries(Object.entries(ref.values).map(([name, value]) => [name, shown(value)])), ...ref.counts });
  return text(words.id, words.inner ? { ...values(words), detail: text(words.inner.id, values(words.inner)) } : values(words));
}
