// A step's detail from the catalogue: the English text the report keeps as `detail`, and its id and values for other languages.
import type { MessageId, TextAt } from '../../../shared/i18n/flatten.ts';
import type { IcuArgs } from '../../../shared/i18n/icu-args.ts';
import { sayDetail, type DetailWords } from '../../../shared/messages/detail-words.ts';
import { englishText } from '../../../shared/messages/shared-catalogue.ts';
import type { stepDetails } from '../../../shared/messages/step-detail-messages.ts';

/** A detail's id below `stepDetails.` (`imap.bye`, `tls.serverAlert`, …). */
export type DetailId = MessageId<typeof stepDetails>;

type Arguments<Id extends DetailId> = IcuArgs<TextAt<typeof stepDetails, Id>>;
/** The values a detail needs: none, or every argument of its text (a plural's count a number, the rest strings). */
export type DetailValues<Id extends DetailId> = keyof Arguments<Id> extends never ? [] : [values: { [K in keyof Arguments<Id>]: Arguments<Id>[K] extends number ? number : string }];

/** A detail in English with the words to say it in another language. */
export interface StepText {
  detail: string;
  words: DetailWords;
}

/** The detail `id` with its values: `{ detail, words }`, to spread into a failure or a step. */
export function stepText<Id extends DetailId>(id: Id, ...values: DetailValues<Id>): StepText {
  const given: Readonly<Record<string, string | number>> = values[0] ?? {};
  const counts = Object.fromEntries(Object.entries(given).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  const texts = Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const words: DetailWords = { id: `stepDetails.${id}`, values: texts, ...(Object.keys(counts).length > 0 ? { counts } : {}) };
  return { detail: sayDetail(words, englishText), words };
}

/** A detail said inside `outer` as its `{detail}`; an inner detail without words (a socket error's code) goes in as it is. */
export function stepTextAround(outer: 'smtp.afterSignIn' | 'delivery.inboxUnopened' | 'passed.upgradedStartTls' | 'passed.upgradedStls', inner: { detail: string; words?: DetailWords | undefined }): StepText {
  const words: DetailWords = inner.words ? { id: `stepDetails.${outer}`, values: {}, inner: { id: inner.words.id, values: inner.words.values, ...(inner.words.counts ? { counts: inner.words.counts } : {}) } } : { id: `stepDetails.${outer}`, values: { detail: inner.detail } };
  return { detail: sayDetail(words, englishText), words };
}
