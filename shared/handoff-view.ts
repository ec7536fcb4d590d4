// What the renderer's "Use in other apps" dialog gets from main: the targets offered here and each export as shown.
import { z } from 'zod';
import { EmailSchema } from './server-settings.ts';
import { GnomeRegistrationSchema, HandoffTargetSchema } from './handoff-targets.ts';

/** The targets this computer offers (GNOME only where GOA and its IMAP provider are on the session bus). */
export const HandoffOptionsSchema = z.object({
  targets: z.array(HandoffTargetSchema),
  /** True in the desktop app, where main saves a file through the system's save dialog; the harness offers a download link instead. */
  saveDialog: z.boolean(),
});
export type HandoffOptions = z.infer<typeof HandoffOptionsSchema>;

/** Asks main for one account's export; the password only ever goes into the QR code, and only when ticked. */
export const HandoffViewRequestSchema = z.object({
  email: EmailSchema,
  target: HandoffTargetSchema,
  includePassword: z.boolean().default(false),
});

/**
 * One export as the dialog shows it. The QR code arrives as an image only: its text (which holds
 * the password when ticked) stays in main. A file's text never holds a password here.
 */
export const HandoffViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('qr'), target: z.literal('thunderbird-mobile'), imageDataUrl: z.string().startsWith('data:image/svg+xml;base64,'), containsPassword: z.boolean() }),
  z.object({ kind: z.literal('text'), target: HandoffTargetSchema, fileName: z.string(), mediaType: z.string(), text: z.string() }),
  z.object({ kind: z.literal('gnome'), target: z.literal('gnome'), registration: GnomeRegistrationSchema }),
]);
export type HandoffView = z.infer<typeof HandoffViewSchema>;

/** Saves one file export through the system's save dialog (desktop app only). */
export const HandoffSaveRequestSchema = z.object({ email: EmailSchema, target: HandoffTargetSchema.exclude(['thunderbird-mobile', 'gnome']) });
