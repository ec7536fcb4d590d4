// The settings file: its zod and JSON schema, its versioned migrations, and the store options both adapters share.
import { z } from 'zod';
import { FailureCategorySchema } from '../../../shared/failure-category.ts';
import { HandoffCopySchema } from '../../../shared/handoff-view.ts';
import { IncomingProtocolSchema, SecuritySchema } from '../../../shared/server-settings.ts';
import { storeIdPattern } from '../secrets/secret-store.ts';

/** The schema version this build writes; a file with a higher one is from a newer Mail Setup. */
export const settingsSchemaVersion = 3;

/** The settings file is `<data dir>/settings.json` for the app, the CLI and the harness alike. */
export const settingsFileName = 'settings';

const StoredCertificateSchema = z.strictObject({
  host: z.string(),
  port: z.number().int(),
  fingerprint256: z.string(),
  problem: z.string(),
  trustedAt: z.string(),
});

/**
 * A saved account's outgoing (SMTP submission) server and the outcome of its last check. With
 * `sharedPassword` the incoming keychain item signs in here too; otherwise a second item holds
 * the outgoing password (see secret-store.ts).
 */
export const StoredOutgoingSchema = z.strictObject({
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  security: SecuritySchema,
  username: z.string().min(1),
  sharedPassword: z.boolean(),
  lastCheckedAt: z.string().nullable(),
  lastFailureCategory: FailureCategorySchema.nullable(),
});
export type StoredOutgoing = z.infer<typeof StoredOutgoingSchema>;

/**
 * One saved account as the settings file holds it. Strict: an unknown key (a `password`, say)
 * is a schema violation, so a secret cannot reach the file by accident.
 */
export const StoredAccountSchema = z.strictObject({
  email: z.string().min(3).max(320),
  displayName: z.string().max(200),
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  security: SecuritySchema,
  username: z.string().min(1),
  /** How mail is read from the incoming server (version 3; older accounts are IMAP). */
  protocol: IncomingProtocolSchema,
  authKind: z.enum(['password', 'oauth2']),
  allowInsecure: z.boolean(),
  lastCheckedAt: z.string().nullable(),
  lastFailureCategory: FailureCategorySchema.nullable(),
  trustedCertificates: z.array(StoredCertificateSchema),
  /** Null: no outgoing server saved (accounts from before version 2, or saved without one). */
  outgoing: StoredOutgoingSchema.nullable(),
  /** Copies handed to other programs that keep their own password (GNOME Online Accounts, the phone, Apple Mail); absent: none. */
  copies: z.array(HandoffCopySchema).optional(),
});
export type StoredAccount = z.infer<typeof StoredAccountSchema>;

/** The whole settings file at the current schema version. */
export const SettingsDocumentSchema = z.strictObject({
  schemaVersion: z.literal(settingsSchemaVersion),
  /** Random id of this settings file; part of every keychain account name (see secret-store.ts). */
  storeId: z.string().regex(storeIdPattern).optional(),
  accounts: z.array(StoredAccountSchema),
});
export type SettingsDocument = z.infer<typeof SettingsDocumentSchema>;

type RawDocument = Record<string, unknown>;

/**
 * Migrations keyed by the schema version they produce: `n` turns a version `n - 1` document
 * into version `n`. They run on the parsed JSON before the store opens, independent of the
 * app version (conf's own migrations follow `projectVersion`, which the CLI does not have).
 */
export const settingsMigrations: Readonly<Record<number, (document: RawDocument) => RawDocument>> = {
  // Version 0: files written before the schema had a version; accounts lacked the later fields.
  1: (document) => ({
    ...(typeof document['storeId'] === 'string' ? { storeId: document['storeId'] } : {}),
    accounts: (Array.isArray(document['accounts']) ? document['accounts'] : []).map((account: unknown) => {
      const fields = typeof account === 'object' && account !== null ? (account as RawDocument) : {};
      return {
        displayName: '',
        authKind: 'password',
        allowInsecure: false,
        lastCheckedAt: null,
        lastFailureCategory: null,
        trustedCertificates: [],
        ...fields,
      };
    }),
  }),
  // Version 1: accounts had no outgoing server.
  2: (document) => ({
    ...document,
    accounts: (Array.isArray(document['accounts']) ? document['accounts'] : []).map((account: unknown) =>
      typeof account === 'object' && account !== null ? { outgoing: null, ...(account as RawDocument) } : account,
    ),
  }),
  // Version 2: every incoming server was IMAP.
  3: (document) => ({
    ...document,
    accounts: (Array.isArray(document['accounts']) ? document['accounts'] : []).map((account: unknown) =>
      typeof account === 'object' && account !== null ? { protocol: 'imap', ...(account as RawDocument) } : account,
    ),
  }),
};

