// The shape of one entry in the bundled provider table, as a zod schema and its types.
import { z } from 'zod';
import { AuthKindSchema } from '../discovery-result.ts';
import { PortSchema, SecuritySchema } from '../server-settings.ts';

/** A lower-case ASCII DNS name with at least two labels (IDN domains are stored as punycode). */
export const DomainNameSchema = z
  .string()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'is not a lower-case ASCII domain name');

/** A host named after the address's own domain ("mail.%EMAILDOMAIN%"), as some ISPDB entries have it. */
export const DomainTemplateHostSchema = z.string().max(253).regex(/^([a-z0-9-]+\.)*%EMAILDOMAIN%$/, 'is not a host template');

/** A host the app connects to: a DNS name as above, a host template, or the IPv4 loopback of a local bridge. */
export const ProviderHostSchema = z.union([DomainNameSchema, DomainTemplateHostSchema, z.literal('127.0.0.1')]);

/** Help pages are opened in the user's browser, so only https is allowed. */
export const HttpsUrlSchema = z.url({ protocol: /^https$/ });

/** How the username is formed from the address, in autoconfig placeholder syntax (IIJ's POP3 servers: local part, a dot, the domain). */
export const UsernameFormSchema = z.enum(['%EMAILADDRESS%', '%EMAILLOCALPART%', '%EMAILLOCALPART%.%EMAILDOMAIN%']);
export type UsernameForm = z.infer<typeof UsernameFormSchema>;

export const ProviderServerSchema = z.strictObject({
  host: ProviderHostSchema,
  port: PortSchema,
  security: SecuritySchema,
  username: UsernameFormSchema,
});
/** Where one of a provider's servers (IMAP, POP3 or SMTP submission) is and how the username is formed. */
export type ProviderServer = z.infer<typeof ProviderServerSchema>;
export const ProviderImapSchema = ProviderServerSchema;
/** Where a provider's IMAP server is and how the username is formed. */
export type ProviderImap = ProviderServer;
/** Where a provider's outgoing (SMTP submission) server is and how the username is formed. */
export type ProviderSmtp = ProviderServer;

export const OAuth2MetadataSchema = z.strictObject({
  authorizationEndpoint: HttpsUrlSchema,
  tokenEndpoint: HttpsUrlSchema,
  scopes: z.array(z.string().min(1)).min(1),
  /** A placeholder until the app is registered with the provider; never a secret. */
  clientId: z.string().min(1),
});
/** Data for a later OAuth2 sign-in; nothing in discovery acts on it. */
export type OAuth2Metadata = z.infer<typeof OAuth2MetadataSchema>;

const commonFields = {
  /** Stable kebab-case key, shown to no one. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  /** Address domains that belong to this provider; may be empty for hosting-only entries. */
  domains: z.array(DomainNameSchema),
  /** MX host suffixes that mark a custom domain as hosted here ("aspmx.l.google.com" → "google.com"). */
  mxSuffixes: z.array(DomainNameSchema).optional(),
  auth: AuthKindSchema,
  /** The app-password page, or the page explaining how to sign in; https only. */
  helpUrl: HttpsUrlSchema.nullable(),
};

export const ProviderWithImapSchema = z.strictObject({
  ...commonFields,
  imapAvailable: z.literal(true),
  imap: ProviderServerSchema,
  /** The submission server for sending, with the same sign-in as IMAP (RFC 8314: 465 implicit TLS, or 587 STARTTLS). */
  smtp: ProviderServerSchema,
  /** The POP3 server, where the provider offers one beside IMAP (IMAP is chosen; POP3 is one click away). */
  pop3: ProviderServerSchema.optional(),
  /** Whether app passwords are shown in space-separated groups ("abcd efgh ijkl mnop"). */
  appPasswordGroups: z.boolean().optional(),
  oauth2: OAuth2MetadataSchema.optional(),
  /** Something the user must do first (for example, switch IMAP on in the webmail). */
  note: z.string().min(1).optional(),
  /** Why these settings differ from Thunderbird's ISPDB for the same domains (the generator checks). */
  ispdbDiffers: z.string().min(1).optional(),
});

export const ProviderWithoutImapSchema = z.strictObject({
  ...commonFields,
  imapAvailable: z.literal(false),
  /** True when the provider offers POP3 but not IMAP (as opposed to no mail-app access at all). */
  pop3Only: z.literal(true).optional(),
  /** The POP3 server of a POP3-only provider, and its submission server. */
  pop3: ProviderServerSchema.optional(),
  smtp: ProviderServerSchema.optional(),
  /** The plain sentence the user reads beside the POP3 settings, or instead of any settings. */
  note: z.string().min(1),
});

export const ProviderEntrySchema = z.discriminatedUnion('imapAvailable', [
  ProviderWithImapSchema,
  ProviderWithoutImapSchema,
]);
/** One provider in the bundled table. */
export type ProviderEntry = z.infer<typeof ProviderEntrySchema>;
export type ProviderWithImap = z.infer<typeof ProviderWithImapSchema>;
