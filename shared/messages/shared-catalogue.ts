// The English texts main and the CLI say, as one catalogue tree; each locale file translates these ids too.
import { flattenMessages, type Catalogue, type MessageTree } from '../i18n/flatten.ts';
import { failureExtras, failureMessages } from './failure-messages.ts';
import { internationalAddressTexts } from './international-address-messages.ts';
import { networkFailureTexts } from './network-failure-messages.ts';
import { outgoingAdvice, port25Advice } from './outgoing-failure-messages.ts';
import { imapServerOnPop3PortAdvice, pop3Advice, pop3ServerOnImapPortAdvice } from './pop3-failure-messages.ts';
import { enablePopAdvice } from '../pop3-response-patterns.ts';
import { pop3Difference } from '../providers/pop3-only.ts';
import { providerNotes } from './provider-notes.ts';
import { cliMessages } from './cli-messages.ts';
import { serviceTexts } from './service-messages.ts';
import { exportNotes } from './export-notes.ts';
import { stepDetails } from './step-detail-messages.ts';
import type { TextById } from './failure-words.ts';
import { sourceLocale } from '../i18n/locales.ts';
import { createTranslator, type Translator } from '../i18n/translator.ts';

/** Every failure reason's words (a reason replaces its category's words), without the category it ends in. */
const failureReasons = Object.fromEntries(Object.entries({ ...internationalAddressTexts, ...networkFailureTexts }).map(([reason, { message, advice }]) => [reason, { message, advice }]));

/** The shared texts by group: `failureTexts.<category>.message`, `cli.report.failed`, … */
export const sharedMessages = {
  failureTexts: failureMessages as unknown as MessageTree,
  outgoingAdvice: outgoingAdvice as MessageTree,
  port25Advice: { advice: port25Advice.advice },
  pop3Advice: pop3Advice as MessageTree,
  pop3Texts: { difference: pop3Difference, serverOnImapPort: pop3ServerOnImapPortAdvice, imapOnPop3Port: imapServerOnPop3PortAdvice, enableGmail: enablePopAdvice.gmail, enableOutlook: enablePopAdvice.outlook, onlyNote: '{name} offers POP3, not IMAP: {difference}' },
  providerNotes,
  failureReasons: failureReasons as MessageTree,
  failureExtras,
  cli: cliMessages,
  serviceTexts,
  exportNotes,
  stepDetails,
} as const;

/** The shared English catalogue, by id. */
export const englishShared: Catalogue = flattenMessages(sharedMessages);

let byText: Map<string, string> | undefined;
/** The id of a shared English text (a session's own advice is one of them), so it can be said in any language. */
export function idOfEnglish(text: string): string | undefined {
  byText ??= new Map(Object.entries(englishShared).map(([id, english]) => [english, id]));
  return byText.get(text);
}

let english: Translator | undefined;
/** The shared texts in English, as main writes them into reports (and `--json` prints them). */
export const englishText: TextById = (id, values) => {
  english ??= createTranslator(sourceLocale, {}, englishShared, { isolateArguments: false });
  return english.text(id, values);
};
