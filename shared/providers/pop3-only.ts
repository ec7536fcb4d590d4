// The plain sentences about POP3, shared by the curated and the generated provider data and the UI.

/** The difference between the two incoming protocols, in one sentence. */
export const pop3Difference = 'POP3 downloads your mail to this one device; IMAP keeps it in sync on every device.';

/** What a user of a POP3-only provider reads beside the POP3 settings. */
export function pop3OnlyNote(name: string): string {
  return `${name} offers POP3, not IMAP: ${pop3Difference}`;
}
