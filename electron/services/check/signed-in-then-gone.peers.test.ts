// A server that accepts the sign-in and then goes away (BYE, a dropped line, garbage) is a server or connection problem, never a wrong password.
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../shared/check-report.ts';
import type { FailureCategory } from '../../../shared/failure-category.ts';
import type { Security } from '../../../shared/server-settings.ts';
import { imapScript, ordinaryCapabilities, type PeerScript } from '../../../e2e/fixtures/scripted-imap-peer.ts';
import type { SmtpBehaviour } from '../../../e2e/fixtures/scripted-smtp-peer.ts';
import { expectFailure, step } from './report-expectations.ts';
import { expectOutgoingFailure, outgoingStep } from './smtp/outgoing-expectations.ts';
import { usePeerLab } from './test-support/peer-lab.ts';

const email = 'ann@example.test';
const password = 'correct horse';
const lab = usePeerLab();

/** An IMAP server that answers the sign-in with OK, then does `after` (lines, then a close). */
function acceptThen(after: readonly string[], close: 'end' | 'drop'): PeerScript {
  const base = imapScript({ capabilities: [...ordinaryCapabilities, 'STARTTLS'], signIn: { kind: 'refuse', response: 'OK [CAPABILITY IMAP4rev1] Logged in', after, close: close === 'end' } });
  if (close === 'end') return base;
  // 'drop': the line goes dead right after the OK, without a goodbye.
  const signedIn = new Set<number>();
  return {
    ...base,
    onCommand(command, connection) {
      // Nothing more is answered; a moment after the OK (so that it arrives), the line dies.
      if (signedIn.has(connection.id)) return;
      base.onCommand?.(command, connection);
      if (command.name === 'AUTHENTICATE' || command.name === 'LOGIN') {
        signedIn.add(connection.id);
        setTimeout(() => connection.drop(), 30);
      }
    },
  };
}

async function checkImap(script: PeerScript, security: Security): Promise<CheckReport> {
  const { report, peer } = await lab.checkImapPeer(script, { email, password }, security);
  expect(peer.credentialReceived).toBe(true);
  return report;
}

const checkSmtp = (behaviour: SmtpBehaviour): Promise<CheckReport> => lab.checkSmtpPeer(behaviour, { email, password });

const imapCases: readonly (readonly [string, readonly string[], 'end' | 'drop', FailureCategory])[] = [
  ['says BYE', ['* BYE Server shutting down.'], 'end', 'server-unavailable'],
  ['closes the line', [], 'end', 'connection-lost'],
  ['drops the line', [], 'drop', 'connection-lost'],
  ['sends garbage, then closes', ['\u0001\u00ff#~ ]]] garbage'], 'end', 'connection-lost'],
];

describe('an IMAP server that accepts the sign-in, then', () => {
  for (const security of ['tls', 'starttls'] as const) {
    for (const [what, after, close, category] of imapCases) {
      it(`${what} (${security}): ${category} after a passed sign-in, never wrong-credentials`, async () => {
        const report = await checkImap(acceptThen(after, close), security);
        expectFailure(report, category, 'inbox');
        expect(step(report, 'authenticate').status).toBe('passed');
        // The server's OK is not quoted as its refusal.
        expect(report.failure?.serverText ?? '').not.toMatch(/Logged in/);
        expect(report.failure?.message).not.toMatch(/username or password/i);
        if (category === 'server-unavailable') expect(report.failure?.serverText).toBe('Server shutting down.');
      });
    }
  }
});

describe('an SMTP server that accepts the sign-in (235), then', () => {
  const garbage = Buffer.from([0x8f, 0x00, 0xfe, 0x41, 0x7f, 0x0d, 0x0a, 0xc3, 0x28, 0x0d, 0x0a]);
  const cases: readonly (readonly [string, SmtpBehaviour, readonly FailureCategory[]])[] = [
    ['drops the line', { afterAuth: 'drop' }, ['connection-lost']],
    ['sends garbage', { afterAuth: garbage }, ['protocol-error', 'connection-lost']],
    ['answers the envelope with garbage', { mailReply: '\u0001\u00ff garbage', rcptReply: '#~ more' }, ['protocol-error']],
  ];
  for (const [what, behaviour, categories] of cases) {
    it(`${what}: ${categories.join(' or ')} after a passed sign-in, never wrong-credentials`, async () => {
      const report = await checkSmtp(behaviour);
      expect(categories).toContain(report.failure?.category);
      expectOutgoingFailure(report, report.failure?.category ?? 'protocol-error', 'sender');
      expect(outgoingStep(report, 'authenticate').status).toBe('passed');
    });
  }

  it('a garbled answer to AUTH itself (no reply code) is protocol-error, not a refusal', async () => {
    const report = await checkSmtp({ authReply: '\u0001\u00ff#~ garbage' });
    expectOutgoingFailure(report, 'protocol-error', 'authenticate');
  });
});
