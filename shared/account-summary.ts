// A saved account as the renderer and the CLI see it: settings and status, never the secret.
import { z } from 'zod';
import { FailureCategorySchema } from './failure-category.ts';
import { HandoffCopySchema } from './handoff-view.ts';
import { IncomingProtocolSchema, SecuritySchema } from './server-settings.ts';

export const AccountStatusSchema = z.enum(['ok', 'needs-password', 'needs-sign-in', 'failing', 'never-tested']);
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

/** A certificate the user chose to trust for one host and port. */
export const TrustedCertificateSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  fingerprint256: z.string(),
  /** Why it needed trusting (untrusted issuer, expired, other host name), shown as a warning. */
  problem: z.string(),
  trustedAt: z.string(),
});
export type TrustedCertificate = z.infer<typeof TrustedCertificateSchema>;

/** A saved account's outgoing server as shown: settings and its own status, never the secret. */
export const OutgoingSummarySchema = z.object({
  host: z.string(),
  port: z.number().int(),
  security: SecuritySchema,
  username: z.string(),
  /** True when the outgoing server signs in with the incoming password (one keychain item). */
  sharedPassword: z.boolean(),
  hasPassword: z.boolean(),
  status: AccountStatusSchema,
  lastFailureCategory: FailureCategorySchema.nullable(),
});
export type OutgoingSummary = z.infer<typeof OutgoingSummarySchema>;

export const AccountSummarySchema = z.object({
  email: z.string(),
  displayName: z.string(),
  host: z.string(),
  port: z.number().int(),
  security: SecuritySchema,
  username: z.string(),
  /** How mail is read from the incoming server (contracts.md: `accounts list --json` gives it). */
  protocol: IncomingProtocolSchema,
  authKind: z.enum(['password', 'oauth2']),
  allowInsecure: z.boolean(),
  hasPassword: z.boolean(),
  status: AccountStatusSchema,
  lastCheckedAt: z.string().nullable(),
  lastFailureCategory: FailureCategorySchema.nullable(),
  trustedCertificates: z.array(TrustedCertificateSchema),
  /** The outgoing server, or null when none is saved (sending will not work until one is). */
  outgoing: OutgoingSummarySchema.nullable().optional(),
  /** Copies the app handed to other programs ("Use in other apps"); absent: none. */
  copies: z.array(HandoffCopySchema).optional(),
});
export type AccountSummary = z.infer<typeof AccountSummarySchema>;
