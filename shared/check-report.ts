// The Test Account Settings report: steps, TLS details and the one failure (contracts.md JSON).
import { z } from 'zod';
import { FailureCategorySchema } from './failure-category.ts';
import { DetailWordsSchema } from './messages/detail-words.ts';
import { FailureWordsSchema } from './messages/failure-words.ts';
import { IncomingProtocolSchema, SecuritySchema } from './server-settings.ts';

/** The incoming (IMAP or POP3) server's steps, in order (POP3's STAT is `inbox`). */
export const stepIds = ['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'inbox'] as const;
/** The outgoing (SMTP) server's steps, in order; `delivery` only when a test message is sent. */
export const outgoingStepIds = ['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'sender', 'delivery'] as const;
export const StepIdSchema = z.enum([...stepIds, 'sender', 'delivery']);
export type StepId = z.infer<typeof StepIdSchema>;

/** Which of an account's two servers a step, failure or transcript line belongs to. */
export const ServerRoleSchema = z.enum(['incoming', 'outgoing']);
export type ServerRole = z.infer<typeof ServerRoleSchema>;

export const StepStatusSchema = z.enum(['running', 'passed', 'failed', 'skipped']);
export type StepStatus = z.infer<typeof StepStatusSchema>;

/** One step as reported: how long it took and what a person should read about it. */
export const CheckStepSchema = z.object({
  id: StepIdSchema,
  status: StepStatusSchema,
  ms: z.number().nonnegative(),
  detail: z.string(),
  /** `detail` as a message id with its values, for the UI and the CLI to say in the user's language; never in `--json`. */
  words: DetailWordsSchema.optional(),
});
export type CheckStep = z.infer<typeof CheckStepSchema>;

export const CertificateInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string().optional(),
  validTo: z.string(),
  altNames: z.array(z.string()).optional(),
  fingerprint256: z.string(),
});
export type CertificateInfo = z.infer<typeof CertificateInfoSchema>;

export const TlsInfoSchema = z.object({
  protocol: z.string(),
  cipher: z.string(),
  certificate: CertificateInfoSchema,
  /** Set when the certificate was accepted only because the user pinned it. */
  pinned: z
    .object({ fingerprint256: z.string(), problem: z.string() })
    .optional(),
});
export type TlsInfo = z.infer<typeof TlsInfoSchema>;

export const FailureSchema = z.object({
  category: FailureCategorySchema,
  message: z.string(),
  advice: z.string(),
  serverText: z.string(),
  /** A provider page that helps (app passwords, OAuth2), when one is known. */
  helpUrl: z.string().optional(),
  /** For certificate failures: the certificate the server presented, so the user can decide. */
  certificate: CertificateInfoSchema.optional(),
  /** For certificate-changed: the fingerprint that was pinned before. */
  pinnedFingerprint256: z.string().optional(),
  /** Which server failed; set on the top-level failure of a report that tested outgoing mail too. */
  server: ServerRoleSchema.optional(),
  /** `message` and `advice` as message ids, for the UI and the CLI to say in the user's language; never in `--json`. */
  words: FailureWordsSchema.optional(),
});
export type Failure = z.infer<typeof FailureSchema>;

export const CheckedAccountSchema = z.object({
  email: z.string(),
  host: z.string(),
  port: z.number(),
  security: SecuritySchema,
  username: z.string(),
  /** Absent from reports made before POP3; every new report names it. */
  protocol: IncomingProtocolSchema.optional(),
});

/** The outgoing server as checked: the same fields as the incoming one, without the address. */
export const CheckedOutgoingSchema = CheckedAccountSchema.omit({ email: true, protocol: true });
export type CheckedOutgoing = z.infer<typeof CheckedOutgoingSchema>;

/** The outgoing (SMTP) half of a check (contracts.md `outgoing`). */
export const OutgoingReportSchema = z.object({
  account: CheckedOutgoingSchema,
  steps: z.array(CheckStepSchema),
  tls: TlsInfoSchema.optional(),
  failure: FailureSchema.nullable(),
});
export type OutgoingReport = z.infer<typeof OutgoingReportSchema>;

/** One line of the redacted protocol transcript (contracts.md `--transcript`). */
export const TranscriptLineSchema = z.object({
  ms: z.number().nonnegative(),
  server: ServerRoleSchema,
  from: z.enum(['client', 'server']),
  line: z.string(),
});
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;

/** The complete result of one check, exactly the shape `mail-setup check --json` prints. */
export const CheckReportSchema = z.object({
  ok: z.boolean(),
  account: CheckedAccountSchema,
  steps: z.array(CheckStepSchema),
  tls: TlsInfoSchema.optional(),
  failure: FailureSchema.nullable(),
  /** The outgoing server's half; null when it was not tested, absent from reports made before it existed. */
  outgoing: OutgoingReportSchema.nullable().optional(),
  /** The redacted protocol transcript, when asked for. */
  transcript: z.array(TranscriptLineSchema).optional(),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;

/** A step changing state while a check runs, streamed to the UI. */
export const CheckProgressSchema = z.object({
  checkId: z.string(),
  /** Absent means incoming, as before outgoing mail was checked. */
  server: ServerRoleSchema.optional(),
  step: CheckStepSchema,
});
export type CheckProgress = z.infer<typeof CheckProgressSchema>;
