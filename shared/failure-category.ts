// The stable failure categories of a Test Account Settings check (contracts.md).
import { z } from 'zod';

/** Every category a failed check can end in, in the order contracts.md lists them. */
export const failureCategories = [
  'dns-not-found',
  'connection-refused',
  'timeout',
  'connection-lost',
  'not-imap',
  'not-smtp',
  'not-pop3',
  'tls-handshake-failed',
  'certificate-untrusted',
  'certificate-expired',
  'certificate-hostname-mismatch',
  'certificate-changed',
  'starttls-unavailable',
  'encryption-required',
  'wrong-credentials',
  'app-password-required',
  'oauth-required',
  'auth-disabled',
  'smtp-auth-unavailable',
  'sender-rejected',
  'password-expired',
  'account-blocked',
  'server-unavailable',
  'mailbox-unavailable',
  'delivery-delayed',
  'protocol-error',
] as const;

export const FailureCategorySchema = z.enum(failureCategories);
/** One failure category identifier. */
export type FailureCategory = z.infer<typeof FailureCategorySchema>;

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
