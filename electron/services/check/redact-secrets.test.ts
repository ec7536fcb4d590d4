// No form of the secret survives in a report, even when a server repeats it.
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../shared/check-report.ts';
import type { CheckInput } from './check-input.ts';
import { redactReport, secretForms } from './redact-secrets.ts';

const password = 'Tr0ub4dor&3 "quoted" \\';
const input: CheckInput = {
  settings: { email: 'ann@example.test', host: 'imap.example.test', port: 993, security: 'tls', username: 'ann@example.test' },
  credential: { kind: 'password', password },
  allowInsecure: false,
  timeoutMs: 1000,
};
const plainBase64 = Buffer.from(`\0ann@example.test\0${password}`).toString('base64');

describe('redactReport', () => {
  it('replaces the password, its quoted form and its SASL base64 everywhere', () => {
    const report: CheckReport = {
      ok: false,
      account: { email: 'ann@example.test', host: 'imap.example.test', port: 993, security: 'tls', username: 'ann@example.test' },
      steps: [{ id: 'authenticate', status: 'failed', ms: 1, detail: `echo ${plainBase64}` }],
      failure: {
        category: 'wrong-credentials',
        message: 'm',
        advice: 'a',
        serverText: `NO bad password "${password.replace(/[\\"]/g, (c) => `\\${c}`)}" or ${password} or ${Buffer.from(password).toString('base64')}`,
      },
    };
    const text = JSON.stringify(redactReport(report, secretForms(input)));
    for (const form of [password, plainBase64, Buffer.from(password).toString('base64')]) expect(text).not.toContain(JSON.stringify(form).slice(1, -1));
    expect(text).toContain('[hidden]');
  });

  it('leaves very short secrets alone rather than blanking ordinary words', () => {
    expect(secretForms({ ...input, credential: { kind: 'password', password: 'a' } })).not.toContain('a');
  });
});
