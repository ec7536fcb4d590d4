// Every detail the engine can write has a catalogue id that formats, with its arguments, in English and in every language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { availableLocales, loadCatalogue } from '../../../shared/i18n/catalogues.ts';
import { createTranslator } from '../../../shared/i18n/translator.ts';
import { sayDetail } from '../../../shared/messages/detail-words.ts';
import { englishShared, englishText } from '../../../shared/messages/shared-catalogue.ts';
import { stepText, stepTextAround } from './step-text.ts';

const services = fileURLToPath(new URL('..', import.meta.url));
const detailIds = Object.keys(englishShared).filter((id) => id.startsWith('stepDetails.'));

/** The engine's sources (tests aside). */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !path.includes('test-support') ? [path] : [];
  });
}

/** Every detail id named in the engine's code: `stepText('imap.bye')`, and both sides of `stepText(x ? 'a' : 'b')`. */
function idsInEngine(): Set<string> {
  const found = new Set<string>();
  for (const path of sources(services)) {
    const text = readFileSync(path, 'utf8');
    if (!text.includes('step-text.ts')) continue;
    for (const [, id] of text.matchAll(/'((?:passed|greeting|steps|timeout|tls|signIn|limits|imap|smtp|pop3|delivery)\.[A-Za-z0-9]+)'/g)) found.add(`stepDetails.${id}`);
  }
  return found;
}

