// The accounts screen: every saved account with its status, re-tests (one or all), password updates, removal.
import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import type { CheckProgress } from '../../shared/check-report.ts';
import { ApiError, call, newCheckId } from '../api.ts';
import { Notice } from '../components/notice.tsx';
import { messages } from '../messages/en.ts';
import { format } from '../messages/format.ts';
import { useCheckProgress } from '../report/use-check-progress.ts';
import { passwordError } from '../wizard/secret-rules.ts';
import type { CopiesOutcome } from '../../shared/handoff-view.ts';
import { onHandOffClosed } from '../handoff/hand-off-closed.ts';
import { AccountItem } from './account-item.tsx';
import { accountsReducer, initialAccountsState, uiOf, type AccountRunPurpose, type AccountsState } from './accounts-reducer.ts';

export interface AccountsScreenProps {
  /** Shown above the list, e.g. the confirmation of a just-saved account. */
  banner?: ReactNode;
  /** The account the banner confirms: its entry is marked, so the banner's "below" points at one entry. */
  justSaved?: string | undefined;
  /** Opens Update password for this saved account once the list is loaded (from the wizard's duplicate notice). */
  updatePasswordOf?: string | undefined;
  /** Opens the wizard (offered in the page when there is no account yet). */
  onAdd?: (() => void) | undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function AccountsScreen({ banner, justSaved, updatePasswordOf, onAdd }: AccountsScreenProps) {
  const [state, dispatch] = useReducer(accountsReducer, initialAccountsState);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Accounts re-tested together by "Re-test all": they show one line each, failures expanded.
  const [bulk, setBulk] = useState<ReadonlySet<string>>(new Set());
  // What a new password did to the copies in other programs (GNOME's updated, the phone's to change by hand), by account.
  const [copiesOutcome, setCopiesOutcome] = useState<Readonly<Record<string, CopiesOutcome | undefined>>>({});
  const hasBanner = Boolean(banner);
  const hadBanner = useRef(hasBanner);
  // Done (or any way the banner closes) takes the focus with it: it moves to the screen's heading.
  useEffect(() => {
    if (hadBanner.current && !hasBanner) headingRef.current?.focus();
    hadBanner.current = hasBanner;
  }, [hasBanner]);
  const loaded = state.load === 'ready';
  useEffect(() => {
    if (!loaded || !updatePasswordOf) return;
    dispatch({ type: 'mode-changed', email: updatePasswordOf, mode: 'update-password' });
  }, [loaded, updatePasswordOf]);
  const stateRef = useRef<AccountsState>(state);
  stateRef.current = state;
  // Re-render now and then so that "Last checked 2 minutes ago" stays true.
  const [, setClock] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setClock((tick) => tick + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  useCheckProgress(useCallback((progress: CheckProgress) => dispatch({ type: 'progress', checkId: progress.checkId, step: progress.step, server: progress.server }), []));
  // A hand-off may have made a copy (GNOME's): the account's entry learns of it, for Remove's question.
  useEffect(
    () =>
      onHandOffClosed((email) => {
        call('listAccounts', {}).then(
          (accounts) => {
            const account = accounts.find((entry) => entry.email === email);
            if (account) dispatch({ type: 'account-updated', account });
          },
          () => undefined,
        );
      }),
    [],
  );
  useEffect(() => {
    call('listAccounts', {}).then(
      (accounts) => dispatch({ type: 'loaded', accounts }),
      (error: unknown) => dispatch({ type: 'load-failed', message: errorMessage(error) }),
    );
  }, []);

  async function run(email: string, purpose: AccountRunPurpose) {
    const ui = uiOf(stateRef.current, email);
    if (ui.run.phase === 'running') return;
    const checkId = newCheckId();
    dispatch({ type: 'run-started', email, checkId, purpose });
    setCopiesOutcome((current) => ({ ...current, [email]: undefined }));
    try {
      const result =
        purpose === 'retest' || purpose === 'test-message'
          ? await call('retestAccount', { checkId, email, sendTestMessage: purpose === 'test-message' })
          : purpose === 'set-password'
            ? await call('setPassword', { checkId, email, password: ui.password, ...outgoingPasswordOf(email, ui.outgoingPassword) })
            : await call('signInWithOAuth', { checkId, email });
      dispatch({ type: 'run-finished', email, checkId, result });
      setCopiesOutcome((current) => ({ ...current, [email]: result.copies }));
    } catch (error) {
      dispatch({ type: 'run-failed', email, checkId, code: error instanceof ApiError ? error.code : 'internal', message: errorMessage(error) });
    }
  }

  // Only an outgoing server with its own password gets a second one.
  function separateOutgoingPassword(email: string): boolean {
    const outgoing = stateRef.current.accounts.find((account) => account.email === email)?.outgoing;
    return outgoing != null && !outgoing.sharedPassword;
  }

  function outgoingPasswordOf(email: string, password: string): { outgoingPassword?: string } {
    return separateOutgoingPassword(email) ? { outgoingPassword: password } : {};
  }

  function submitPassword(email: string) {
    const ui = uiOf(stateRef.current, email);
    if (passwordError(ui.password) || (separateOutgoingPassword(email) && passwordError(ui.outgoingPassword))) {
      dispatch({ type: 'password-errors-shown', email });
      return;
    }
    void run(email, 'set-password');
  }

  function cancelRun(email: string) {
    const { run: current, purpose } = uiOf(stateRef.current, email);
    if (current.phase !== 'running') return;
    const { checkId } = current;
    (purpose === 'sign-in' ? call('cancelOAuth', { checkId }) : call('cancelCheck', { checkId })).catch(() => undefined);
  }

  async function revokeCertificate(email: string, fingerprint256: string) {
    try {
      dispatch({ type: 'account-updated', account: await call('revokeCertificate', { email, fingerprint256 }) });
    } catch (error) {
      dispatch({ type: 'action-failed', email, message: errorMessage(error) });
    }
  }

  async function remove(email: string, options: { removeGnomeCopy: boolean }) {
    try {
      await call('removeAccount', { email, ...options });
      dispatch({ type: 'removed', email });
      headingRef.current?.focus();
    } catch (error) {
      dispatch({ type: 'action-failed', email, message: errorMessage(error) });
    }
  }

  const m = messages.accounts;
  return (
    <div className="screen">
      <div className="screen-head">
        <h1 tabIndex={-1} ref={headingRef}>
          {m.heading}
        </h1>
        {/* Only with several accounts: with one, it would repeat that account's own Re-test. */}
        {state.accounts.length > 1 && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setBulk(new Set(state.accounts.map((account) => account.email)));
              state.accounts.forEach((account) => void run(account.email, 'retest'));
            }}
          >
            {m.retestAll}
          </button>
        )}
      </div>
      {/* After the h1, so that the banner's h2 follows the page order. */}
      {banner}
      <p className="sr-only" role="status">
        {state.announcement}
      </p>
      {state.load === 'loading' && <p className="notice">{messages.app.loading}</p>}
      {state.load === 'failed' && (
        <Notice tone="error">{format(m.loadFailed, { message: state.loadError ?? '' })}</Notice>
      )}
      {state.load === 'ready' && state.accounts.length === 0 && (
        <div className="notice-block empty-accounts">
          <p className="card-title">{m.empty}</p>
          <p>{m.emptyBody}</p>
          {onAdd && (
            <button type="button" className="primary" onClick={onAdd}>
              {m.addFirst}
            </button>
          )}
        </div>
      )}
      {/* Escape cancels a Remove question; the account item then returns the focus to its Remove button. */}
      <ul
        className="accounts"
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !(event.target instanceof Element)) return;
          const email = event.target.closest('.confirm') ? event.target.closest('li.account')?.getAttribute('aria-label') : null;
          if (!email) return;
          event.preventDefault();
          dispatch({ type: 'mode-changed', email, mode: 'view' });
        }}
      >
        {state.accounts.map((account, index) => (
          <AccountItem
            key={account.email}
            index={index}
            account={account}
            ui={uiOf(state, account.email)}
            inBulk={bulk.has(account.email)}
            justSaved={hasBanner && account.email === justSaved}
            onRetest={() => {
              setBulk(new Set());
              void run(account.email, 'retest');
            }}
            onMode={(mode) => {
              if (mode !== 'view') setBulk(new Set());
              dispatch({ type: 'mode-changed', email: account.email, mode });
            }}
            onPassword={(password) => dispatch({ type: 'password-changed', email: account.email, password })}
            onOutgoingPassword={(password) => dispatch({ type: 'outgoing-password-changed', email: account.email, password })}
            onSendTestMessage={() => void run(account.email, 'test-message')}
            onSubmitPassword={() => submitPassword(account.email)}
            onCancelRun={() => cancelRun(account.email)}
            onRemove={(options) => void remove(account.email, options)}
            copiesOutcome={copiesOutcome[account.email]}
            onRevokeCertificate={(fingerprint256) => void revokeCertificate(account.email, fingerprint256)}
            onSignIn={() => void run(account.email, 'sign-in')}
          />
        ))}
      </ul>
    </div>
  );
}
