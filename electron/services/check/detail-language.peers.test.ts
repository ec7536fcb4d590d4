// A step's technical detail carries its words: German under a German translator, English (and without them) in the JSON.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, CheckStep } from '../../../shared/check-report.ts';
import { loadCatalogue } from '../../../shared/i18n/catalogues.ts';
import { createTranslator, type Translator } from '../../../shared/i18n/translator.ts';
import { sayDetail } from '../../../shared/messages/detail-words.ts';
import { englishShared } from '../../../shared/messages/shared-catalogue.ts';
import { imapScript, ordinaryCapabilities } from '../../../e2e/fixtures/scripted-imap-peer.ts';
import { step } from './report-expectations.ts';
import { outgoingStep } from './smtp/outgoing-expectations.ts';
import { usePeerLab } from './test-support/peer-lab.ts';

const email = 'ann@example.test';
const password = 'correct horse';
const user = { email, password };
const lab = usePeerLab();
let german: Translator;

beforeAll(async () => {
  german = createTranslator('de', await loadCatalogue('de', englishShared), englishShared, { isolateArguments: false });
});

/** The step's detail as the app and the CLI say it in German. */
function inGerman(checked: CheckStep): string {
  expect(checked.words, `${checked.id} has no words`).toBeDefined();
  return checked.words ? sayDetail(checked.words, german.text) : checked.detail;
}

/** The report as `mail-setup check --json` prints it. */
function asJson(report: CheckReport): string {
  return JSON.stringify(report, (key, value: unknown) => (key === 'words' ? undefined : value), 2);
}

describe('the technical detail of a failed step', () => {
  it('an IMAP server that says BYE after the sign-in: German words, the English detail unchanged in JSON', async () => {
    const script = imapScript({ capabilities: ordinaryCapabilities, signIn: { kind: 'refuse', response: 'OK Logged in', after: ['* BYE Server shutting down.'], close: true } });
    const { report } = await lab.checkImapPeer(script, user);
    const inbox = step(report, 'inbox');
    expect(inbox).toMatchObject({ status: 'failed', detail: 'The server accepted the sign-in, then ended the session (BYE).' });
    expect(inGerman(inbox)).toBe('Der Server hat die Anmeldung angenommen und dann die Sitzung beendet (BYE).');
    // The JSON keeps the English detail, and nothing of the words.
    const json = asJson(report);
    expect(json).toContain('"detail": "The server accepted the sign-in, then ended the session (BYE)."');
    expect(json).not.toContain('stepDetails');
    expect((JSON.parse(json) as CheckReport).steps.map((entry) => Object.keys(entry))).toEqual(report.steps.map(() => ['id', 'status', 'ms', 'detail']));
  });

  it('an SMTP server that drops the line after the sign-in: the sentence around the socket error is German, the error code stays', async () => {
    const report = await lab.checkSmtpPeer({ afterAuth: 'drop' }, user);
    const sender = outgoingStep(report, 'sender');
    expect(sender.status).toBe('failed');
    expect(sender.detail).toMatch(/^The server accepted the sign-in, then: /);
    const said = inGerman(sender);
    expect(said).toMatch(/^Der Server hat die Anmeldung angenommen, dann: /);
    // What followed "then:" is the same protocol data in both, or its own German sentence.
    expect(said).not.toMatch(/The server/);
  });
});

describe('the technical detail of a passed greeting', () => {
  it('a server without words in its greeting and no SASL mechanism: the stand-ins are German, the capability names as sent', async () => {
    const script = imapScript({ capabilities: ['IMAP4rev1', 'LITERAL+', 'ID'], greeting: '', signIn: { kind: 'accept', user: email, password } });
    const { report } = await lab.checkImapPeer(script, user);
    expect(report.failure).toBeNull();
    const greeting = step(report, 'greeting');
    expect(greeting.detail).toBe('Server ready · capabilities: IMAP4rev1 LITERAL+ ID · sign-in methods: LOGIN command only');
    expect(inGerman(greeting)).toBe('Server bereit · Fähigkeiten: IMAP4rev1 LITERAL+ ID · Anmeldeverfahren: nur der Befehl LOGIN');
    expect(inGerman(step(report, 'authenticate'))).toBe(`Angemeldet als ${email} mit LOGIN (angeboten: nur der Befehl LOGIN)`);
    expect(asJson(report)).toContain('"detail": "Server ready · capabilities: IMAP4rev1 LITERAL+ ID · sign-in methods: LOGIN command only"');
  });
});
