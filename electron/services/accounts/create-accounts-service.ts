// Composes the saved-accounts service from its operations: one file per job, wired here.
import type { AccountSummary } from '../../../shared/account-summary.ts';
import { replaceAccount, requireAccount, saveAccounts, storedSecrets, toSummary } from './account-records.ts';
import { createAccountsContext, type AccountsContext, type AccountsDeps } from './accounts-context.ts';
import type { AccountsService } from './accounts-service.types.ts';
import { addAccount } from './add-account.ts';
import { reconcileSecrets } from './reconcile-secrets.ts';
import { rememberCopy } from './remember-copy.ts';
import { removeAccount } from './remove-account.ts';
import { retestAccount } from './retest-account.ts';
import { setAccountPassword } from './set-account-password.ts';
import { signInAccount } from './sign-in-account.ts';
import { withoutPin } from './trusted-certificates.ts';

export type { AccountsDeps } from './accounts-context.ts';

/**
 * Each saved account with whether its secret is there, asked one by one under the lock (no remove
 * is half done); where the folder cannot be locked (read-only, full), read without it.
 */
async function listAccounts(context: AccountsContext): Promise<AccountSummary[]> {
  await context.ready();
  return context.reading(async () => {
    const snapshot = context.settings.read();
    const summaries: AccountSummary[] = [];
    for (const account of snapshot.accounts) summaries.push(toSummary(account, await storedSecrets(context.secrets, snapshot, account)));
    return summaries;
  });
}

async function revokeCertificate(context: AccountsContext, email: string, fingerprint256: string): Promise<AccountSummary> {
  await context.ready();
  return context.exclusive(async () => {
    const current = context.settings.read();
    const updated = withoutPin(requireAccount(current, email), fingerprint256);
    saveAccounts(context.settings, current, replaceAccount(current.accounts, updated));
    return toSummary(updated, await storedSecrets(context.secrets, context.settings.read(), updated));
  });
}

/**
 * The saved-accounts service: settings in `settings`, secrets in `secrets` (the OS keychain),
 * every save only after a passing check through `runner`. Start-up reconciliation runs before
 * the first operation.
 */
export function createAccountsService(deps: AccountsDeps): AccountsService {
  const context = createAccountsContext(deps, async (ctx) => {
    await reconcileSecrets(ctx);
  });
  return {
    list: () => listAccounts(context),
    add: (request, run) => addAccount(context, request, run),
    retest: (email, run, options) => retestAccount(context, email, run, options),
    setPassword: (email, password, run, outgoingPassword) => setAccountPassword(context, email, password, run, outgoingPassword),
    remove: (email) => removeAccount(context, email),
    revokeCertificate: (email, fingerprint256) => revokeCertificate(context, email, fingerprint256),
    signInWithOAuth: (request, run) => signInAccount(context, request, run),
    cancelSignIn: (checkId) => deps.oauth?.signIns?.cancel(checkId) ?? false,
    rememberCopy: (email, copy) => rememberCopy(context, email, copy),
  };
}

