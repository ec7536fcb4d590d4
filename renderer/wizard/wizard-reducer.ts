// The wizard as a pure reducer: every screen change and edit is an action, side effects live elsewhere.
import { EmailSchema } from '../../shared/server-settings.ts';
import { assertNever, type FailureCategory } from '../../shared/failure-category.ts';
import { messages } from '../messages/en.ts';
import { applyProgress, failRun, finishRun, idleRun, outgoingLater, outgoingPassed, serversPassed, startRun } from '../report/check-run.ts';
import { outgoingEmpty, outgoingFromDiscovery, withOutgoingSecurity, type OutgoingState } from './outgoing-form.ts';
import { cleanHost, formFromDiscovery, manualForm, validateSettings, withProtocol, withSecurity, type SettingsForm } from './settings-form.ts';
import type { DetailsState, EmailState, Identity, SettingsOrigin, WizardAction, WizardState } from './wizard-state.ts';

/** The first screen, with nothing typed. */
export const initialWizardState: WizardState = emailStep({ email: '', displayName: '' }, null);

function emailStep(identity: Identity, kept: DetailsState | null): EmailState {
  return { step: 'email', identity, emailError: null, kept, savedAs: null, confirmDiscard: false };
}

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
    runBefore: null,
    runPurpose: 'test',
    runKey: null,
    duplicateOf: null,
    outgoing: outgoingFromDiscovery(identity.email, extra.discovery ?? null),
    confirmingNoOutgoing: false,
    settingsOpen: true,
    hostCleaned: [],
    ...extra,
  };
}

/** Whether the user typed or changed anything on the details screen that a new discovery would lose. */
export function hasEdits(state: DetailsState): boolean {
  return state.password !== '' || Object.keys(state.touched).length > 0 || Object.keys(state.outgoing.touched).length > 0 || (state.origin !== 'found' && state.form.host.trim() !== '');
}

// The details screen kept for a later Continue: a check cannot finish while it is away.
function keep(state: DetailsState): DetailsState {
  return state.run.phase === 'running' ? { ...state, run: idleRun, runKey: null } : state;
}

function tidyHost(state: DetailsState): DetailsState {
  const cleaned = cleanHost(state.form);
  if (cleaned.form === state.form) return state;
  return edited(state, { form: cleaned.form, hostCleaned: cleaned.changes });
}

/** What a run was started with; a different key later means the result no longer applies. */
export function runKeyOf(state: DetailsState): string {
  const { form, samePassword, password, trustedFingerprint } = state.outgoing;
  return JSON.stringify([state.identity.email, state.form, state.password, state.trustedFingerprint, form, samePassword, samePassword ? '' : password, trustedFingerprint]);
}

/** Whether "Save account" may be offered: the last test passed for exactly what is on screen. */
export function canSave(state: DetailsState): boolean {
  if (state.run.phase !== 'finished' || state.runKey !== runKeyOf(state)) return false;
  const { report } = state.run;
  // Both servers must pass; a test message that is merely late does not undo that, and an outgoing
  // server that only refused for now (a 4xx) can be saved to re-test later.
  return (serversPassed(report) && (outgoingEmpty(state.outgoing.form) || outgoingPassed(report))) || outgoingLater(report);
}

// An edit after a finished run hides its report, which no longer describes the form.
function edited(state: DetailsState, changes: Partial<DetailsState>): DetailsState {
  const finished = state.run.phase !== 'running';
  return { ...state, ...changes, confirmingNoOutgoing: false, ...(finished ? { run: idleRun, runBefore: null, runKey: null, duplicateOf: null } : {}) };
}

function editedOutgoing(state: DetailsState, changes: Partial<OutgoingState>): DetailsState {
  return edited(state, { outgoing: { ...state.outgoing, ...changes } });
}

function emailError(email: string): string | null {
  if (email.trim() === '') return messages.email.emailRequired;
  if (!EmailSchema.safeParse(email).success) return messages.email.emailInvalid;
  // "alice@example" is almost always an address cut short; mail domains have a dot.
  const domain = email.trim().slice(email.trim().lastIndexOf('@') + 1);
  if (!domain.includes('.') && !domain.startsWith('[')) return messages.email.emailNoDot;
  return null;
}

