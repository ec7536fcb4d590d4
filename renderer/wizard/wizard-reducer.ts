// The wizard as a pure reducer: every screen change and edit is an action, side effects live elsewhere.
import { EmailSchema } from '../../shared/server-settings.ts';
import { assertNever } from '../../shared/failure-category.ts';
import { messages } from '../messages/en.ts';
import { applyProgress, failRun, finishRun, idleRun, outgoingPassed, serversPassed, startRun } from '../report/check-run.ts';
import { outgoingEmpty, outgoingFromDiscovery, withOutgoingSecurity, type OutgoingState } from './outgoing-form.ts';
import { formFromDiscovery, manualForm, withSecurity, type SettingsForm } from './settings-form.ts';
import type { DetailsState, Identity, SettingsOrigin, WizardAction, WizardState } from './wizard-state.ts';

/** The first screen, with nothing typed. */
export const initialWizardState: WizardState = { step: 'email', identity: { email: '', displayName: '' }, emailError: null };

function details(identity: Identity, origin: SettingsOrigin, extra: Partial<DetailsState> = {}): DetailsState {
  const form = extra.form ?? manualForm(identity.email);
  return {
    step: 'details',
    identity,
    origin,
    discovery: null,
    discoveryError: null,
    found: null,
    form,
    touched: {},
    showAllErrors: false,
    portFollowed: false,
    password: '',
    spacesRemoved: false,
    passwordInsteadOfOAuth: false,
    trustedFingerprint: null,
    learnedAppPassword: null,
    run: idleRun,
    runPurpose: 'test',
    runKey: null,
    duplicateOf: null,
    outgoing: outgoingFromDiscovery(identity.email, extra.discovery ?? null),
    confirmingNoOutgoing: false,
    ...extra,
  };
}

/** What a run was started with; a different key later means the result no longer applies. */
export function runKeyOf(state: DetailsState): string {
  const { form, samePassword, password } = state.outgoing;
  return JSON.stringify([state.identity.email, state.form, state.password, state.trustedFingerprint, form, samePassword, samePassword ? '' : password]);
}

/** Whether "Save account" may be offered: the last test passed for exactly what is on screen. */
export function canSave(state: DetailsState): boolean {
  if (state.run.phase !== 'finished' || state.runKey !== runKeyOf(state)) return false;
  const { report } = state.run;
  // Both servers must pass; a test message that is merely late does not undo that.
  return serversPassed(report) && (outgoingEmpty(state.outgoing.form) || outgoingPassed(report));
}

// An edit after a finished run hides its report, which no longer describes the form.
function edited(state: DetailsState, changes: Partial<DetailsState>): DetailsState {
  const finished = state.run.phase !== 'running';
  return { ...state, ...changes, confirmingNoOutgoing: false, ...(finished ? { run: idleRun, runKey: null, duplicateOf: null } : {}) };
}

function editedOutgoing(state: DetailsState, changes: Partial<OutgoingState>): DetailsState {
  return edited(state, { outgoing: { ...state.outgoing, ...changes } });
}

function emailError(email: string): string | null {
  if (email.trim() === '') return messages.email.emailRequired;
  return EmailSchema.safeParse(email).success ? null : messages.email.emailInvalid;
}

function stripSpaces(state: DetailsState, password: string): { password: string; spacesRemoved: boolean } {
  // Google shows app passwords as "abcd efgh ijkl mnop"; the spaces are not part of them.
  if (state.discovery?.provider?.appPasswordGroups && /\s/.test(password)) {
    return { password: password.replace(/\s+/g, ''), spacesRemoved: true };
  }
  return { password, spacesRemoved: state.spacesRemoved && password !== '' };
}

