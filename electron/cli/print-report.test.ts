// The human-readable report prints what servers send visibly escaped, never as terminal commands.
import { expect, it } from 'vitest';
import type { CheckReport } from '../../shared/check-report.ts';
import { formatReport } from './print-report.ts';

it('escapes control characters from the greeting and the NO text; only its own line breaks remain', () => {
  const hostile = '\u001b[2J\u001b]0;title\u0007\u001b]8;;https://evil.test\u001b\\link\u001b]8;;\u001b\\ ok\rNO\u0000 \xff';
  const report: CheckReport = {
    ok: false,
    account: { email: 'ann@example.test', host: 'imap.example.test', port: 143, security: 'starttls', username: 'ann@example.test' },
    steps: [
      { id: 'resolve', status: 'passed', ms: 1, detail: '127.0.0.1' },
      { id: 'greeting', status: 'passed', ms: 2, detail: `* OK ${hostile}` },
      { id: 'authenticate', status: 'failed', ms: 3, detail: 'The server refused the sign-in.' },
    ],
    failure: { category: 'wrong-credentials', message: 'Refused.', advice: 'Check the password.', serverText: `NO ${hostile}` },
  } as CheckReport;
  const text = formatReport(report);
  // eslint-disable-next-line no-control-regex -- proving there are none
  expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(text).toContain('The server said: NO \\e[2J\\e]0;title\\x07\\e]8;;https://evil.test\\e\\link\\e]8;;\\e\\ ok\\rNO\\0 ÿ');
});