/** The saved address that is the same as `email` apart from case, if any. */
function savedMatch(email: string, saved: readonly string[] | undefined): string | null {
  const wanted = email.trim().toLowerCase();
  return saved?.find((address) => address.toLowerCase() === wanted) ?? null;
}

function reduceEmail(state: EmailState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'email-changed':
      return { ...state, identity: { ...state.identity, email: action.email }, emailError: state.emailError === null ? null : emailError(action.email), savedAs: null, confirmDiscard: false };
    case 'name-changed':
      return { ...state, identity: { ...state.identity, displayName: action.displayName } };
    case 'email-submitted': {
      const error = emailError(state.identity.email);
      if (error) return { ...state, emailError: error, savedAs: null };
      const savedAs = savedMatch(state.identity.email, action.savedEmails);
      if (savedAs) return { ...state, emailError: null, savedAs };
      const identity = { ...state.identity, email: state.identity.email.trim() };
      // The same address again: back to the screen as it was left, nothing looked up or lost.
      if (state.kept && state.kept.identity.email === identity.email) return { ...state.kept, identity };
      if (state.kept && hasEdits(state.kept) && !state.confirmDiscard) return { ...state, emailError: null, confirmDiscard: true };
      return { step: 'discovering', identity, discoveryId: action.discoveryId, kept: state.kept };
    }
    case 'discard-confirmed':
      if (!state.confirmDiscard) return state;
      return { step: 'discovering', identity: { ...state.identity, email: state.identity.email.trim() }, discoveryId: action.discoveryId, kept: null };
    case 'discard-declined':
      return state.kept ?? { ...state, confirmDiscard: false };
    default:
      return state;
  }
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
      return emailStep(state.identity, keep(state));
    case 'suggestion-used':
      return { step: 'discovering', identity: { ...state.identity, email: action.email }, discoveryId: action.discoveryId, kept: null };
    case 'settings-opened':
      // Asked to edit the settings, the user sees every field, the outgoing server's included.
      return { ...state, settingsOpen: true, outgoing: { ...state.outgoing, collapsed: false } };
    case 'host-cleaned':
      return tidyHost(state);
    case 'field-changed': {
      const form: SettingsForm = { ...state.form, [action.field]: action.value };
      const outgoing = state.outgoing;
      // The outgoing username keeps following the incoming one until it is edited on its own.
      const follows = action.field === 'username' && !outgoing.touched.username && outgoing.form.username === state.form.username;
      const outgoingChange = follows ? { outgoing: { ...outgoing, form: { ...outgoing.form, username: action.value } } } : {};
      const next = edited(state, {
        form,
        touched: { ...state.touched, [action.field]: true },
        portFollowed: false,
        hostCleaned: action.field === 'host' ? [] : state.hostCleaned,
        ...outgoingChange,
      });
      // A paste (more than one character at once) is tidied at once; typing waits for the field to be left.
      const pasted = action.field === 'host' && action.value.length - state.form.host.length > 1;
      return pasted ? tidyHost(next) : next;
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
    case 'outgoing-host-left':
      return { ...state, outgoing: { ...state.outgoing, touched: { ...state.outgoing.touched, host: true } } };
    case 'saved-servers-used': {
      const outgoing = action.outgoing ? { ...state.outgoing, form: action.outgoing, collapsed: false } : state.outgoing;
      return edited(state, { form: action.form, touched: { ...state.touched, host: true, port: true, security: true, username: true }, settingsOpen: true, outgoing });
    }
    case 'no-outgoing-confirmation':
      return { ...state, confirmingNoOutgoing: action.open };
    case 'protocol-changed': {
      const { form, portFollowed } = withProtocol(state.form, action.protocol, state.identity.email, state.discovery);
      // What discovery found for this protocol is what later changes are compared with.
      const found = state.found && form.protocol !== state.found.protocol ? formFromDiscovery(state.identity.email, state.discovery, form.protocol) : state.found;
      return edited(state, { form, found, portFollowed, touched: { ...state.touched, security: true } });
    }
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
    case 'errors-shown': {
      // A settings error is shown where it can be fixed: the summary line opens into the form.
      const settingsWrong = Object.keys(validateSettings(state.form)).length > 0;
      return { ...state, showAllErrors: true, settingsOpen: state.settingsOpen || settingsWrong };
    }
    case 'certificate-trusted':
      // A pin is for one server's host and port: the outgoing server's is kept with its form.
      if (action.server === 'outgoing') return { ...state, outgoing: { ...state.outgoing, trustedFingerprint: action.fingerprint256 } };
      return { ...state, trustedFingerprint: action.fingerprint256 };
    case 'check-started': {
      // A test message starts from a passed test; that test is kept to come back to if it is cancelled.
      const runBefore = action.purpose === 'message' && state.run.phase === 'finished' ? state.run : null;
      return { ...state, run: startRun(action.checkId, action.scope), runBefore, runPurpose: action.purpose, runKey: runKeyOf(state), duplicateOf: null, confirmingNoOutgoing: false };
    }
    case 'check-progress':
      return { ...state, run: applyProgress(state.run, action.checkId, action.step, action.server) };
    case 'check-finished': {
      const run = finishRun(state.run, action.checkId, action.report);
      const failure = action.report.failure;
      const learned = run !== state.run && failure?.category === 'app-password-required' ? { helpUrl: failure.helpUrl ?? null } : state.learnedAppPassword;
      // A known provider's own servers that cannot be reached: the network, not the settings, so the summary stays.
      const opens = failure ? settingsFailure(failure.category) && !(knownProviderUnchanged(state) && unreachable.includes(failure.category)) : false;
      return { ...state, run, learnedAppPassword: learned, settingsOpen: state.settingsOpen || opens };
    }
    case 'check-failed': {
      const run = failRun(state.run, action.checkId, action);
      // Cancelling the optional test message loses nothing: the passed test and Save come back.
      if (run.phase === 'cancelled' && state.run !== run && state.runBefore) return { ...state, run: state.runBefore, runBefore: null, runPurpose: 'test' };
      return { ...state, run };
    }
    case 'save-finished': {
      if (state.run.phase !== 'running' || state.run.checkId !== action.checkId) return state;
      const { account, report, duplicateOf } = action.result;
      // Saved: the password leaves the renderer's state with the details screen.
      // Saved, possibly with the outgoing server left to re-test later (the report then says why).
      if (account) return { step: 'saved', account };
      const run = report ? finishRun(state.run, action.checkId, report) : idleRun;
      return { ...state, run, duplicateOf };
    }
    default:
      return state;
  }
}

