// Unit tests of the accounts screen reducer: re-tests, password updates, removal.
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../shared/account-summary.ts';
import type { CheckReport } from '../../shared/check-report.ts';
import { accountsReducer, initialAccountsState, uiOf, type AccountsAction, type AccountsState } from './accounts-reducer.ts';

const account = (email: string, status: AccountSummary['status'] = 'ok'): AccountSummary => ({
  email,
  displayName: '',
  host: 'localhost',
  port: 993,
  security: 'tls',
  username: email,
  protocol: 'imap',
  authKind: 'password',
  allowInsecure: false,
  hasPassword: true,
  status,
  lastCheckedAt: null,
  lastFailureCategory: null,
  trustedCertificates: [],
});

const report = (ok: boolean): CheckReport => ({
  ok,
  account: { email: 'a@example.test', host: 'localhost', port: 993, security: 'tls', username: 'a@example.test' },
  steps: [],
  failure: ok ? null : { category: 'wrong-credentials', message: '', advice: '', serverText: '' },
});

const run = (state: AccountsState, ...actions: AccountsAction[]) => actions.reduce(accountsReducer, state);
const loaded = run(initialAccountsState, { type: 'loaded', accounts: [account('a@example.test'), account('b@example.test')] });

describe('accountsReducer', () => {
  it('sends a re-test failing with wrong-credentials straight to Update password', () => {
    const state = run(
      loaded,
      { type: 'run-started', email: 'a@example.test', checkId: 'c1', purpose: 'retest' },
      { type: 'run-finished', email: 'a@example.test', checkId: 'c1', result: { report: report(false), account: account('a@example.test', 'needs-password'), duplicateOf: null } },
    );
    expect(uiOf(state, 'a@example.test').mode).toBe('update-password');
    expect(state.accounts[0]?.status).toBe('needs-password');
  });

  it('routes progress to the account whose check it is', () => {
    const state = run(
      loaded,
      { type: 'run-started', email: 'a@example.test', checkId: 'c1', purpose: 'retest' },
      { type: 'run-started', email: 'b@example.test', checkId: 'c2', purpose: 'retest' },
      { type: 'progress', checkId: 'c2', step: { id: 'resolve', status: 'running', ms: 0, detail: '' } },
    );
    const a = uiOf(state, 'a@example.test').run;
    const b = uiOf(state, 'b@example.test').run;
    expect(a.phase === 'running' && Object.keys(a.steps.incoming)).toEqual([]);
    expect(b.phase === 'running' && Object.keys(b.steps.incoming)).toEqual(['resolve']);
  });

  it('clears the typed password after a successful update, and keeps the form after a failed one', () => {
    const typing = run(loaded, { type: 'mode-changed', email: 'a@example.test', mode: 'update-password' }, { type: 'password-changed', email: 'a@example.test', password: 'new' });
    const started = run(typing, { type: 'run-started', email: 'a@example.test', checkId: 'c1', purpose: 'set-password' });
    const failed = run(started, { type: 'run-finished', email: 'a@example.test', checkId: 'c1', result: { report: report(false), account: null, duplicateOf: null } });
    expect(uiOf(failed, 'a@example.test')).toMatchObject({ mode: 'update-password', message: { tone: 'warning' } });
    const passed = run(started, { type: 'run-finished', email: 'a@example.test', checkId: 'c1', result: { report: report(true), account: account('a@example.test'), duplicateOf: null } });
    expect(uiOf(passed, 'a@example.test')).toMatchObject({ mode: 'view', password: '', message: { tone: 'success' } });
  });

  it('shows both servers while an account with an outgoing server is re-tested, each step in its group', () => {
    const outgoing = { host: 'smtp.example.test', port: 587, security: 'starttls' as const, username: 'a', sharedPassword: true, hasPassword: true, status: 'ok' as const, lastFailureCategory: null };
    const withOutgoing = run(initialAccountsState, { type: 'loaded', accounts: [{ ...account('a@example.test'), outgoing }] });
    const state = run(
      withOutgoing,
      { type: 'run-started', email: 'a@example.test', checkId: 'c1', purpose: 'test-message' },
      { type: 'progress', checkId: 'c1', server: 'outgoing', step: { id: 'delivery', status: 'running', ms: 0, detail: '' } },
    );
    const current = uiOf(state, 'a@example.test').run;
    expect(current.phase === 'running' && current.scope).toEqual({ outgoing: true, testMessage: true });
    expect(current.phase === 'running' && Object.keys(current.steps.outgoing)).toEqual(['delivery']);
    // The report's own note tells how the test message went; no second message under it.
    const done = run(state, { type: 'run-finished', email: 'a@example.test', checkId: 'c1', result: { report: report(true), account: null, duplicateOf: null } });
    expect(uiOf(done, 'a@example.test')).toMatchObject({ message: null, run: { phase: 'finished' } });
  });

  it('removes an account and announces it', () => {
    const state = run(loaded, { type: 'removed', email: 'a@example.test' });
    expect(state.accounts.map((a) => a.email)).toEqual(['b@example.test']);
    expect(state.announcement).toBe('a@example.test was removed.');
  });
});
