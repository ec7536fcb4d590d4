// What the renderer's "Use in other apps" dialog gets from main: the targets offered here and each export as shown.
import { z } from 'zod';
import { EmailSchema } from './server-settings.ts';
import { GnomeRegistrationSchema, HandoffTargetSchema } from './handoff-targets.ts';

/**
 * Copies of an account the app handed to programs that keep their own settings and password: the
 * GNOME copy Mail Setup can update and remove, the phone's and Apple Mail's it cannot reach.
 */
export const handoffCopies = ['gnome', 'thunderbird-mobile', 'apple'] as const;
export const HandoffCopySchema = z.enum(handoffCopies);
export type HandoffCopy = z.infer<typeof HandoffCopySchema>;

/** What became of the copies after a password change: GNOME's updated (or why not), the others to change by hand. */
export const CopiesOutcomeSchema = z.object({
  updated: z.array(HandoffCopySchema),
  failed: z.array(z.object({ copy: HandoffCopySchema, message: z.string() })),
  unreachable: z.array(HandoffCopySchema),
});
export type CopiesOutcome = z.infer<typeof CopiesOutcomeSchema>;

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
