// The single list of IPC calls and events between renderer and main, with their zod schemas.
// The preload, the harness client and the renderer's API type are all derived from this file.
import { z } from 'zod';
import { MessageRefSchema, type MessageRef } from './messages/failure-words.ts';
import { AccountSummarySchema } from './account-summary.ts';
import { CheckProgressSchema, CheckReportSchema } from './check-report.ts';
import { DiscoveryResultSchema } from './discovery-result.ts';
import { CopiesOutcomeSchema, HandoffOptionsSchema, HandoffSaveRequestSchema, HandoffViewRequestSchema, HandoffViewSchema } from './handoff-view.ts';
import { CredentialTextSchema, EmailSchema, maxPasswordLength, OutgoingSettingsSchema, ServerSettingsSchema } from './server-settings.ts';

const CheckIdSchema = z.string().min(1).max(100);
const PasswordSchema = CredentialTextSchema.pipe(z.string().min(1, 'is required').max(maxPasswordLength));
/** SHA-256 fingerprint as hex, colons optional, any case. */
export const FingerprintSchema = z
  .string()
  .trim()
  .regex(/^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/, 'is not a SHA-256 fingerprint');

/** Options every check accepts, whoever starts it. */
const CheckOptionsSchema = z.object({
  checkId: CheckIdSchema,
  allowInsecure: z.boolean().default(false),
  trustCertificate: FingerprintSchema.optional(),
  timeoutSeconds: z.number().positive().max(300).optional(),
  /** After both servers pass, send a labelled message to the account itself and wait for it in INBOX. */
  sendTestMessage: z.boolean().default(false),
});

/**
 * The outgoing half of a new account: its server (null: none known, incoming only), when the
 * outgoing server takes a different password, that password (absent: the incoming one serves both),
 * and the certificate the user trusted for it.
 */
const OutgoingRequestSchema = z.object({
  outgoing: OutgoingSettingsSchema.nullable().default(null),
  outgoingPassword: PasswordSchema.optional(),
  /** The outgoing server's certificate the user chose to trust (for its host and port only). */
  outgoingTrustCertificate: FingerprintSchema.optional(),
});

const AccountResultSchema = z.object({
  report: CheckReportSchema.nullable(),
  account: AccountSummarySchema.nullable(),
  /** Set when the same username on the same server is already saved: offer Update password. */
  duplicateOf: z.string().nullable(),
  /** After a new password: which copies in other programs got it too, and which the user must change there. */
  copies: CopiesOutcomeSchema.optional(),
});

function call<Req extends z.ZodType, Res extends z.ZodType>(channel: string, request: Req, response: Res) {
  return { channel, request, response } as const;
}

