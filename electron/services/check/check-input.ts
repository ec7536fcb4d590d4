// What a check needs to know and what it is given to run (the engine's dependencies).
import type { DiscoveredProvider } from '../../../shared/discovery-result.ts';
import type { ServerSettings } from '../../../shared/server-settings.ts';

/** The secret that signs in: a password, or an OAuth2 access token. */
export type Credential = { kind: 'password'; password: string } | { kind: 'oauth2'; accessToken: string };

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
  provider?: Pick<DiscoveredProvider, 'name' | 'helpUrl' | 'auth'> | undefined;
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
