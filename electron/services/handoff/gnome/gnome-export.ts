// The export service's `gnome` target: GOA registration with the passwords from Mail Setup's keychain, errors as service errors.
import { exportNotes } from '../../../../shared/messages/export-notes.ts';
import type { GnomeExport } from '../../../../shared/handoff-targets.ts';
import { ServiceError } from '../../service-error.ts';
import type { HandoffAccount } from '../handoff-account.ts';
import type { IncludedSecrets } from '../writer.ts';
import { GnomeExportError } from './gnome-errors.ts';
import { registerWithGnome, removeFromGnome, type GnomeDeps } from './gnome-target.ts';

const notes = [exportNotes.gnome.apps, exportNotes.gnome.copy];

/** GOA's failures as the CLI and IPC report them: what the user cannot change here is a usage error, GOA failing is not. */
export function toServiceError(error: unknown): unknown {
  if (!(error instanceof GnomeExportError)) return error;
  return new ServiceError(error.kind === 'failed' ? 'internal' : 'invalid-request', error.message);
}

/** Registers the account with GOA, reading the passwords only once GOA is there to take them. */
export function gnomeExport(deps: GnomeDeps = {}) {
  return async (account: HandoffAccount, secrets: () => Promise<IncludedSecrets>): Promise<GnomeExport> => {
    try {
      const registration = await registerWithGnome(account, secrets, deps);
      return { kind: 'gnome', target: 'gnome', registration, notes };
    } catch (error) {
      throw toServiceError(error);
    }
  };
}

/** Removes GOA's account for the address (Remove with "also from GNOME"); false when GOA holds none. */
export function gnomeRemoval(deps: GnomeDeps = {}) {
  return (email: string): Promise<boolean> => removeFromGnome(email, deps).catch((error: unknown) => Promise.reject(toServiceError(error)));
}
