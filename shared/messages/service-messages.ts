// English texts of the errors services report on purpose (ServiceError), said by id where a person reads them.
import { fillInEnglish } from '../i18n/fill-in-english.ts';
import type { MessageRef } from './failure-words.ts';
import { storageTexts } from './storage-messages.ts';

/** `serviceTexts.<id>` in the catalogue. */
export const serviceTexts = {
  noSavedAccount: 'No saved account {email}.',
  // "x" is not an email address, and why (one sentence: the two joined by a space).
  address: {
    notAddress: '{input} is not an email address:',
    notText: 'it is not text.',
    empty: 'it is empty.',
    tooLong: 'it is longer than 320 characters.',
    control: 'it contains control characters.',
    noAt: 'it has no "@".',
    nothingBefore: 'there is nothing before the "@".',
    noDomain: 'there is no domain after the "@".',
    forbidden: 'the part before the "@" contains a space or a character such as @ , ; < > ( ) [ ] or ".',
    localTooLong: 'the part before the "@" is longer than 64 bytes.',
    misplacedDot: 'the part before the "@" has a misplaced dot.',
    literal: 'address literals such as [192.0.2.1] are not supported.',
    badDomain: '{domain} is not a valid domain name.',
    noDot: 'the domain {domain} has no dot.',
    ipDomain: 'the domain is an IP address, not a name.',
  },
  // What became of a settings file this version could not use as it is.
  settings: {
    corrupt:
      // {reason} chooses the words for why; `other` is a field and what is wrong with it, as the schema says it.
      'The settings file could not be read ({reason, select, notJson {it is not valid JSON} notObject {it does not hold an object} badVersion {its schemaVersion is not a version number} noMigration {no migration to schema version {version}} migrationFailed {the migration to schema version {version} failed} schema {it does not match the settings schema} other {{why}}}). It was kept as {backupPath} and Mail Setup started with no saved accounts; their passwords were left in the keychain.',
    newer:
      'The settings file {path} was written by a newer version of Mail Setup (settings version {version}; this one knows up to {known}). It was left as it is: its accounts are listed, but adding, changing or removing one needs the newer version.',
    newerRefused:
      'The saved accounts in {path} are from a newer version of Mail Setup (settings version {version}), which this version can read but not change. Nothing was changed. Use the newer Mail Setup to add, change or remove accounts.',
    // Read without changing anything (export, token): the file is left for the app or `accounts list` to repair.
    readFailed: 'Could not read the settings file {path} ({code}).',
    newerReadOnly: 'The settings file {path} is from a newer Mail Setup (schema version {version}); update Mail Setup.',
    corruptReadOnly:
      'The settings file {path} cannot be read ({reason, select, notJson {it is not valid JSON} notObject {it does not hold an object} badVersion {its schemaVersion is not a version number} noMigration {no migration to schema version {version}} migrationFailed {the migration to schema version {version} failed} schema {it does not match the settings schema} other {{why}}}); open Mail Setup or run "mail-setup accounts list" to set it aside.',
  },
  storage: storageTexts,
  keychain: {
    missing:
      'No system keychain is running: Mail Setup found no Secret Service on the D-Bus session bus. Log in to a desktop session with GNOME Keyring or KWallet running (or start "gnome-keyring-daemon --start --components=secrets"), then try again.',
    locked:
      'The system keychain is locked and could not be unlocked (the unlock prompt was dismissed or could not be shown). Unlock your login keyring (for example in Passwords and Keys), then try again.',
    denied: 'The system keychain refused access (the prompt was denied, or the keychain is locked). Unlock your login keychain and choose Allow when Mail Setup asks, then try again.',
    timeout: 'The system keychain did not answer within {seconds} s (a password prompt may be waiting behind another window). Answer or unlock it, then try again.',
    refused: 'The system keychain refused the request. Mail Setup keeps passwords only in the keychain, never in a file: fix the keychain, then try again.',
    moduleMissing: 'The keychain module could not be loaded, so no password can be stored or read. Reinstall Mail Setup, then try again.',
    // What the keychain itself said, as it said it.
    systemSaid: '(The system said: {text})',
  },
} as const;

/** The English of one service text, its arguments filled in (these texts have selects, no plurals). */
function english(ref: MessageRef): string {
  const path = ref.id.replace(/^serviceTexts\./, '').split('.');
  const text = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], serviceTexts);
  return fillInEnglish(String(text), ref.values);
}

/** A message of one or more service texts, in English (`message`) and by id (`words`, joined by a space). */
export function serviceWords(...words: MessageRef[]): { message: string; words: MessageRef[] } {
  return { message: words.map(english).join(' '), words };
}
