// A failure's message and advice as message ids with their values, so the UI and the CLI can say them in any language.
import { z } from 'zod';

/** One catalogue text and the values it is formatted with. */
export const MessageRefSchema = z.object({ id: z.string(), values: z.record(z.string(), z.string()) });
export type MessageRef = z.infer<typeof MessageRefSchema>;

/** The failure's sentence and its advice (one or more sentences, joined in order). */
export const FailureWordsSchema = z.object({ message: MessageRefSchema, advice: z.array(MessageRefSchema) });
export type FailureWords = z.infer<typeof FailureWordsSchema>;

/** Formats a catalogue text by id in some language. */
export type TextById = (id: string, values?: Readonly<Record<string, string | number>>) => string;

/** The failure's message and advice in the language `text` speaks. */
export function sayFailure(words: FailureWords, text: TextById): { message: string; advice: string } {
  // An unknown provider is "your provider", in the reader's language.
  // An empty id carries a text that is in no catalogue (English), as it is.
  const say = (ref: MessageRef) => (ref.id === '' ? (ref.values.text ?? '') : text(ref.id, 'provider' in ref.values && ref.values.provider === '' ? { ...ref.values, provider: text('failureExtras.yourProvider') } : ref.values));
  const advice = words.advice.map(say).reduce((first, second) => (first === '' ? second : text('failureExtras.join', { first, second })), '');
  return { message: say(words.message), advice };
}
