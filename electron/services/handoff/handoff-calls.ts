// The IPC calls of "Use in other apps": which targets this computer offers, each export as the dialog shows it, saving a file.
import type { HandoffTarget } from '../../../shared/handoff-targets.ts';
import { handoffTargets } from '../../../shared/handoff-targets.ts';
import { handoffCopies, type CopiesOutcome, type HandoffCopy, type HandoffView } from '../../../shared/handoff-view.ts';
import type { Services } from '../../../shared/ipc-services.ts';
import type { AccountsService } from '../accounts/accounts-service.types.ts';
import { ServiceError } from '../service-error.ts';
import type { ExportService } from './export-service.ts';

/** What the hand-off calls need from the composition root. */
export interface HandoffDeps {
  exports: ExportService;
  /** Whether GOA and its IMAP/SMTP provider are on the session bus (gnome-target.ts gnomeAvailability). */
  gnomeAvailable: () => Promise<boolean>;
  /** Removes GNOME Online Accounts' account for the address (gnome-export.ts); false when it holds none. */
  removeGnomeCopy: (email: string) => Promise<boolean>;
  /** Asks where to save through the system's dialog and writes the file (0600); false when cancelled. Absent in the harness. */
  saveFile?: ((fileName: string, contents: string) => Promise<boolean>) | undefined;
}

const isCopy = (target: HandoffTarget): target is HandoffCopy => (handoffCopies as readonly string[]).includes(target);

/**
 * After a new password passed its check: GNOME's copy gets it too (GOA is given it again and
 * read back); the phone's and Apple Mail's copies cannot be reached from here.
 */
export async function updateCopies(exports: ExportService, email: string, copies: readonly HandoffCopy[]): Promise<CopiesOutcome> {
  const outcome: CopiesOutcome = { updated: [], failed: [], unreachable: copies.filter((copy) => copy !== 'gnome') };
  if (!copies.includes('gnome')) return outcome;
  try {
    await exports.export({ email, target: 'gnome' });
    outcome.updated.push('gnome');
  } catch (error) {
    outcome.failed.push({ copy: 'gnome', message: error instanceof ServiceError ? error.message : 'GNOME Online Accounts could not be reached.' });
  }
  return outcome;
}

/** What became of the copies when an account was removed: `gnomeCopyRemoved` only when GNOME's was asked for (false: GOA held none). */
export interface RemovalOutcome {
  removed: boolean;
  gnomeCopyRemoved?: boolean;
}

/**
 * Remove (the app's button and `mail-setup accounts remove`): with `removeGnomeCopy`, GNOME's
 * copy goes first, so that if GOA refuses the user still has the account here and hears why.
 */
export async function removeAccountAndCopy(
  remove: (email: string) => Promise<boolean>,
  removeGnomeCopy: HandoffDeps['removeGnomeCopy'],
  request: { email: string; removeGnomeCopy: boolean },
): Promise<RemovalOutcome> {
  if (!request.removeGnomeCopy) return { removed: await remove(request.email) };
  const gnomeCopyRemoved = await removeGnomeCopy(request.email);
  return { removed: await remove(request.email), gnomeCopyRemoved };
}

type HandoffCalls = Pick<Services, 'listHandoffTargets' | 'exportAccount' | 'saveHandoffFile'>;

const svgDataUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;

/** The three hand-off calls over the export service; copies made are remembered with the account. */
export function createHandoffCalls(deps: HandoffDeps, accounts: Pick<AccountsService, 'rememberCopy'>): HandoffCalls {
  return {
    listHandoffTargets: async () => {
      const gnome = await deps.gnomeAvailable();
      const targets = handoffTargets.filter((target: HandoffTarget) => target !== 'gnome' || gnome);
      return { targets, saveDialog: deps.saveFile !== undefined };
    },
    exportAccount: async (request): Promise<HandoffView> => {
      // The app puts the password only into the QR code, which the user sees being made; files stay password-free.
      if (request.includePassword && request.target !== 'thunderbird-mobile') {
        throw new ServiceError('invalid-request', 'Only the QR code for Thunderbird on a phone can include the password.');
      }
      const result = await deps.exports.export(request);
      // Made and shown: the other program may now hold the account (and its password) apart from Mail Setup.
      if (isCopy(request.target)) await accounts.rememberCopy(request.email, request.target);
      if (result.kind === 'gnome') return { kind: 'gnome', target: 'gnome', registration: result.registration };
      if (result.kind === 'qr') return { kind: 'qr', target: 'thunderbird-mobile', imageDataUrl: svgDataUrl(result.svg), containsPassword: result.containsPassword };
      return { kind: 'text', target: result.target, fileName: result.fileName, mediaType: result.mediaType, text: result.text };
    },
    saveHandoffFile: async (request) => {
      if (deps.saveFile === undefined) throw new ServiceError('invalid-request', 'Saving files needs the desktop app; copy the text instead.');
      const result = await deps.exports.export({ ...request, includePassword: false });
      if (result.kind !== 'text') throw new ServiceError('invalid-request', 'This target has no file to save.');
      return { saved: await deps.saveFile(result.fileName, result.text) };
    },
  };
}