/** The arguments of a text by kind, nested ones (in a select's or a plural's options) included. */
function argumentsOf(elements: MessageFormatElement[], found: { plain: string[]; plural: string[]; select: string[] } = { plain: [], plural: [], select: [] }) {
  for (const element of elements) {
    if (element.type === TYPE.argument) found.plain.push(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      (element.type === TYPE.plural ? found.plural : found.select).push(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

/** A value for each `{argument}` of a text: its name in brackets (with an ICU-looking brace and an apostrophe, which must stay text), or a count. */
function sampleValues(id: string): Record<string, string | number> {
  const found = argumentsOf(parse(englishShared[id] ?? ''));
  return { ...Object.fromEntries(found.plain.map((name) => [name, `[${name}] it's {x}`])), ...Object.fromEntries(found.plural.map((name) => [name, 12_345])) };
}

/** Each select of a text (`{offer, select, …}`) on its `other` option, which says the arguments above. */
function sampleChoices(id: string): Record<string, string> {
  return Object.fromEntries(argumentsOf(parse(englishShared[id] ?? '')).select.map((name) => [name, 'other']));
}

describe('step details', () => {
  it('every id the engine uses is in the English catalogue, and every catalogue id is used', () => {
    const used = idsInEngine();
    expect(used.size).toBeGreaterThan(60);
    expect([...used].filter((id) => !(id in englishShared))).toEqual([]);
    expect(detailIds.filter((id) => !used.has(id))).toEqual([]);
  });

  it('keeps the English detail exactly as the report has always written it', () => {
    expect(stepText('tls.serverAlert', { alert: 'handshake failure', code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' })).toEqual({
      detail: 'The server turned down the TLS handshake with the alert “handshake failure” (ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE).',
      words: { id: 'stepDetails.tls.serverAlert', values: { alert: 'handshake failure', code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' } },
    });
    expect(stepText('smtp.refusedCommand', { command: 'MAIL FROM:<ann@example.test>' }).detail).toBe('The server refused MAIL FROM:<ann@example.test>.');
    expect(stepText('timeout.silentMaybeTls', { seconds: '2.5', protocol: 'IMAP', tlsPort: '993' }).detail).toBe(
      'No answer within 2.5 s: the server sent no IMAP greeting; the server may expect SSL/TLS from the first byte (as on port 993), or the port may belong to a service that waits for the client to speak first, such as a web server.',
    );
    // A server's words with braces and apostrophes are arguments: never read as ICU.
    expect(stepText('imap.brokeAfterSignIn', { error: "ECONNRESET: it's {gone}" }).detail).toBe("The server accepted the sign-in, then the connection broke off: ECONNRESET: it's {gone}");
    expect(stepTextAround('smtp.afterSignIn', stepText('smtp.closed421')).detail).toBe('The server accepted the sign-in, then: The server closed the session (421).');
    expect(stepTextAround('smtp.afterSignIn', { detail: 'ECONNRESET: read ECONNRESET' })).toEqual({
      detail: 'The server accepted the sign-in, then: ECONNRESET: read ECONNRESET',
      words: { id: 'stepDetails.smtp.afterSignIn', values: { detail: 'ECONNRESET: read ECONNRESET' } },
    });
  });

  it('counts messages with the plural of each language, the count travelling as a number', async () => {
    expect(stepText('passed.inbox', { count: 1 }).detail).toBe('INBOX opened: 1 message');
    const two = stepText('passed.inboxUtf8', { count: 2 });
    expect(two).toEqual({ detail: 'INBOX opened: 2 messages · UTF-8 addresses enabled (UTF8=ACCEPT)', words: { id: 'stepDetails.passed.inboxUtf8', values: {}, counts: { count: 2 } } });
    const russian = createTranslator('ru', await loadCatalogue('ru', englishShared), englishShared, { isolateArguments: true });
    expect(sayDetail(stepText('passed.stat', { count: 5, size: '1024' }).words, russian.text)).toBe('Почтовый ящик открыт (STAT): 5 писем, \u20681024\u2069 байт · ничего не загружено и не удалено');
  });

  it('says the greeting in English as before, and its stand-ins (no words, no list) in the language, protocol names as sent', async () => {
    const imap = stepText('greeting.imap', { said: 'no', identity: '', listed: 'yes', capabilities: 'IMAP4rev1 STARTTLS LOGINDISABLED', offer: 'loginDisabled', mechanisms: '' });
    expect(imap.detail).toBe('Server ready · capabilities: IMAP4rev1 STARTTLS LOGINDISABLED · sign-in methods: none on this connection (LOGINDISABLED)');
    const smtp = stepText('greeting.smtp', { said: 'yes', identity: 'mx.example.test ESMTP', listed: 'no', extensions: '', offer: 'none', mechanisms: '' });
    expect(smtp.detail).toBe('mx.example.test ESMTP · extensions: none · sign-in methods: none offered');
    const signedIn = stepText('passed.signedIn', { username: 'ann', mechanism: 'LOGIN', offer: 'loginOnly', mechanisms: '' });
    expect(signedIn.detail).toBe('Signed in as ann with LOGIN (offered: LOGIN command only)');
    expect(stepText('passed.statUncounted', { count: 'x', size: '?' }).detail).toBe('Mailbox opened (STAT): x messages, ? bytes · nothing downloaded or deleted');
    // In the app the arguments are set apart with isolation marks; a select's keyword must still choose its option.
    const german = createTranslator('de', await loadCatalogue('de', englishShared), englishShared, { isolateArguments: true });
    expect(sayDetail(imap.words, german.text)).toBe('Server bereit · Fähigkeiten: \u2068IMAP4rev1 STARTTLS LOGINDISABLED\u2069 · Anmeldeverfahren: keine auf dieser Verbindung (LOGINDISABLED)');
    expect(sayDetail(smtp.words, german.text)).toBe('\u2068mx.example.test ESMTP\u2069 · Erweiterungen: keine · Anmeldeverfahren: keine angeboten');
    expect(sayDetail(signedIn.words, german.text)).toBe('Angemeldet als \u2068ann\u2069 mit \u2068LOGIN\u2069 (angeboten: nur der Befehl LOGIN)');
  });

  for (const locale of availableLocales.filter((tag) => tag !== 'en')) {
    it(`every option of a detail's select is said in ${locale}, not left English`, async () => {
      const translator = createTranslator(locale, await loadCatalogue(locale, englishShared), englishShared, { isolateArguments: false });
      for (const id of detailIds) {
        for (const [, name, options = ''] of (englishShared[id] ?? '').matchAll(/\{(\w+), select, ((?:\w+ \{[^{}]*\} )*)other/g)) {
          for (const [, option] of options.matchAll(/(\w+) \{/g)) {
            const values = { ...sampleValues(id), ...sampleChoices(id), [name as string]: option as string };
            expect(translator.text(id, values), `${id} ${name}=${option}`).not.toBe(englishText(id, values));
          }
        }
      }
    });
  }

  for (const locale of availableLocales.filter((tag) => tag !== 'en')) {
    it(`every detail formats in ${locale} with all its arguments, and none is left English`, async () => {
      const catalogue = await loadCatalogue(locale, englishShared);
      const translator = createTranslator(locale, catalogue, englishShared, { isolateArguments: false });
      for (const id of detailIds) {
        const values = sampleValues(id);
        const said = translator.text(id, { ...values, ...sampleChoices(id) });
        for (const value of Object.values(values)) expect(said, id).toContain(typeof value === 'number' ? translator.intl.formatNumber(value) : value);
        expect(said.replace(/\[\w+\] it's \{x\}/g, ''), id).not.toMatch(/[{}]/);
        expect(said, id).not.toBe(englishText(id, { ...values, ...sampleChoices(id) }));
      }
    });
  }
});
