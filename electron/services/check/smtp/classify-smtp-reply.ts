// Turns an SMTP server's refusal into one failure category, keeping its exact words.
import { authResponsePatterns } from '../../../../shared/auth-response-patterns.ts';
import type { FailureCategory } from '../../../../shared/failure-category.ts';
import { smtpResponsePatterns } from '../../../../shared/smtp-response-patterns.ts';
import { joinReply, replyCode } from './smtp-reply.ts';

function byPattern(text: string): FailureCategory | undefined {
  // Provider texts beat codes: Gmail's app-password text comes as 534, Microsoft's tenant switch as 535.
  for (const { category, pattern } of smtpResponsePatterns) if (pattern.test(text)) return category;
  const words = text.replace(/^\d{3} (\d\.\d{1,3}\.\d{1,3} )?/, '');
  for (const { category, pattern } of authResponsePatterns) if (pattern.test(words)) return category;
  return undefined;
}

/** The category for a refused AUTH (`535 5.7.8 Authentication failed.`, Gmail's 534, Microsoft's 535 5.7.139 …). */
export function classifySignInReply(reply: string): FailureCategory {
  const text = joinReply(reply);
  const known = byPattern(text);
  if (known && known !== 'sender-rejected') return known;
  const code = replyCode(reply);
  // Only a 5xx says no to the credential (535 above all); a line without a code is garbage, not a refusal.
  if (code < 400) return 'protocol-error';
  if (code === 421 || (code >= 400 && code < 500)) return 'server-unavailable';
  if (code === 530 || code === 538) return 'encryption-required';
  if (code === 504) return 'protocol-error';
  return 'wrong-credentials';
}

/** The category for a refused MAIL FROM, RCPT TO or RSET. */
export function classifySenderReply(reply: string): FailureCategory {
  const text = joinReply(reply);
  const known = byPattern(text);
  if (known === 'encryption-required' || known === 'sender-rejected' || known === 'server-unavailable') return known;
  const code = replyCode(reply);
  if (code >= 400 && code < 500) return 'server-unavailable';
  if (code >= 500) return 'sender-rejected';
  return 'protocol-error';
}
