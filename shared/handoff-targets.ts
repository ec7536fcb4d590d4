// The programs a saved account can be handed to ("Use in other apps", `mail-setup export --to`), and the export's shape.
import { z } from 'zod';
import { EmailSchema } from './server-settings.ts';

/** Every hand-off target, in the order the CLI lists them (contracts.md "Hand-off"). */
export const handoffTargets = ['thunderbird-mobile', 'apple', 'gnome', 'msmtp', 'mbsync', 'aerc', 'neomutt', 'autoconfig'] as const;
export const HandoffTargetSchema = z.enum(handoffTargets);
export type HandoffTarget = z.infer<typeof HandoffTargetSchema>;

/** Targets whose export is a file (text or QR payload); `gnome` acts on the desktop instead. */
export type HandoffFileTarget = Exclude<HandoffTarget, 'gnome'>;

/** The only targets that may carry the password, and only when the user asks (`--include-password`). */
export const passwordCarryingTargets: readonly HandoffTarget[] = ['thunderbird-mobile', 'apple'];

/** Asks for one account's export. */
export const HandoffExportRequestSchema = z.object({
  email: EmailSchema,
  target: HandoffTargetSchema,
  /** Put the saved password into the export (QR code and Apple profile only; off by default). */
  includePassword: z.boolean().default(false),
});
export type HandoffExportRequest = z.input<typeof HandoffExportRequestSchema>;

const common = {
  /** A file name to suggest when saving, e.g. `alice@example.com.mobileconfig`. */
  fileName: z.string(),
  mediaType: z.string(),
  /** True when the password is in `text` (and the QR code): say so, and treat it as a secret. */
  containsPassword: z.boolean(),
  /** Plain sentences the user should read: version traps, what the other program will ask. */
  notes: z.array(z.string()),
};

/** A configuration file or snippet, ready to save or copy. */
export const TextExportSchema = z.object({ kind: z.literal('text'), target: HandoffTargetSchema, text: z.string(), ...common });

/**
 * Thunderbird's "Export for Mobile" QR code: `payload` is the format-v1 array, `text` its JSON
 * (what the code holds), `svg` the code as an image (dark on light, quiet zone, error correction L).
 */
export const QrExportSchema = z.object({
  kind: z.literal('qr'),
  target: z.literal('thunderbird-mobile'),
  payload: z.array(z.unknown()),
  text: z.string(),
  svg: z.string(),
  ...common,
});

/** What GNOME Online Accounts holds after the hand-off, as read back from it (never the password). */
export const GnomeRegistrationSchema = z.object({
  email: z.string(),
  /** GOA's account id and object path (`/org/gnome/OnlineAccounts/Accounts/<id>`). */
  accountId: z.string(),
  objectPath: z.string(),
  /** True when GOA's existing account for the address was updated instead of a new one added. */
  updated: z.boolean(),
  imapHost: z.string(),
  imapUserName: z.string(),
  smtpHost: z.string().nullable(),
  smtpUserName: z.string().nullable(),
  /** GOA answered GetPassword with the saved password for each server. */
  passwordsVerified: z.literal(true),
});
export type GnomeRegistration = z.infer<typeof GnomeRegistrationSchema>;

/** The account registered with GNOME Online Accounts (Evolution, Geary and GNOME apps pick it up). */
export const GnomeExportSchema = z.object({ kind: z.literal('gnome'), target: z.literal('gnome'), registration: GnomeRegistrationSchema, notes: z.array(z.string()) });

export const HandoffExportSchema = z.discriminatedUnion('kind', [TextExportSchema, QrExportSchema, GnomeExportSchema]);
export type HandoffExport = z.infer<typeof HandoffExportSchema>;
export type TextExport = z.infer<typeof TextExportSchema>;
export type QrExport = z.infer<typeof QrExportSchema>;
export type GnomeExport = z.infer<typeof GnomeExportSchema>;