const unreachable: readonly FailureCategory[] = ['dns-not-found', 'timeout', 'connection-refused'];

/** The provider's name when its known servers are tested as the app filled them in; otherwise undefined. */
export function knownProviderOf(state: DetailsState): string | undefined {
  return knownProviderUnchanged(state) ? state.discovery?.provider?.name : undefined;
}

function knownProviderUnchanged(state: DetailsState): boolean {
  const { found, form, discovery } = state;
  if (state.origin !== 'found' || !discovery?.provider || !found) return false;
  const outgoingSame = state.outgoing.found === null || state.outgoing.form.host === state.outgoing.found.host;
  return form.host === found.host && form.port === found.port && outgoingSame;
}

// Failures that the server settings cause: the form opens so that they can be fixed.
function settingsFailure(category: FailureCategory): boolean {
  return !['wrong-credentials', 'app-password-required', 'oauth-required', 'password-expired', 'account-blocked', 'mailbox-unavailable', 'server-unavailable'].includes(category);
}

/** The wizard's reducer; actions that do not fit the current screen leave the state unchanged. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  if (action.type === 'restart') return initialWizardState;
  const step = state.step;
  switch (step) {
    case 'email':
      return reduceEmail(state, action);
    case 'discovering':
      if (action.type === 'back') return emailStep(state.identity, state.kept);
      if (action.type === 'manual-chosen') return details(state.identity, 'manual');
      if (action.type === 'discovery-failed' && action.discoveryId === state.discoveryId) {
        return details(state.identity, 'failed', { discoveryError: action.message });
      }
      if (action.type === 'discovery-finished' && action.discoveryId === state.discoveryId) {
        const result = action.result;
        // A POP3-only provider is found too: its POP3 settings fill the form.
        if (!result.imap && !result.pop3) return details(state.identity, 'none', { discovery: result });
        const form = formFromDiscovery(state.identity.email, result);
        // A provider from the provider data: its settings as one line, the password first.
        return details(state.identity, 'found', { discovery: result, found: form, form, settingsOpen: result.provider === null });
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