/** Why a settings file cannot be used: a key that the catalogues' texts choose their words by, and the English. */
export interface CorruptReason {
  readonly key: 'notJson' | 'notObject' | 'badVersion' | 'noMigration' | 'migrationFailed' | 'schema' | 'other';
  /** The schema version a migration was for (noMigration, migrationFailed). */
  readonly version?: number;
  /** In English; for `other` (a field and what is wrong with it) the only words there are. */
  readonly why: string;
}

const corruptWhy: Record<Exclude<CorruptReason['key'], 'other'>, (version: number) => string> = {
  notJson: () => 'it is not valid JSON',
  notObject: () => 'it does not hold an object',
  badVersion: () => 'its schemaVersion is not a version number',
  noMigration: (version) => `no migration to schema version ${version}`,
  migrationFailed: (version) => `the migration to schema version ${version} failed`,
  schema: () => 'it does not match the settings schema',
};

/** The reason `key` (with the migration's `version` where it has one). */
export function corruptReason(key: Exclude<CorruptReason['key'], 'other'>, version?: number): CorruptReason {
  return { key, ...(version === undefined ? {} : { version }), why: corruptWhy[key](version ?? 0) };
}

/** The reason's values for the texts that say it (`{reason, select, …}`). */
export function corruptReasonValues(reason: CorruptReason): Record<'reason' | 'version' | 'why', string> {
  return { reason: reason.key, version: String(reason.version ?? ''), why: reason.why };
}

/** What a settings file's contents turned out to be. */
export type MigrationOutcome =
  | { kind: 'current'; document: SettingsDocument; migratedFrom: number | null }
  | { kind: 'newer'; version: number }
  | { kind: 'corrupt'; reason: CorruptReason };

/** Brings parsed JSON to the current schema version and validates it. */
export function migrateSettings(
  parsed: unknown,
  migrations: Readonly<Record<number, (document: RawDocument) => RawDocument>> = settingsMigrations,
  target: number = settingsSchemaVersion,
): MigrationOutcome {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'corrupt', reason: corruptReason('notObject') };
  let document = parsed as RawDocument;
  const version = document['schemaVersion'] ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { kind: 'corrupt', reason: corruptReason('badVersion') };
  if (version > target) return { kind: 'newer', version };
  for (let next = version + 1; next <= target; next += 1) {
    const migrate = migrations[next];
    if (migrate === undefined) return { kind: 'corrupt', reason: corruptReason('noMigration', next) };
    try {
      document = { ...migrate(document), schemaVersion: next };
    } catch {
      return { kind: 'corrupt', reason: corruptReason('migrationFailed', next) };
    }
  }
  const result = SettingsDocumentSchema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { kind: 'corrupt', reason: { key: 'other', why: `${issue?.path.join('.') || 'the file'} ${issue?.message ?? 'is invalid'}` } };
  }
  return { kind: 'current', document: result.data, migratedFrom: version === target ? null : version };
}

// conf's `schema` option is the `properties` of the root object; the nested objects stay strict.
const documentJsonSchema = z.toJSONSchema(SettingsDocumentSchema) as { properties: Record<string, object> };

/**
 * Options for conf and electron-store, built once here so both adapters write the same file the
 * same way. `clearInvalidConfig` is off because an unreadable file is set aside by
 * `prepareSettingsFile` instead of being wiped; no `defaults`, so merely opening writes nothing.
 */
export const settingsStoreOptions = {
  schema: documentJsonSchema.properties,
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false,
  configFileMode: 0o600,
} as const;
