// The Test Account Settings report: steps, TLS details and the one failure (contracts.md JSON).
import { z } from 'zod';
import { FailureCategorySchema } from './failure-category.ts';
import { SecuritySchema } from './server-settings.ts';

export const stepIds = ['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'inbox'] as const;
export const StepIdSchema = z.enum(stepIds);
export type StepId = z.infer<typeof StepIdSchema>;

export const StepStatusSchema = z.enum(['running', 'passed', 'failed', 'skipped']);
export type StepStatus = z.infer<typeof StepStatusSchema>;

/** One step as reported: how long it took and what a person should read about it. */
export const CheckStepSchema = z.object({
  id: StepIdSchema,
  status: StepStatusSchema,
  ms: z.number().nonnegative(),
  detail: z.string(),
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
});
export type Failure = z.infer<typeof FailureSchema>;

export const CheckedAccountSchema = z.object({
  email: z.string(),
  host: z.string(),
  port: z.number(),
  security: SecuritySchema,
  username: z.string(),
});

/** The complete result of one check, exactly the shape `mail-setup check --json` prints. */
export const CheckReportSchema = z.object({
  ok: z.boolean(),
  account: CheckedAccountSchema,
  steps: z.array(CheckStepSchema),
  tls: TlsInfoSchema.optional(),
  failure: FailureSchema.nullable(),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;

/** A step changing state while a check runs, streamed to the UI. */
export const CheckProgressSchema = z.object({
  checkId: z.string(),
  step: CheckStepSchema,
});
export type CheckProgress = z.infer<typeof CheckProgressSchema>;
