// Why handing an account to GNOME Online Accounts did not work, as one plain sentence with a kind the callers act on.

/** `unavailable`: no session bus, no GOA or its IMAP provider; `cannot-express`: GOA cannot hold this account; `failed`: GOA refused or lost it. */
export type GnomeErrorKind = 'unavailable' | 'cannot-express' | 'failed';

/** An error whose message can be shown to the user as it is (it never carries a password). */
export class GnomeExportError extends Error {
  readonly kind: GnomeErrorKind;

  constructor(kind: GnomeErrorKind, message: string) {
    super(message);
    this.name = 'GnomeExportError';
    this.kind = kind;
  }
}
