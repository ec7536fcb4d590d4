// Turns a POP3 server's -ERR (to a sign-in, STAT or its greeting) into one failure, keeping its exact words.
import { stepText, type StepText } from '../../net/step-text.ts';
import { authResponsePatterns } from '../../../../shared/auth-response-patterns.ts';
import { pop3ResponseCodes, pop3ResponsePatterns } from '../../../../shared/pop3-response-patterns.ts';
import type { StepFailure } from '../../net/step-failure.ts';

/** The failure for a `-ERR` text (after `-ERR `); `fallback` where neither words nor code say more. */
export function classifyPop3Refusal(text: string, said: StepText, fallback: StepFailure['category'] = 'wrong-credentials'): StepFailure {
  const serverText = `-ERR ${text}`.trim().slice(0, 500);
  const known = pop3ResponsePatterns.find(({ pattern }) => pattern.test(text));
  if (known) {
    return {
      category: known.category,
      ...(known.enablePop ? stepText('pop3.popSwitchedOff') : said),
      serverText,
      ...(known.enablePop ? { advice: known.enablePop.advice, helpUrl: known.enablePop.helpUrl } : {}),
    };
  }
  // Texts both protocols share (app passwords, web sign-in needed), without the IMAP code in front.
  const shared = authResponsePatterns.find(({ pattern }) => pattern.test(text.replace(/^\[[^\]]*\]\s*/, '')));
  if (shared) return { category: shared.category, ...said, serverText };
  const code = /^\[([A-Z/-]+)/i.exec(text)?.[1]?.toUpperCase();
  const byCode = code ? pop3ResponseCodes[code] : undefined;
  return { category: byCode ?? fallback, ...said, serverText };
}
