// The wizard's state and actions as a discriminated union (the reducer is in wizard-reducer.ts).
import type { AccountSummary } from '../../shared/account-summary.ts';
import type { CheckReport, CheckStep, ServerRole } from '../../shared/check-report.ts';
import type { DiscoveryResult } from '../../shared/discovery-result.ts';
import type { CallResponse } from '../../shared/ipc-contract.ts';
import type { IncomingProtocol, Security } from '../../shared/server-settings.ts';
import type { CheckRun, RunScope } from '../report/check-run.ts';
import type { OutgoingForm, OutgoingState } from './outgoing-form.ts';
import type { SettingsField, SettingsForm } from './settings-form.ts';

/** Who the account belongs to, asked first. */
export interface Identity {
  readonly email: string;
  readonly displayName: string;
}

/** A plain test, the test before saving, browser sign-in (tests and saves), or a test with a test message. */
export type RunPurpose = 'test' | 'save' | 'sign-in' | 'message';

/** How the settings screen was reached: found by discovery, nothing found, the user's choice, or an error. */
export type SettingsOrigin = 'found' | 'none' | 'manual' | 'failed';

/** The server settings, the secret, and the test, on one screen. */
export interface DetailsState {
  readonly step: 'details';
  readonly identity: Identity;
  readonly origin: SettingsOrigin;
  readonly discovery: DiscoveryResult | null;
  readonly discoveryError: string | null;
  /** What discovery filled in, to explain the user's changes; null for manual entry. */
  readonly found: SettingsForm | null;
  readonly form: SettingsForm;
  readonly touched: Readonly<Partial<Record<SettingsField | 'password', true>>>;
  readonly showAllErrors: boolean;
  /** Set right after a security change moved the port. */
  readonly portFollowed: boolean;
  readonly password: string;
  readonly spacesRemoved: boolean;
  /** The user chose a password although the provider prefers browser sign-in. */
  readonly passwordInsteadOfOAuth: boolean;
  readonly trustedFingerprint: string | null;
  /** A test showed that this server wants an app password, even if discovery did not know. */
  readonly learnedAppPassword: { readonly helpUrl: string | null } | null;
  readonly run: CheckRun;
  /** The passed test a test message started from: cancelling the message brings it (and Save) back. */
  readonly runBefore: CheckRun | null;
  /** A plain test, the test before saving, or browser sign-in (which tests and saves). */
  readonly runPurpose: RunPurpose;
  /** The form, password and trust the current run was started with, to spot later edits. */
  readonly runKey: string | null;
  readonly duplicateOf: string | null;
  /** The outgoing (SMTP) server: its form, what was found, and its password choice. */
  readonly outgoing: OutgoingState;
  /** Save was pressed with no outgoing server: the wizard asks before saving incoming mail only. */
  readonly confirmingNoOutgoing: boolean;
  /** False while a known provider's settings show as one line, so the password comes first. */
  readonly settingsOpen: boolean;
  /** What the Server field's clean-up changed last (a pasted URL, a port), to say so. */
  readonly hostCleaned: readonly string[];
}

/** The first screen: the address, and what the user had entered further on, kept for Continue. */
export interface EmailState {
  readonly step: 'email';
  readonly identity: Identity;
  readonly emailError: string | null;
  /** The details screen as the user left it with Back: Continue with the same address returns to it. */
  readonly kept: DetailsState | null;
  /** A saved account with this address (any case): named here, with Update password offered. */
  readonly savedAs: string | null;
  /** The address changed after edits further on: ask before they are discarded. */
  readonly confirmDiscard: boolean;
}

export type WizardState =
  | EmailState
  | { readonly step: 'discovering'; readonly identity: Identity; readonly discoveryId: string; readonly kept: DetailsState | null }
  | DetailsState
  | { readonly step: 'saved'; readonly account: AccountSummary };

export type AddAccountResult = CallResponse<'addAccount'>;

export type WizardAction =
  | { readonly type: 'email-changed'; readonly email: string }
  | { readonly type: 'name-changed'; readonly displayName: string }
  /** `savedEmails`: the addresses already saved, to name a duplicate before anything else. */
  | { readonly type: 'email-submitted'; readonly discoveryId: string; readonly savedEmails?: readonly string[] }
  | { readonly type: 'discard-confirmed'; readonly discoveryId: string }
  | { readonly type: 'discard-declined' }
  | { readonly type: 'suggestion-used'; readonly email: string; readonly discoveryId: string }
  | { readonly type: 'settings-opened' }
  | { readonly type: 'host-cleaned' }
  | { readonly type: 'discovery-finished'; readonly discoveryId: string; readonly result: DiscoveryResult }
  | { readonly type: 'discovery-failed'; readonly discoveryId: string; readonly message: string }
  | { readonly type: 'manual-chosen' }
  | { readonly type: 'back' }
  | { readonly type: 'field-changed'; readonly field: 'host' | 'port' | 'username'; readonly value: string }
  | { readonly type: 'security-changed'; readonly security: Security }
  | { readonly type: 'protocol-changed'; readonly protocol: IncomingProtocol }
  | { readonly type: 'allow-insecure-changed'; readonly allow: boolean }
  | { readonly type: 'password-changed'; readonly password: string }
  | { readonly type: 'password-instead-of-oauth' }
  | { readonly type: 'errors-shown' }
  | { readonly type: 'certificate-trusted'; readonly server: ServerRole; readonly fingerprint256: string }
  | { readonly type: 'check-started'; readonly checkId: string; readonly purpose: RunPurpose; readonly scope?: RunScope }
  | { readonly type: 'check-progress'; readonly checkId: string; readonly step: CheckStep; readonly server?: ServerRole | undefined }
  | { readonly type: 'outgoing-field-changed'; readonly field: 'host' | 'port' | 'username'; readonly value: string }
  | { readonly type: 'outgoing-security-changed'; readonly security: Security }
  | { readonly type: 'outgoing-same-password-changed'; readonly same: boolean }
  | { readonly type: 'outgoing-password-changed'; readonly password: string }
  | { readonly type: 'outgoing-expanded' }
  /** The Outgoing server field was left (empty or not): its notes may show now. */
  | { readonly type: 'outgoing-host-left' }
  /** Fills both servers from a saved account at the same domain (discovery found nothing). */
  | { readonly type: 'saved-servers-used'; readonly form: SettingsForm; readonly outgoing: OutgoingForm | null }
  | { readonly type: 'no-outgoing-confirmation'; readonly open: boolean }
  | { readonly type: 'check-finished'; readonly checkId: string; readonly report: CheckReport }
  | { readonly type: 'check-failed'; readonly checkId: string; readonly code: string; readonly message: string }
  | { readonly type: 'save-finished'; readonly checkId: string; readonly result: AddAccountResult }
  | { readonly type: 'restart' };
