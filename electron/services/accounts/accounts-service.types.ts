// The saved-accounts service as the IPC handlers and the CLI call it.
import type { AccountSummary } from '../../../shared/account-summary.ts';
import type { CheckReport, CheckStep } from '../../../shared/check-report.ts';
import type { HandoffCopy } from '../../../shared/handoff-view.ts';
import type { OutgoingSettings, ServerSettings } from '../../../shared/server-settings.ts';

/** A check that may save or update an account, and what became of the account. */
export interface AccountResult {
  report: CheckReport | null;
  account: AccountSummary | null;
  /** Email of the saved account with the same username on the same server, when adding a duplicate. */
  duplicateOf: string | null;
}

/** Progress and cancellation for the check an account operation runs. */
export interface CheckRun {
  checkId: string;
  onProgress: (step: CheckStep) => void;
  timeoutMs?: number | undefined;
  /** Keep the protocol transcript in the report (the app's "Show details"; the CLI only on --transcript). */
  transcript?: boolean | undefined;
}

export interface AddAccountRequest {
  settings: ServerSettings;
  displayName: string;
  password: string;
  allowInsecure: boolean;
  trustCertificate?: string | undefined;
  /** The outgoing server, tested and saved with the account; null or absent: none. */
  outgoing?: OutgoingSettings | null | undefined;
  /** The outgoing server's own password; absent: `password` serves both (one keychain item). */
  outgoingPassword?: string | undefined;
  /** The outgoing server's certificate the user chose to trust (kept with its host and port once saved). */
  outgoingTrustCertificate?: string | undefined;
  /** After both servers pass, send a message to the account itself and wait for it in INBOX. */
  sendTestMessage?: boolean | undefined;
  /** Save even when the outgoing server only refused for now (`server-unavailable`); it is recorded as failing. */
  outgoingLater?: boolean | undefined;
}

/** Options of a re-test. */
export interface RetestOptions {
  sendTestMessage?: boolean | undefined;
}

/** An OAuth2 sign-in in the system browser: of a saved account by its email, or of a new one with its settings. */
export interface OAuthSignInRequest {
  email: string;
  /** Required for a new account; a saved account keeps its own settings. */
  settings?: ServerSettings | undefined;
  displayName?: string | undefined;
  allowInsecure: boolean;
  trustCertificate?: string | undefined;
  /**
   * A new account's outgoing server (the one discovery knows for the provider), tested and saved
   * with the same token; null or absent: none. A saved account keeps its own.
   */
  outgoing?: OutgoingSettings | null | undefined;
  /** The outgoing server's certificate the user chose to trust. */
  outgoingTrustCertificate?: string | undefined;
}

/** Saved accounts: settings in the settings store, secrets in the OS keychain. */
export interface AccountsService {
  list(): Promise<AccountSummary[]>;
  add(request: AddAccountRequest, run: CheckRun): Promise<AccountResult>;
  /** Re-tests both servers with the stored secrets and records each one's outcome. */
  retest(email: string, run: CheckRun, options?: RetestOptions): Promise<AccountResult>;
  /**
   * Tests, then saves, a new password: for both servers when they share it; `outgoingPassword`
   * gives (or changes) the outgoing server's own. Nothing is replaced unless both servers pass.
   */
  setPassword(email: string, password: string, run: CheckRun, outgoingPassword?: string): Promise<AccountResult>;
  remove(email: string): Promise<boolean>;
  revokeCertificate(email: string, fingerprint256: string): Promise<AccountSummary>;
  /** Signs in with OAuth2 in the system browser, checks, then keeps the refresh token (see sign-in-account.ts). */
  signInWithOAuth(request: OAuthSignInRequest, run: CheckRun): Promise<AccountResult>;
  /** Stops a sign-in still waiting for the browser; false when none runs under this check id. */
  cancelSignIn(checkId: string): boolean;
  /** Remembers that the app handed a copy of the account to another program (see remember-copy.ts). */
  rememberCopy(email: string, copy: HandoffCopy): Promise<void>;
}