/** Every invokable call: method name → channel, request schema, response schema. */
export const ipcCalls = {
  discover: call('discovery:run', z.object({ email: EmailSchema }), DiscoveryResultSchema),
  /**
   * The address the user most likely meant while the email is still being typed (`bob@gmial.com` →
   * `bob@gmail.com`), from the provider data in main; null for a known domain or text that is not
   * an address yet. No network: it answers in well under a millisecond.
   */
  suggestAddress: call('discovery:suggest', z.object({ email: z.string().max(320) }), z.object({ suggestion: EmailSchema.nullable() })),
  startCheck: call(
    'check:start',
    CheckOptionsSchema.extend({ settings: ServerSettingsSchema, password: PasswordSchema }).extend(OutgoingRequestSchema.shape),
    CheckReportSchema,
  ),
  cancelCheck: call('check:cancel', z.object({ checkId: CheckIdSchema }), z.object({ cancelled: z.boolean() })),
  listAccounts: call('accounts:list', z.object({}), z.array(AccountSummarySchema)),
  addAccount: call(
    'accounts:add',
    CheckOptionsSchema.extend({
      settings: ServerSettingsSchema,
      displayName: z.string().max(200).default(''),
      password: PasswordSchema,
      /**
       * The user chose to save although the outgoing server only refused for now (`server-unavailable`):
       * the incoming server must pass; the outgoing one is saved as failing, to re-test later.
       */
      outgoingLater: z.boolean().default(false),
    }).extend(OutgoingRequestSchema.shape),
    AccountResultSchema,
  ),
  retestAccount: call(
    'accounts:retest',
    z.object({ checkId: CheckIdSchema, email: EmailSchema, sendTestMessage: z.boolean().default(false) }),
    AccountResultSchema,
  ),
  /** Replaces the saved password(s) after both servers pass with them; `outgoingPassword` only where it differs. */
  setPassword: call(
    'accounts:set-password',
    z.object({ checkId: CheckIdSchema, email: EmailSchema, password: PasswordSchema, outgoingPassword: PasswordSchema.optional() }),
    AccountResultSchema,
  ),
  /** Removes the account (and its keychain items); with `removeGnomeCopy`, GNOME Online Accounts' copy first. */
  removeAccount: call(
    'accounts:remove',
    z.object({ email: EmailSchema, removeGnomeCopy: z.boolean().default(false) }),
    z.object({ removed: z.boolean(), gnomeCopyRemoved: z.boolean().optional() }),
  ),
  revokeCertificate: call(
    'accounts:revoke-certificate',
    z.object({ email: EmailSchema, fingerprint256: FingerprintSchema }),
    AccountSummarySchema,
  ),
  /**
   * OAuth2 sign-in in the system browser, then the check with the access token; saves (or renews)
   * the account only after it passes. A saved account is named by `email` alone; a new one also
   * needs `settings`. Progress arrives as `onCheckProgress` under `checkId`.
   */
  signInWithOAuth: call(
    'accounts:sign-in-oauth',
    CheckOptionsSchema.extend({
      email: EmailSchema,
      settings: ServerSettingsSchema.optional(),
      displayName: z.string().max(200).optional(),
    }).extend(OutgoingRequestSchema.omit({ outgoingPassword: true }).shape),
    AccountResultSchema,
  ),
  /** Stops a sign-in waiting for the browser, and the check after it, by `checkId`. */
  cancelOAuth: call('accounts:cancel-oauth', z.object({ checkId: CheckIdSchema }), z.object({ cancelled: z.boolean() })),
  /** The hand-off targets this computer offers ("Use in other apps"), and whether files are saved through a dialog. */
  listHandoffTargets: call('handoff:targets', z.object({}), HandoffOptionsSchema),
  /** A saved account for another program: the QR code image, a config file's text, or its registration with GNOME. */
  exportAccount: call('handoff:export', HandoffViewRequestSchema, HandoffViewSchema),
  /** Writes a config file where the user chooses in the save dialog (readable only by the user); false when cancelled. */
  saveHandoffFile: call('handoff:save', HandoffSaveRequestSchema, z.object({ saved: z.boolean() })),
  /** Things the user must be told at start, e.g. that a damaged settings file was set aside. */
  // `words`, where there are, say each notice by catalogue id (index for index; null for one in English only).
  getNotices: call('app:notices', z.object({}), z.object({ notices: z.array(z.string()), words: z.array(z.array(MessageRefSchema).nullable()).optional() })),
  /** Whether the OS keychain can keep passwords, asked at start so the user hears it before typing. */
  getKeychainStatus: call('app:keychain-status', z.object({}), z.object({ available: z.boolean(), detail: z.string() })),
  openExternal: call('shell:open-external', z.object({ url: z.string().url() }), z.object({ opened: z.boolean() })),
} as const;

/** Every event main pushes to the renderer: method name → channel and payload schema. */
export const ipcEvents = {
  onCheckProgress: { channel: 'check:progress', payload: CheckProgressSchema },
} as const;

export type IpcCalls = typeof ipcCalls;
export type CallName = keyof IpcCalls;
export type CallRequest<K extends CallName> = z.input<IpcCalls[K]['request']>;
export type ParsedRequest<K extends CallName> = z.output<IpcCalls[K]['request']>;
export type CallResponse<K extends CallName> = z.output<IpcCalls[K]['response']>;
export type EventName = keyof typeof ipcEvents;
export type EventPayload<K extends EventName> = z.output<(typeof ipcEvents)[K]['payload']>;

/** Why a call did not reach its service or the service could not answer. */
export const ipcErrorCodes = ['invalid-request', 'forbidden', 'cancelled', 'keychain-unavailable', 'not-found', 'sign-in-failed', 'internal'] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/**
 * Every call's answer travels in this envelope, so errors keep their code across the bridge. An
 * error's `words`, where it has them, are its message by catalogue id (joined by a space), for the
 * page to say in its language; `message` is the English.
 */
export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string; words?: MessageRef[] } };

/** The API the preload (or the harness client) exposes as `window.mailSetup`. */
export type MailSetupApi = {
  [K in CallName]: (request: CallRequest<K>) => Promise<IpcEnvelope<CallResponse<K>>>;
} & {
  [K in EventName]: (listener: (payload: EventPayload<K>) => void) => () => void;
};
