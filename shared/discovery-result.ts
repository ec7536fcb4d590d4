// What autodiscovery found for an address: the shape of `mail-setup discover --json`.
import { z } from 'zod';
import { SecuritySchema } from './server-settings.ts';

export const discoverySources = ['bundled', 'ispdb', 'autoconfig', 'srv', 'mx', 'guess', 'none'] as const;
export const DiscoverySourceSchema = z.enum(discoverySources);
export type DiscoverySource = z.infer<typeof DiscoverySourceSchema>;

export const AuthKindSchema = z.enum(['password', 'app-password', 'oauth2']);
/** How a provider wants its users to sign in over IMAP. */
export type AuthKind = z.infer<typeof AuthKindSchema>;

/** One discovered server (incoming or outgoing): where it is and the username to use. */
export const DiscoveredServerSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  security: SecuritySchema,
  username: z.string(),
});
/** One discovered server (incoming or outgoing). */
export type DiscoveredServer = z.infer<typeof DiscoveredServerSchema>;
export const DiscoveredImapSchema = DiscoveredServerSchema;
export type DiscoveredImap = z.infer<typeof DiscoveredImapSchema>;
export type DiscoveredSmtp = z.infer<typeof DiscoveredServerSchema>;

export const DiscoveredProviderSchema = z.object({
  /** Stable key into the bundled provider table, when the provider is one of ours. */
  id: z.string().optional(),
  name: z.string(),
  auth: AuthKindSchema,
  helpUrl: z.string().nullable(),
  /** False for providers that offer no IMAP at all (the user is told so plainly). */
  imapAvailable: z.boolean().optional(),
  /** True when the provider offers POP3 but not IMAP; `note` then says what that means for the user, beside `pop3`. */
  pop3Only: z.boolean().optional(),
  /** A sentence for the user: what to do first, or why there are no settings (no IMAP, POP3 only). */
  note: z.string().optional(),
  /** Whether app passwords are shown in space-separated groups (Google: "abcd efgh ijkl mnop"). */
  appPasswordGroups: z.boolean().optional(),
  /** Set by the app (not the CLI): true when browser sign-in can work here, i.e. a client id is registered. */
  browserSignIn: z.boolean().optional(),
});
export type DiscoveredProvider = z.infer<typeof DiscoveredProviderSchema>;
/** The provider facts a check's failure texts use (name, help page, how it signs in). */
export type ProviderHint = Pick<DiscoveredProvider, 'name' | 'helpUrl' | 'auth'>;

export const DiscoveryResultSchema = z.object({
  source: DiscoverySourceSchema,
  imap: DiscoveredImapSchema.nullable(),
  /** The outgoing (SMTP submission) server; absent only in results made before outgoing mail existed. */
  smtp: DiscoveredServerSchema.nullable().optional(),
  /** The POP3 server, where one is known (the only incoming server of a POP3-only provider); absent before POP3. */
  pop3: DiscoveredServerSchema.nullable().optional(),
  provider: DiscoveredProviderSchema.nullable(),
  /** True when the settings came over plain http and the user must confirm them. */
  needsConfirmation: z.boolean().optional(),
  /** The address the user most likely meant when the domain looks mistyped (bob@gmial.com → bob@gmail.com). */
  suggestion: z.string().nullable().optional(),
});
export type DiscoveryResult = z.infer<typeof DiscoveryResultSchema>;
