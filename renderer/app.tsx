// The app shell: a header with navigation, and either the setup wizard or the accounts screen.
import { useCallback, useEffect, useState } from 'react';
import type { AccountSummary } from '../shared/account-summary.ts';
import { AccountsScreen } from './accounts/accounts-screen.tsx';
import { call } from './api.ts';
import { AppNotices } from './components/app-notices.tsx';
import { messages } from './messages/en.ts';
import { SavedStep } from './wizard/saved-step.tsx';
import { Wizard } from './wizard/wizard.tsx';

type View = { name: 'starting' } | { name: 'wizard'; run: number } | { name: 'accounts'; saved: AccountSummary | null };

export function App() {
  const [view, setView] = useState<View>({ name: 'starting' });
  const [hasAccounts, setHasAccounts] = useState(false);

  // First run opens the wizard; with saved accounts, the list.
  useEffect(() => {
    call('listAccounts', {}).then(
      (accounts) => {
        setHasAccounts(accounts.length > 0);
        setView((current) => (current.name === 'starting' ? (accounts.length > 0 ? { name: 'accounts', saved: null } : { name: 'wizard', run: 0 }) : current));
      },
      () => setView((current) => (current.name === 'starting' ? { name: 'wizard', run: 0 } : current)),
    );
  }, []);

  const showAccounts = useCallback(() => setView({ name: 'accounts', saved: null }), []);
  // Each visit to the wizard starts it afresh.
  const showWizard = useCallback(() => setView((current) => ({ name: 'wizard', run: current.name === 'wizard' ? current.run + 1 : 0 })), []);
  const onSaved = useCallback((account: AccountSummary) => {
    setHasAccounts(true);
    setView({ name: 'accounts', saved: account });
  }, []);

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
      </header>
      <main>
        <AppNotices />
        {view.name === 'starting' && <p className="notice">{m.loading}</p>}
        {view.name === 'wizard' && <Wizard key={view.run} onSaved={onSaved} onShowAccounts={showAccounts} onExit={hasAccounts ? showAccounts : undefined} />}
        {view.name === 'accounts' && (
          <AccountsScreen
            banner={view.saved && <SavedStep onAddAnother={showWizard} onDismiss={() => setView({ name: 'accounts', saved: null })} />}
          />
        )}
      </main>
    </>
  );
}
