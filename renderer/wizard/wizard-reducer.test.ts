// Unit tests of the wizard reducer: screen changes, discovery races, edits, checks and saving.
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../shared/account-summary.ts';
import type { CheckReport } from '../../shared/check-report.ts';
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import { canSave, initialWizardState, wizardReducer } from './wizard-reducer.ts';
import type { DetailsState, WizardAction, WizardState } from './wizard-state.ts';

const run = (state: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, state);

const gmail: DiscoveryResult = {
  source: 'bundled',
  imap: { host: 'imap.gmail.com', port: 993, security: 'tls', username: 'someone@gmail.com' },
  provider: { id: 'gmail', name: 'Gmail', auth: 'app-password', helpUrl: 'https://myaccount.google.com/apppasswords', appPasswordGroups: true },
};

function details(state: WizardState): DetailsState {
  if (state.step !== 'details') throw new Error(`expected details, got ${state.step}`);
  return state;
}

function report(ok: boolean, category?: 'wrong-credentials' | 'app-password-required'): CheckReport {
  return {
    ok,
    account: { email: 'a@example.test', host: 'localhost', port: 993, security: 'tls', username: 'a@example.test' },
    steps: [],
    failure: category ? { category, message: 'm', advice: 'a', serverText: 's', helpUrl: 'https://help.example.test/' } : null,
  };
}

const manual = () =>
  details(run(initialWizardState, { type: 'email-changed', email: ' a@example.test ' }, { type: 'email-submitted', discoveryId: 'd1' }, { type: 'manual-chosen' }));

