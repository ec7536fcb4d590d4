// The settings file of a newer Mail Setup, opened read-only: what this version can read of it is listed, nothing is written.
import { serviceWords } from '../../../shared/messages/service-messages.ts';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FailureCategorySchema } from '../../../shared/failure-category.ts';
import { storeIdPattern } from '../secrets/secret-store.ts';
import type { SettingsNotice } from './settings-file-guard.ts';
import { StoredAccountSchema, StoredOutgoingSchema, type StoredAccount } from './settings-schema.ts';
import type { SettingsSnapshot, SettingsStore } from './settings-store.types.ts';
import { StorageError } from './storage-error.ts';

// This version's fields of an account; fields it does not know are left out, values it does not know read as unknown.
const ReadableAccountSchema = z.object({
  ...StoredAccountSchema.shape,
  lastFailureCategory: FailureCategorySchema.nullable().catch(null),
  trustedCertificates: StoredAccountSchema.shape.trustedCertificates.catch([]),
  outgoing: z
    .object({ ...StoredOutgoingSchema.shape, lastFailureCategory: FailureCategorySchema.nullable().catch(null) })
    .nullable()
    .catch(null),
});

function readFields(path: string): Record<string, unknown> {
  try {
    const document: unknown = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    return typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function readNewer(path: string): SettingsSnapshot {
  const fields = readFields(path);
  const storeId = typeof fields['storeId'] === 'string' && storeIdPattern.test(fields['storeId']) ? fields['storeId'] : null;
  const accounts: StoredAccount[] = [];
  for (const entry of Array.isArray(fields['accounts']) ? fields['accounts'] : []) {
    const parsed = ReadableAccountSchema.safeParse(entry);
    if (parsed.success) accounts.push(parsed.data);
  }
  return { storeId, accounts };
}

/**
 * The store over a newer version's file at `path`: `read` gives the accounts this version can
 * read (the file is read again each time, as the newer app may change it), and every write is
 * refused with the notice's words, before anything is sent or changed.
 */
export function openNewerSettingsStore(path: string, notice: SettingsNotice): SettingsStore {
  const refuse = (): never => {
    const version = readFields(path)['schemaVersion'];
    const { message, words } = serviceWords({ id: 'serviceTexts.settings.newerRefused', values: { path, version: String(version) } });
    throw new StorageError('newer-version', path, message, words);
  };
  return {
    path,
    notice,
    read: () => readNewer(path),
    write: refuse,
    assertWritable: refuse,
    noteReadOnly: () => undefined,
  };
}
