// The wizard's texts in a given language, as the page shows them, so specs can find controls in any locale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../../../renderer/messages/en.ts';
import { flattenMessages, type Catalogue, type MessageTree } from '../../../shared/i18n/flatten.ts';
import { pseudoCatalogue } from '../../../shared/i18n/pseudo-locale.ts';
import { createTranslator } from '../../../shared/i18n/translator.ts';
import { englishShared } from '../../../shared/messages/shared-catalogue.ts';

const english: Catalogue = { ...flattenMessages(messages as MessageTree), ...englishShared };

/** `text(id)` in `locale`: a catalogue file, or the pseudo-locale made from English. */
export function textsOf(locale: string): (id: string, values?: Record<string, string>) => string {
  const catalogue =
    locale === 'en-XA' || locale === 'en-XB'
      ? pseudoCatalogue(english, locale === 'en-XB' ? 'rtl' : 'long')
      : (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'i18n', 'locales', `${locale}.json`), 'utf8')) as Catalogue);
  return createTranslator(locale, catalogue, english, { isolateArguments: false }).text;
}
