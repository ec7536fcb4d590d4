// What a check needs to know and what it is given to run (the engine's dependencies).
import type { ProviderHint } from '../../../shared/discovery-result.ts';
import type { OutgoingSettings, ServerSettings } from '../../../shared/server-settings.ts';

/** The secret that signs in: a password, or an OAuth2 access token. */
export type Credential = { kind: 'password'; password: string } | { kind: 'oauth2'; accessToken: string };

/** The outgoing (SMTP submission) server of a check and the secret it signs in with. */
export interface OutgoingCheckInput {
  settings: OutgoingSettings;
  /** Usually the same credential as incoming (one password, or the same OAuth2 token). */
  credential: Credential;
  /** SHA-256 fingerprint the user chose to trust for exactly this host and port. */
  trustedFingerprint?: string | undefined;
}

/** One Test Account Settings request. */
export interface CheckInput {
  settings: ServerSettings;
  credential: Credential;
  /** The user insisted that a password may cross an unencrypted connection. */
  allowInsecure: boolean;
  /** SHA-256 fingerprint the user chose to trust for exactly this host and port. */
  trustedFingerprint?: string | undefined;
  /** Per-step time limit. */
  timeoutMs: number;
  /** Provider hints for the failure texts (name, app-password page). */
  provider?: ProviderHint | undefined;
  /** The outgoing server to test beside the incoming one (concurrently); absent: incoming only. */
  outgoing?: OutgoingCheckInput | undefined;
  /** Test just one of the two servers (`--only`); default both, where outgoing is given. */
  only?: 'incoming' | 'outgoing' | undefined;
  /** After both pass, send a labelled message to the account itself and wait for it in INBOX. */
  sendTestMessage?: boolean | undefined;
  /** How long to wait for the test message in INBOX (default 60 s). */
  deliveryTimeoutMs?: number | undefined;
  /** Keep the redacted protocol transcript in the report. */
  transcript?: boolean | undefined;
}

/** Resolves a host name to its addresses, in the order to try them. */
export type ResolveHost = (host: string) => Promise<string[]>;

/** The engine's dependencies, passed in so tests use real ones and callers choose. */
export interface CheckDeps {
  resolveHost: ResolveHost;
  /** Trusted CAs: Node's bundled roots, NODE_EXTRA_CA_CERTS and the system store. */
  caCertificates: () => readonly string[];
  /** Source address for outgoing connections (tests use 127.0.0.N to keep Dovecot's penalty apart). */
  localAddress?: string | undefined;
  now: () => number;
}