function reduceDetails(state: DetailsState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'back':
      return { step: 'email', identity: state.identity, emailError: null };
    case 'field-changed': {
      const form: SettingsForm = { ...state.form, [action.field]: action.value };
      const outgoing = state.outgoing;
      // The outgoing username keeps following the incoming one until it is edited on its own.
      const follows = action.field === 'username' && !outgoing.touched.username && outgoing.form.username === state.form.username;
      const outgoingChange = follows ? { outgoing: { ...outgoing, form: { ...outgoing.form, username: action.value } } } : {};
      return edited(state, { form, touched: { ...state.touched, [action.field]: true }, portFollowed: false, ...outgoingChange });
    }
    case 'outgoing-field-changed': {
      const o = state.outgoing;
      return editedOutgoing(state, { form: { ...o.form, [action.field]: action.value }, touched: { ...o.touched, [action.field]: true }, portFollowed: false });
    }
    case 'outgoing-security-changed': {
      const { form, portFollowed } = withOutgoingSecurity(state.outgoing.form, action.security);
      return editedOutgoing(state, { form, portFollowed, touched: { ...state.outgoing.touched, security: true } });
    }
    case 'outgoing-same-password-changed':
      return editedOutgoing(state, { samePassword: action.same });
    case 'outgoing-password-changed':
      return editedOutgoing(state, { password: action.password, touched: { ...state.outgoing.touched, password: true } });
    case 'outgoing-expanded':
      return { ...state, outgoing: { ...state.outgoing, collapsed: false } };
    case 'no-outgoing-confirmation':
      return { ...state, confirmingNoOutgoing: action.open };
    case 'security-changed': {
      const { form, portFollowed } = withSecurity(state.form, action.security);
      return edited(state, { form, portFollowed, touched: { ...state.touched, security: true } });
    }
    case 'allow-insecure-changed':
      return edited(state, { form: { ...state.form, allowInsecure: action.allow } });
    case 'password-changed':
      return edited(state, { ...stripSpaces(state, action.password), touched: { ...state.touched, password: true } });
    case 'password-instead-of-oauth':
      return { ...state, passwordInsteadOfOAuth: true };
    case 'errors-shown':
      return { ...state, showAllErrors: true };
    case 'certificate-trusted':
      return { ...state, trustedFingerprint: action.fingerprint256 };
    case 'check-started':
      return { ...state, run: startRun(action.checkId, action.scope), runPurpose: action.purpose, runKey: runKeyOf(state), duplicateOf: null, confirmingNoOutgoing: false };
    case 'check-progress':
      return { ...state, run: applyProgress(state.run, action.checkId, action.step, action.server) };
    case 'check-finished': {
      const run = finishRun(state.run, action.checkId, action.report);
      const failure = action.report.failure;
      const learned = run !== state.run && failure?.category === 'app-password-required' ? { helpUrl: failure.helpUrl ?? null } : state.learnedAppPassword;
      return { ...state, run, learnedAppPassword: learned };
    }
    case 'check-failed':
      return { ...state, run: failRun(state.run, action.checkId, action) };
    case 'save-finished': {
      if (state.run.phase !== 'running' || state.run.checkId !== action.checkId) return state;
      const { account, report, duplicateOf } = action.result;
      // Saved: the password leaves the renderer's state with the details screen.
      if (account && report?.ok !== false) return { step: 'saved', account };
      const run = report ? finishRun(state.run, action.checkId, report) : idleRun;
      return { ...state, run, duplicateOf };
    }
    default:
      return state;
  }
}

/** The wizard's reducer; actions that do not fit the current screen leave the state unchanged. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  if (action.type === 'restart') return initialWizardState;
  const step = state.step;
  switch (step) {
    case 'email':
      if (action.type === 'email-changed') return { ...state, identity: { ...state.identity, email: action.email }, emailError: state.emailError === null ? null : emailError(action.email) };
      if (action.type === 'name-changed') return { ...state, identity: { ...state.identity, displayName: action.displayName } };
      if (action.type === 'email-submitted') {
        const error = emailError(state.identity.email);
        if (error) return { ...state, emailError: error };
        return { step: 'discovering', identity: { ...state.identity, email: state.identity.email.trim() }, discoveryId: action.discoveryId };
      }
      return state;
    case 'discovering':
      if (action.type === 'back') return { step: 'email', identity: state.identity, emailError: null };
      if (action.type === 'manual-chosen') return details(state.identity, 'manual');
      if (action.type === 'discovery-failed' && action.discoveryId === state.discoveryId) {
        return details(state.identity, 'failed', { discoveryError: action.message });
      }
      if (action.type === 'discovery-finished' && action.discoveryId === state.discoveryId) {
        const result = action.result;
        if (!result.imap) return details(state.identity, 'none', { discovery: result });
        const form = formFromDiscovery(state.identity.email, result);
        return details(state.identity, 'found', { discovery: result, found: form, form });
      }
      return state;
    case 'details':
      return reduceDetails(state, action);
    case 'saved':
      return state;
    default:
      return assertNever(step);
  }
}
