// Pseudo-locales made from English for tests: accented and ~40 % longer (en-XA), or right to left (en-XB).
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { Catalogue } from './flatten.ts';

const plain = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const accented = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';

/** Every ASCII letter accented, each vowel doubled: still readable, visibly not English, longer. */
function accent(text: string): string {
  return [...text].map((c) => {
    const at = plain.indexOf(c);
    if (at < 0) return c;
    const letter = [...accented][at] as string;
    return 'aeiouAEIOU'.includes(c) ? letter + letter : letter;
  }).join('');
}

/** Each run of letters displayed backwards by a right-to-left override, as an RTL script would flow. */
function mirror(text: string): string {
  return text.replace(/[A-Za-z]+/g, (word) => `\u202e${word}\u202c`);
}

function transform(elements: MessageFormatElement[], change: (text: string) => string): MessageFormatElement[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) element.value = change(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) transform(option.value, change);
    }
    if (element.type === TYPE.tag) transform(element.children, change);
  }
  return elements;
}

/** The English catalogue as a pseudo-locale. */
export function pseudoCatalogue(english: Catalogue, kind: 'long' | 'rtl'): Catalogue {
  const change = kind === 'long' ? accent : mirror;
  const result: Record<string, string> = {};
  for (const [id, text] of Object.entries(english)) {
    const printed = printAST(transform(parse(text), change));
    // Doubled vowels make English about 30 % longer; the tildes bring it to the 40 % translations often need.
    result[id] = kind === 'long' ? `[${printed}${' ~'.repeat(Math.ceil(text.length / 20))}]` : printed;
  }
  return result;
}
