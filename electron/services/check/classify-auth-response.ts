// Turns the server's answer to a sign-in into one failure category, keeping its exact words.
import { authResponseCodes, authResponsePatterns } from '../../../shared/auth-response-patterns.ts';
import type { FailureCategory } from '../../../shared/failure-category.ts';

/** The category for a tagged `NO`/`BAD` answer (an `OK` is no refusal: `protocol-error` if asked) such as `NO [AUTHENTICATIONFAILED] Authentication failed.` */
export function classifyAuthResponse(response: string): FailureCategory {
  const status = /^(OK|NO|BAD)\b/i.exec(response)?.[1]?.toUpperCase();
  const text = response.replace(/^(NO|BAD|OK)\s*/i, '');
  // Provider texts beat the generic code: Gmail sends its app-password text under [ALERT] and
  // others under [AUTHENTICATIONFAILED], and the text is what tells the user what to do.
  for (const { category, pattern } of authResponsePatterns) {
    if (pattern.test(text)) return category;
  }
  const code = /^\[([A-Z-]+)/i.exec(text)?.[1]?.toUpperCase();
  const byCode = code ? authResponseCodes[code] : undefined;
  if (byCode) return byCode;
  // Only a NO is a refusal of the credential; an OK or a line that is neither says nothing about it.
  return status === 'NO' ? 'wrong-credentials' : 'protocol-error';
}
