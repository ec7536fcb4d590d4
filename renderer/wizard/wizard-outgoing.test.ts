// Unit tests of the wizard's outgoing server: filling from discovery, edits, passwords and the Save rule.
import { describe, expect, it } from 'vitest';
import type { CheckReport, CheckStep, Failure } from '../../shared/check-report.ts';
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import { toOutgoingSettings, validateOutgoing } from './outgoing-form.ts';
import { canSave, initialWizardState, wizardReducer } from './wizard-reducer.ts';
import type { DetailsState, WizardAction, WizardState } from './wizard-state.ts';

const run = (state: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, state);

function details(state: WizardState): DetailsState {
  if (state.step !== 'details') throw new Error(`expected details, got ${state.step}`);
  return state;
}

function discovered(result: DiscoveryResult, email = 'a@example.test'): DetailsState {
  return details(
    run(initialWizardState, { type: 'email-changed', email }, { type: 'email-submitted', discoveryId: 'd1' }, { type: 'discovery-finished', discoveryId: 'd1', result }),
  );
}

const imap = { host: 'mail.example.test', port: 993, security: 'tls' as const, username: 'a@example.test' };
const smtp = { host: 'mail.example.test', port: 587, security: 'starttls' as const, username: 'a@example.test' };
const step = (id: CheckStep['id'], status: CheckStep['status'] = 'passed'): CheckStep => ({ id, status, ms: 1, detail: '' });
const failure = (category: Failure['category']): Failure => ({ category, message: 'm', advice: 'a', serverText: '', server: 'outgoing' });

function report(outgoing: 'passed' | Failure['category'] | 'absent'): CheckReport {
  const outgoingFailure = outgoing === 'passed' || outgoing === 'absent' ? null : failure(outgoing);
  return {
    ok: outgoingFailure === null,
    account: { email: 'a@example.test', ...imap },
    steps: [step('resolve')],
    failure: outgoingFailure,
    ...(outgoing === 'absent' ? {} : { outgoing: { account: smtp, steps: [step('resolve')], failure: outgoingFailure } }),
  };
}

/** Runs a test on the screen as it is and finishes it with `result`. */
function tested(state: DetailsState, result: CheckReport, purpose: 'test' | 'message' = 'test'): DetailsState {
  return details(
    run(
      state,
      { type: 'check-started', checkId: 'c1', purpose, scope: { outgoing: true, testMessage: purpose === 'message' } },
      { type: 'check-finished', checkId: 'c1', report: result },
    ),
  );
}

const withPassword = (state: DetailsState) => details(run(state, { type: 'password-changed', password: 'secret' }));

