// The sentence for a provider that offers POP3 but not IMAP, shared by the curated and the generated data.

/** What a user of a POP3-only provider reads instead of server settings. */
export function pop3OnlyNote(name: string): string {
  return (
    `${name} offers POP3 only, not IMAP. POP3 downloads mail to one device instead of keeping every device in step, ` +
    `and Mail Setup sets up IMAP accounts only. Ask ${name} whether IMAP can be switched on, or use a mail app that supports POP3.`
  );
}
