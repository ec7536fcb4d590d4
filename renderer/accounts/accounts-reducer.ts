// The accounts screen as a pure reducer: the list, and per account its mode and its running check.
import type { AccountSummary } from '../../shared/account-summary.ts';
import type { CheckStep, ServerRole } from '../../shared/check-report.ts';
import type { CallResponse } from '../../shared/ipc-contract.ts';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { applyProgress, failRun, finishRun, idleRun, startRun, type CheckRun } from '../report/check-run.ts';

export type AccountResult = CallResponse<'retestAccount'>;
export type AccountMode = 'view' | 'confirm-remove' | 'update-password';
/** Re-test with the saved secret, test a new password, sign in again (OAuth2), or re-test and send a test message. */
export type AccountRunPurpose = 'retest' | 'set-password' | 'sign-in' | 'test-message';

/** A short outcome line under an account. */
export interface AccountMessage {
  readonly tone: 'success' | 'warning' | 'error';
  readonly text: string;
}

/** What the screen shows for one account besides its saved summary. */
export interface AccountUi {
  readonly mode: AccountMode;
  readonly run: CheckRun;
  readonly purpose: AccountRunPurpose | null;
  readonly password: string;
  /** The new outgoing password, for an account whose outgoing server has its own. */
  readonly outgoingPassword: string;
  readonly showPasswordError: boolean;
  readonly message: AccountMessage | null;
}

export interface AccountsState {
  readonly load: 'loading' | 'ready' | 'failed';
  readonly loadError: string | null;
  readonly accounts: readonly AccountSummary[];
  readonly ui: Readonly<Record<string, AccountUi>>;
  /** The latest change worth announcing to screen readers. */
  readonly announcement: string;
}

export type AccountsAction =
  | { readonly type: 'loaded'; readonly accounts: readonly AccountSummary[] }
  | { readonly type: 'load-failed'; readonly message: string }
  | { readonly type: 'run-started'; readonly email: string; readonly checkId: string; readonly purpose: AccountRunPurpose }
  | { readonly type: 'progress'; readonly checkId: string; readonly step: CheckStep; readonly server?: ServerRole | undefined }
  | { readonly type: 'run-finished'; readonly email: string; readonly checkId: string; readonly result: AccountResult }
  | { readonly type: 'run-failed'; readonly email: string; readonly checkId: string; readonly code: string; readonly message: string }
  | { readonly type: 'mode-changed'; readonly email: string; readonly mode: AccountMode }
  | { readonly type: 'password-changed'; readonly email: string; readonly password: string }
  | { readonly type: 'outgoing-password-changed'; readonly email: string; readonly password: string }
  | { readonly type: 'password-errors-shown'; readonly email: string }
  | { readonly type: 'account-updated'; readonly account: AccountSummary }
  | { readonly type: 'removed'; readonly email: string }
  | { readonly type: 'action-failed'; readonly email: string; readonly message: string };

export const initialAccountsState: AccountsState = { load: 'loading', loadError: null, accounts: [], ui: {}, announcement: '' };

const freshUi: AccountUi = { mode: 'view', run: idleRun, purpose: null, password: '', outgoingPassword: '', showPasswordError: false, message: null };

/** The UI state of one account (fresh when nothing happened to it yet). */
export function uiOf(state: AccountsState, email: string): AccountUi {
  return state.ui[email] ?? freshUi;
}

function withUi(state: AccountsState, email: string, change: Partial<AccountUi>): AccountsState {
  return { ...state, ui: { ...state.ui, [email]: { ...uiOf(state, email), ...change } } };
}

// These failures mean the saved secret no longer works: go straight to Update password.
const needsNewPassword = new Set(['wrong-credentials', 'app-password-required']);

function finished(state: AccountsState, email: string, checkId: string, result: AccountResult): AccountsState {
  const ui = uiOf(state, email);
  if (ui.run.phase !== 'running' || ui.run.checkId !== checkId) return state;
  const run = result.report ? finishRun(ui.run, checkId, result.report) : idleRun;
  const accounts = result.account ? state.accounts.map((account) => (account.email === email ? (result.account ?? account) : account)) : state.accounts;
  const ok = result.report?.ok === true;
  const next = { ...state, accounts };
  if (ui.purpose === 'set-password') {
    return ok
      ? withUi(next, email, { run, mode: 'view', password: '', outgoingPassword: '', showPasswordError: false, message: { tone: 'success', text: messages.accounts.updated } })
      : withUi(next, email, { run, message: { tone: 'warning', text: messages.accounts.updateFailed } });
  }
  if (ui.purpose === 'sign-in') {
    return withUi(next, email, { run, message: ok ? { tone: 'success', text: messages.accounts.signedIn } : { tone: 'warning', text: messages.accounts.signInFailed } });
  }
  // The report's own note says whether the test message arrived.
  if (ui.purpose === 'test-message') return withUi(next, email, { run, message: null });
  const category = result.report?.failure?.category;
  const usesPassword = accounts.find((account) => account.email === email)?.authKind !== 'oauth2';
  const mode: AccountMode = usesPassword && category && needsNewPassword.has(category) ? 'update-password' : ui.mode;
  const message: AccountMessage = ok ? { tone: 'success', text: messages.accounts.retestPassed } : { tone: 'warning', text: messages.accounts.retestFailed };
  return withUi(next, email, { run, mode, message });
}

export function accountsReducer(state: AccountsState, action: AccountsAction): AccountsState {
  switch (action.type) {
    case 'loaded':
      return { ...state, load: 'ready', loadError: null, accounts: action.accounts };
    case 'load-failed':
      return { ...state, load: 'failed', loadError: action.message };
    case 'run-started': {
      const outgoing = state.accounts.find((account) => account.email === action.email)?.outgoing != null;
      const scope = { outgoing, testMessage: action.purpose === 'test-message' };
      return withUi(state, action.email, { run: startRun(action.checkId, scope), purpose: action.purpose, message: null });
    }
    case 'progress': {
      const email = Object.keys(state.ui).find((key) => {
        const run = state.ui[key]?.run;
        return run?.phase === 'running' && run.checkId === action.checkId;
      });
      return email ? withUi(state, email, { run: applyProgress(uiOf(state, email).run, action.checkId, action.step, action.server) }) : state;
    }
    case 'run-finished':
      return finished(state, action.email, action.checkId, action.result);
    case 'run-failed':
      return withUi(state, action.email, { run: failRun(uiOf(state, action.email).run, action.checkId, action) });
    case 'mode-changed':
      // Leaving Update password drops what was typed.
      return withUi(state, action.email, { mode: action.mode, password: '', outgoingPassword: '', showPasswordError: false, ...(action.mode === 'view' ? {} : { message: null }) });
    case 'password-changed':
      return withUi(state, action.email, { password: action.password });
    case 'outgoing-password-changed':
      return withUi(state, action.email, { outgoingPassword: action.password });
    case 'password-errors-shown':
      return withUi(state, action.email, { showPasswordError: true });
    case 'account-updated':
      return { ...state, accounts: state.accounts.map((account) => (account.email === action.account.email ? action.account : account)) };
    case 'removed': {
      const ui = Object.fromEntries(Object.entries(state.ui).filter(([email]) => email !== action.email));
      return {
        ...state,
        accounts: state.accounts.filter((account) => account.email !== action.email),
        ui,
        announcement: format(messages.accounts.removed, { email: action.email }),
      };
    }
    case 'action-failed':
      return withUi(state, action.email, { mode: 'view', message: { tone: 'error', text: format(messages.common.unexpected, { message: action.message }) } });
  }
}