describe('the outgoing server in the wizard', () => {
  it('shows a known provider’s outgoing server without asking, and asks for one found elsewhere', () => {
    const known = discovered({ source: 'bundled', imap, smtp, provider: { name: 'Example Mail', auth: 'password', helpUrl: null } });
    expect(known.outgoing).toMatchObject({ collapsed: true, samePassword: true, form: { host: 'mail.example.test', port: '587', security: 'starttls' } });
    const autoconfig = discovered({ source: 'autoconfig', imap, smtp, provider: null });
    expect(autoconfig.outgoing.collapsed).toBe(false);
    expect(autoconfig.outgoing.form.host).toBe('mail.example.test');
    expect(details(run(known, { type: 'outgoing-expanded' })).outgoing.collapsed).toBe(false);
    expect(details(run(known, { type: 'settings-opened' })).outgoing.collapsed).toBe(false);
  });

  it('leaves the outgoing server empty when discovery found none, so nothing is sent for it', () => {
    const none = discovered({ source: 'autoconfig', imap, smtp: null, provider: null });
    expect(none.outgoing.form).toEqual({ host: '', port: '587', security: 'starttls', username: 'a@example.test' });
    expect(toOutgoingSettings(none.outgoing.form)).toBeNull();
    expect(validateOutgoing(none.outgoing.form)).toEqual({});
  });

  it('validates the outgoing fields once a server is typed, in words that name the outgoing server', () => {
    expect(validateOutgoing({ host: 'https://smtp.example.test/', port: '70000', security: 'tls', username: '' })).toEqual({
      host: 'A server name has no spaces, “https://” or slashes, for example smtp.example.com.',
      port: 'Enter a port number from 1 to 65535 (usually 587 or 465).',
      username: 'Enter the username; it is usually the same as for incoming mail.',
    });
    expect(toOutgoingSettings({ host: ' smtp.example.test ', port: '465', security: 'tls', username: 'u' })).toEqual({ host: 'smtp.example.test', port: 465, security: 'tls', username: 'u' });
    expect(toOutgoingSettings({ host: 'smtp.example.test', port: 'x', security: 'tls', username: 'u' })).toBeUndefined();
  });

  it('moves the outgoing port with its security when it was the usual one', () => {
    const state = discovered({ source: 'autoconfig', imap, smtp, provider: null });
    const tls = details(run(state, { type: 'outgoing-security-changed', security: 'tls' }));
    expect(tls.outgoing).toMatchObject({ portFollowed: true, form: { port: '465', security: 'tls' } });
    const typed = details(run(state, { type: 'outgoing-field-changed', field: 'port', value: '2525' }, { type: 'outgoing-security-changed', security: 'tls' }));
    expect(typed.outgoing.form.port).toBe('2525');
  });

  it('keeps the outgoing username in step with the incoming one until it is edited on its own', () => {
    const state = discovered({ source: 'autoconfig', imap, smtp, provider: null });
    const followed = details(run(state, { type: 'field-changed', field: 'username', value: 'alice' }));
    expect(followed.outgoing.form.username).toBe('alice');
    const own = details(run(state, { type: 'outgoing-field-changed', field: 'username', value: 'smtp-user' }, { type: 'field-changed', field: 'username', value: 'alice' }));
    expect(own.outgoing.form.username).toBe('smtp-user');
  });

  it('allows Save only when both servers passed for exactly what is on screen', () => {
    const state = withPassword(discovered({ source: 'autoconfig', imap, smtp, provider: null }));
    expect(canSave(tested(state, report('passed')))).toBe(true);
    expect(canSave(tested(state, report('app-password-required')))).toBe(false);
    // A backend that did not test the outgoing server proves nothing about it.
    expect(canSave(tested(state, report('absent')))).toBe(false);
    // A test message that is merely late does not undo two passing servers.
    expect(canSave(tested(state, report('delivery-delayed'), 'message'))).toBe(true);
    // Any outgoing edit, or the outgoing password, makes the result stale.
    const passed = tested(state, report('passed'));
    expect(canSave(details(run(passed, { type: 'outgoing-field-changed', field: 'port', value: '465' })))).toBe(false);
    expect(canSave(details(run(passed, { type: 'outgoing-same-password-changed', same: false })))).toBe(false);
  });

  it('offers Save when the outgoing server only refused for now (a 4xx), to re-test it later', () => {
    const state = withPassword(discovered({ source: 'autoconfig', imap, smtp, provider: null }));
    expect(canSave(tested(state, report('server-unavailable')))).toBe(true);
    expect(canSave(tested(state, report('sender-rejected')))).toBe(false);
  });

  it('brings the passed test and Save back when the optional test message is cancelled', () => {
    const passed = tested(withPassword(discovered({ source: 'autoconfig', imap, smtp, provider: null })), report('passed'));
    const sending = details(run(passed, { type: 'check-started', checkId: 'c2', purpose: 'message', scope: { outgoing: true, testMessage: true } }));
    expect(canSave(sending)).toBe(false);
    const cancelled = details(run(sending, { type: 'check-failed', checkId: 'c2', code: 'cancelled', message: 'cancelled' }));
    expect(cancelled.run).toBe(passed.run);
    expect(canSave(cancelled)).toBe(true);
    // A plain test that is cancelled has nothing to come back to.
    const testing = details(run(passed, { type: 'check-started', checkId: 'c3', purpose: 'test' }));
    expect(details(run(testing, { type: 'check-failed', checkId: 'c3', code: 'cancelled', message: 'cancelled' })).run.phase).toBe('cancelled');
  });

  it('asks before saving without an outgoing server, and forgets the question after an edit', () => {
    const state = withPassword(discovered({ source: 'autoconfig', imap, smtp: null, provider: null }));
    const passed = tested(state, report('absent'));
    expect(canSave(passed)).toBe(true);
    const asking = details(run(passed, { type: 'no-outgoing-confirmation', open: true }));
    expect(asking.confirmingNoOutgoing).toBe(true);
    expect(details(run(asking, { type: 'outgoing-field-changed', field: 'host', value: 'smtp.example.test' })).confirmingNoOutgoing).toBe(false);
  });

  it('streams each server’s steps into its own group', () => {
    const state = withPassword(discovered({ source: 'autoconfig', imap, smtp, provider: null }));
    const running = details(
      run(
        state,
        { type: 'check-started', checkId: 'c1', purpose: 'test', scope: { outgoing: true, testMessage: false } },
        { type: 'check-progress', checkId: 'c1', step: step('connect', 'running') },
        { type: 'check-progress', checkId: 'c1', server: 'outgoing', step: step('authenticate', 'running') },
      ),
    );
    expect(running.run.phase === 'running' && running.run.steps).toEqual({ incoming: { connect: step('connect', 'running') }, outgoing: { authenticate: step('authenticate', 'running') } });
  });
});
