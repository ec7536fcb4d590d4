// The app shell: a header with navigation, and either the setup wizard or the accounts screen.
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { AccountSummary } from '../shared/account-summary.ts';
import type { CheckProgress } from '../shared/check-report.ts';
import { AccountsScreen } from './accounts/accounts-screen.tsx';
import { call } from './api.ts';
import { AppNotices } from './components/app-notices.tsx';
import { KeychainNotice } from './components/keychain-notice.tsx';
import { LanguageSelect } from './components/language-select.tsx';
import { messages } from './messages/en.ts';
import { useCheckProgress } from './report/use-check-progress.ts';
import { SavedStep } from './wizard/saved-step.tsx';
import { Wizard } from './wizard/wizard.tsx';
import { initialWizardState, wizardReducer } from './wizard/wizard-reducer.ts';

type View =
  | { name: 'starting' }
  | { name: 'wizard' }
  | { name: 'accounts'; saved: AccountSummary | null; updatePasswordOf?: string | undefined };

export function App() {
  const [view, setView] = useState<View>({ name: 'starting' });
  const [hasAccounts, setHasAccounts] = useState(false);
  // The wizard's values live here, for the whole run of the app (the password only in memory):
  // leaving for Accounts in the middle and coming back finds them as they were.
  const [wizard, dispatchWizard] = useReducer(wizardReducer, initialWizardState);
  useCheckProgress(useCallback((progress: CheckProgress) => dispatchWizard({ type: 'check-progress', checkId: progress.checkId, step: progress.step, server: progress.server }), []));

  // First run opens the wizard; with saved accounts, the list.
  useEffect(() => {
    call('listAccounts', {}).then(
      (accounts) => {
        setHasAccounts(accounts.length > 0);
        setView((current) => (current.name === 'starting' ? (accounts.length > 0 ? { name: 'accounts', saved: null } : { name: 'wizard' }) : current));
      },
      () => setView((current) => (current.name === 'starting' ? { name: 'wizard' } : current)),
    );
  }, []);

  const showAccounts = useCallback(() => setView({ name: 'accounts', saved: null }), []);
  const showWizard = useCallback(() => setView({ name: 'wizard' }), []);
  const addAnother = useCallback(() => {
    dispatchWizard({ type: 'restart' });
    setView({ name: 'wizard' });
  }, []);
  const onSaved = useCallback((account: AccountSummary) => {
    setHasAccounts(true);
    // Saved: the next visit to the wizard starts afresh, and the password leaves memory.
    dispatchWizard({ type: 'restart' });
    setView({ name: 'accounts', saved: account });
  }, []);
  const updatePassword = useCallback((email: string) => setView({ name: 'accounts', saved: null, updatePasswordOf: email }), []);

  const m = messages.app;
  return (
    <>
      <header className="app-header">
        <p className="brand">{m.brand}</p>
        <nav aria-label={m.navLabel}>
          <button type="button" className="nav-button" aria-current={view.name === 'accounts' ? 'page' : undefined} onClick={showAccounts}>
            {m.navAccounts}
          </button>
          <button type="button" className="nav-button" aria-current={view.name === 'wizard' ? 'page' : undefined} onClick={showWizard}>
            {m.navAdd}
          </button>
        </nav>
        <LanguageSelect />
      </header>
      <main>
        <KeychainNotice />
        <AppNotices />
        {view.name === 'starting' && <p className="notice">{m.loading}</p>}
        {view.name === 'wizard' && (
          <Wizard
            state={wizard}
            dispatch={dispatchWizard}
            onSaved={onSaved}
            onShowAccounts={showAccounts}
            onUpdatePassword={updatePassword}
            onExit={hasAccounts ? showAccounts : undefined}
          />
        )}
        {view.name === 'accounts' && (
          <AccountsScreen
            updatePasswordOf={view.updatePasswordOf}
            justSaved={view.saved?.email}
            onAdd={showWizard}
            banner={view.saved && <SavedStep account={view.saved} onAddAnother={addAnother} onDismiss={() => setView({ name: 'accounts', saved: null })} />}
          />
        )}
      </main>
    </>
  );
}
