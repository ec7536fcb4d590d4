// Unit tests of the report grouped by server: rows in contract order, each failure under its server.
import { describe, expect, it } from 'vitest';
import type { CheckReport, CheckStep } from '../../shared/check-report.ts';
import { failedOnCertificate, failedStep, finishRun, serverSections, startRun } from './check-run.ts';

const step = (id: CheckStep['id'], status: CheckStep['status'] = 'passed'): CheckStep => ({ id, status, ms: 1, detail: '' });
const account = { host: 'smtp.example.test', port: 587, security: 'starttls' as const, username: 'a' };

describe('serverSections', () => {
  it('shows both servers while running, with the delivery row only for a test message', () => {
    const ids = (testMessage: boolean) => serverSections(startRun('c', { outgoing: true, testMessage })).map((section) => [section.server, section.rows.map((row) => row.id)]);
    expect(ids(false)).toEqual([
      ['incoming', ['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'inbox']],
      ['outgoing', ['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'sender']],
    ]);
    expect(ids(true)[1]?.[1]).toContain('delivery');
    expect(serverSections(startRun('c')).map((section) => section.server)).toEqual(['incoming']);
  });

  it('puts an outgoing failure under the outgoing server, not the incoming one', () => {
    const failure = { category: 'app-password-required' as const, message: 'm', advice: 'a', serverText: '', server: 'outgoing' as const };
    const report: CheckReport = {
      ok: false,
      account: { email: 'a@example.test', host: 'imap.example.test', port: 993, security: 'tls', username: 'a' },
      steps: [step('resolve'), step('inbox')],
      failure,
      outgoing: { account, steps: [step('resolve'), step('authenticate', 'failed'), step('sender', 'skipped')], failure },
    };
    const run = finishRun(startRun('c', { outgoing: true, testMessage: false }), 'c', report);
    const [incoming, outgoing] = serverSections(run);
    expect(incoming?.failure).toBeNull();
    expect(outgoing).toMatchObject({ server: 'outgoing', address: 'smtp.example.test:587', failure });
    expect(outgoing?.rows.find((row) => row.id === 'authenticate')?.step?.status).toBe('failed');
    expect(failedStep(run)).toEqual({ server: 'outgoing', id: 'authenticate' });
  });
});

describe('failedOnCertificate', () => {
  const certificate = { subject: 'CN=localhost', issuer: 'CN=localhost', validTo: '', fingerprint256: 'AA:BB' };
  const untrusted = (server: 'incoming' | 'outgoing') => ({ category: 'certificate-untrusted' as const, message: 'm', advice: 'a', serverText: '', certificate, server });
  const finished = (incoming: boolean, outgoing: boolean) =>
    finishRun(startRun('c', { outgoing: true, testMessage: false }), 'c', {
      ok: false,
      account: { email: 'a@example.test', host: 'localhost', port: 993, security: 'tls', username: 'a' },
      steps: [step('tls', incoming ? 'failed' : 'passed')],
      failure: incoming ? untrusted('incoming') : outgoing ? untrusted('outgoing') : null,
      outgoing: { account, steps: [step('tls', outgoing ? 'failed' : 'passed')], failure: outgoing ? untrusted('outgoing') : null },
    });

  it('names every server that failed on that very certificate, and none for another one', () => {
    expect(failedOnCertificate(finished(true, true), 'AA:BB')).toEqual(['incoming', 'outgoing']);
    expect(failedOnCertificate(finished(false, true), 'AA:BB')).toEqual(['outgoing']);
    expect(failedOnCertificate(finished(true, false), 'AA:BB')).toEqual(['incoming']);
    expect(failedOnCertificate(finished(true, true), 'CC:DD')).toEqual([]);
    expect(failedOnCertificate(startRun('c'), 'AA:BB')).toEqual([]);
  });
});