describe('wizardReducer', () => {
  it('refuses Continue without a valid address and says why', () => {
    const empty = run(initialWizardState, { type: 'email-submitted', discoveryId: 'd1' });
    expect(empty).toMatchObject({ step: 'email', emailError: 'Enter your email address.' });
    const invalid = run(empty, { type: 'email-changed', email: 'not-an-address' });
    expect(invalid).toMatchObject({ step: 'email', emailError: 'Enter an email address like name@example.com.' });
    expect(run(invalid, { type: 'email-changed', email: 'a@example.test' })).toMatchObject({ emailError: null });
  });

  it('takes an address with non-ASCII letters on either side of the @ as typed; the servers decide', () => {
    for (const email of ['jürgen@bücher.de', 'jürgen@xn--bcher-kva.de', 'δοκιμή@παράδειγμα.δοκιμή', '用户@例子.广告']) {
      const state = run(initialWizardState, { type: 'email-changed', email }, { type: 'email-submitted', discoveryId: 'd1' });
      expect(state).toMatchObject({ step: 'discovering', identity: { email } });
    }
  });

  it('goes from the address to discovery, and ignores an answer for an older request', () => {
    const discovering = run(initialWizardState, { type: 'email-changed', email: 'someone@gmail.com' }, { type: 'email-submitted', discoveryId: 'd2' });
    expect(discovering).toMatchObject({ step: 'discovering', discoveryId: 'd2' });
    expect(run(discovering, { type: 'discovery-finished', discoveryId: 'd1', result: gmail })).toBe(discovering);
    const found = details(run(discovering, { type: 'discovery-finished', discoveryId: 'd2', result: gmail }));
    expect(found.origin).toBe('found');
    expect(found.form).toEqual({ protocol: 'imap', host: 'imap.gmail.com', port: '993', security: 'tls', username: 'someone@gmail.com', allowInsecure: false });
  });

  it('offers the manual form with the address as username when nothing is found', () => {
    const discovering = run(initialWizardState, { type: 'email-changed', email: 'a@example.test' }, { type: 'email-submitted', discoveryId: 'd1' });
    const none = details(run(discovering, { type: 'discovery-finished', discoveryId: 'd1', result: { source: 'none', imap: null, provider: null } }));
    expect(none.origin).toBe('none');
    expect(none.form).toMatchObject({ host: '', port: '993', security: 'tls', username: 'a@example.test' });
  });

  it('lets "Set up manually" win over a discovery answer that arrives later', () => {
    const state = manual();
    expect(state.origin).toBe('manual');
    expect(state.identity.email).toBe('a@example.test');
    expect(run(state, { type: 'discovery-finished', discoveryId: 'd1', result: gmail })).toBe(state);
  });

  it('moves the port with the security mode only when it was the usual port', () => {
    const starttls = details(run(manual(), { type: 'security-changed', security: 'starttls' }));
    expect(starttls.form.port).toBe('143');
    expect(starttls.portFollowed).toBe(true);
    const custom = details(run(manual(), { type: 'field-changed', field: 'port', value: '10993' }, { type: 'security-changed', security: 'starttls' }));
    expect(custom.form.port).toBe('10993');
    expect(custom.portFollowed).toBe(false);
  });

  it('removes the spaces of grouped app passwords and says so', () => {
    const discovering = run(initialWizardState, { type: 'email-changed', email: 'someone@gmail.com' }, { type: 'email-submitted', discoveryId: 'd1' });
    const found = run(discovering, { type: 'discovery-finished', discoveryId: 'd1', result: gmail });
    const typed = details(run(found, { type: 'password-changed', password: 'abcd efgh ijkl mnop' }));
    expect(typed.password).toBe('abcdefghijklmnop');
    expect(typed.spacesRemoved).toBe(true);
    expect(details(run(manual(), { type: 'password-changed', password: 'with space' })).password).toBe('with space');
  });

  it('streams progress of the current check only, and allows saving after a pass', () => {
    let state: WizardState = run(manual(), { type: 'field-changed', field: 'host', value: 'localhost' }, { type: 'password-changed', password: 'pw' });
    state = run(state, { type: 'check-started', checkId: 'c1', purpose: 'test' });
    state = run(state, { type: 'check-progress', checkId: 'c1', step: { id: 'resolve', status: 'running', ms: 0, detail: '' } });
    state = run(state, { type: 'check-progress', checkId: 'other', step: { id: 'connect', status: 'running', ms: 0, detail: '' } });
    const running = details(state).run;
    expect(running.phase === 'running' && Object.keys(running.steps.incoming)).toEqual(['resolve']);
    state = run(state, { type: 'check-finished', checkId: 'c1', report: report(true) });
    expect(canSave(details(state))).toBe(true);
    // An edit afterwards hides the report: it no longer describes what is on screen.
    const edited = details(run(state, { type: 'password-changed', password: 'pw2' }));
    expect(edited.run.phase).toBe('idle');
    expect(canSave(edited)).toBe(false);
  });

  it('marks a result stale when the form changed while the check ran', () => {
    let state: WizardState = run(manual(), { type: 'field-changed', field: 'host', value: 'localhost' }, { type: 'check-started', checkId: 'c1', purpose: 'test' });
    state = run(state, { type: 'field-changed', field: 'host', value: 'other' }, { type: 'check-finished', checkId: 'c1', report: report(true) });
    expect(details(state).run.phase).toBe('finished');
    expect(canSave(details(state))).toBe(false);
  });

  it('learns from an app-password-required failure', () => {
    const state = run(manual(), { type: 'check-started', checkId: 'c1', purpose: 'test' }, { type: 'check-finished', checkId: 'c1', report: report(false, 'app-password-required') });
    expect(details(state).learnedAppPassword).toEqual({ helpUrl: 'https://help.example.test/' });
  });

  it('ends a cancelled check as cancelled, and another error with its message', () => {
    const started = run(manual(), { type: 'check-started', checkId: 'c1', purpose: 'test' });
    expect(details(run(started, { type: 'check-failed', checkId: 'c1', code: 'cancelled', message: 'x' })).run).toEqual({ phase: 'cancelled' });
    expect(details(run(started, { type: 'check-failed', checkId: 'c1', code: 'internal', message: 'boom' })).run).toEqual({ phase: 'error', code: 'internal', message: 'boom' });
  });

  it('drops the password from state once the account is saved', () => {
    const account = { email: 'a@example.test' } as AccountSummary;
    let state: WizardState = run(manual(), { type: 'password-changed', password: 'secret' }, { type: 'check-started', checkId: 'c1', purpose: 'save' });
    state = run(state, { type: 'save-finished', checkId: 'c1', result: { report: report(true), account, duplicateOf: null } });
    expect(state).toEqual({ step: 'saved', account });
    expect(JSON.stringify(state)).not.toContain('secret');
  });

  it('keeps the form and names the duplicate when the account exists already', () => {
    let state: WizardState = run(manual(), { type: 'check-started', checkId: 'c1', purpose: 'save' });
    state = run(state, { type: 'save-finished', checkId: 'c1', result: { report: null, account: null, duplicateOf: 'b@example.test' } });
    expect(details(state)).toMatchObject({ duplicateOf: 'b@example.test', run: { phase: 'idle' } });
  });

  it('goes back from any step to the address, keeping what was typed', () => {
    expect(run(manual(), { type: 'back' })).toMatchObject({ step: 'email', identity: { email: 'a@example.test' } });
    expect(run(manual(), { type: 'restart' })).toBe(initialWizardState);
  });

  it('keeps the details screen for Continue after Back: nothing typed is lost, nothing looked up again', () => {
    let state: WizardState = run(manual(), { type: 'field-changed', field: 'host', value: 'localhost' }, { type: 'password-changed', password: 'pw' });
    state = run(state, { type: 'check-started', checkId: 'c1', purpose: 'test' }, { type: 'check-finished', checkId: 'c1', report: report(true) });
    state = run(state, { type: 'back' }, { type: 'email-submitted', discoveryId: 'd9' });
    expect(details(state)).toMatchObject({ form: { host: 'localhost' }, password: 'pw', run: { phase: 'finished' } });
    expect(canSave(details(state))).toBe(true);
  });

  it('asks before a new address discards what was entered for the old one', () => {
    let state: WizardState = run(manual(), { type: 'password-changed', password: 'pw' }, { type: 'back' }, { type: 'email-changed', email: 'b@example.test' });
    state = run(state, { type: 'email-submitted', discoveryId: 'd2' });
    expect(state).toMatchObject({ step: 'email', confirmDiscard: true });
    expect(details(run(state, { type: 'discard-declined' }))).toMatchObject({ identity: { email: 'a@example.test' }, password: 'pw' });
    expect(run(state, { type: 'discard-confirmed', discoveryId: 'd3' })).toMatchObject({ step: 'discovering', identity: { email: 'b@example.test' }, kept: null });
  });

  it('names a saved account on the first screen, whatever the case, and refuses an address without a dot', () => {
    const typed = (email: string) => run(initialWizardState, { type: 'email-changed', email }, { type: 'email-submitted', discoveryId: 'd1', savedEmails: ['alice@example.test'] });
    expect(typed('Alice@Example.TEST')).toMatchObject({ step: 'email', savedAs: 'alice@example.test' });
    expect(typed('alice@example')).toMatchObject({ step: 'email', emailError: expect.stringMatching(/needs a dot/) });
    expect(typed('bob@example.test')).toMatchObject({ step: 'discovering' });
  });

  it('shows a known provider as one line with the password first, and opens the form for a settings failure', () => {
    const discovering = run(initialWizardState, { type: 'email-changed', email: 'someone@gmail.com' }, { type: 'email-submitted', discoveryId: 'd1' });
    const found = details(run(discovering, { type: 'discovery-finished', discoveryId: 'd1', result: gmail }));
    expect(found.settingsOpen).toBe(false);
    expect(manual().settingsOpen).toBe(true);
    const failing = (category: 'tls-handshake-failed' | 'dns-not-found' | 'timeout') => ({ ...report(false), failure: { category, message: 'm', advice: 'a', serverText: '' } });
    const after = (category: 'tls-handshake-failed' | 'dns-not-found' | 'timeout') =>
      details(run(found, { type: 'check-started', checkId: 'c1', purpose: 'test' }, { type: 'check-finished', checkId: 'c1', report: failing(category) }));
    expect(after('tls-handshake-failed').settingsOpen).toBe(true);
    // The provider's own servers out of reach (offline): the network is the problem, the one line stays.
    expect(after('dns-not-found').settingsOpen).toBe(false);
    expect(after('timeout').settingsOpen).toBe(false);
    const refused = details(run(found, { type: 'check-started', checkId: 'c1', purpose: 'test' }, { type: 'check-finished', checkId: 'c1', report: report(false, 'wrong-credentials') }));
    expect(refused.settingsOpen).toBe(false);
  });

  it('tidies a pasted server at once, and typed text when the field is left', () => {
    const pasted = details(run(manual(), { type: 'field-changed', field: 'host', value: 'IMAP.example.test:143' }));
    expect(pasted.form).toMatchObject({ host: 'imap.example.test', port: '143' });
    expect(pasted.hostCleaned).toHaveLength(2);
    const typed = details(run(manual(), { type: 'field-changed', field: 'host', value: 'H' }));
    expect(typed.form.host).toBe('H');
    expect(details(run(typed, { type: 'host-cleaned' })).form.host).toBe('h');
  });
});
