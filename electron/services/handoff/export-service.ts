// The one export service the CLI and the IPC handlers call: loads the saved account, picks the writer, adds the password only when asked.
import {
  HandoffExportRequestSchema,
  handoffTargets,
  passwordCarryingTargets,
  type GnomeExport,
  type HandoffExport,
  type HandoffExportRequest,
  type HandoffFileTarget,
} from '../../../shared/handoff-targets.ts';
import { ServiceError } from '../service-error.ts';
import type { HandoffAccount, KeychainItem } from './handoff-account.ts';
import type { KeychainPlatform } from './keychain-command.ts';
import { handoffWriters } from './writer-table.ts';
import type { IncludedSecrets } from './writer.ts';

/** What the export service needs; the CLI and main build it from their own adapters. */
export interface ExportServiceDeps {
  /** The saved account as the writers see it; throws `ServiceError('not-found')` for an unknown one. */
  loadAccount: (email: string) => Promise<HandoffAccount>;
  /** The secret of one keychain item (only called with includePassword). */
  readSecret: (item: KeychainItem) => Promise<string | null>;
  /** Whose keychain the exported lookup commands read. */
  platform: KeychainPlatform;
  /** The shell command that prints a fresh access token for an OAuth2 account. */
  tokenCommand: (email: string) => string;
  /** Registers the account and its passwords with GNOME Online Accounts (gnome/gnome-export.ts); absent where it cannot be offered. */
  gnome?: ((account: HandoffAccount, secrets: () => Promise<IncludedSecrets>) => Promise<GnomeExport>) | undefined;
  /** Turns a QR payload's text into an SVG image (kept out of the writers so they stay pure). */
  renderQrSvg: (text: string) => Promise<string>;
}

export interface ExportService {
  /** The export of one saved account for one target; throws `ServiceError` with a one-line message. */
  export(request: HandoffExportRequest): Promise<HandoffExport>;
}

async function readSecrets(deps: ExportServiceDeps, account: HandoffAccount): Promise<IncludedSecrets> {
  const incoming = await deps.readSecret(account.incomingSecret);
  const outgoing = account.outgoingSecret.account === account.incomingSecret.account ? incoming : await deps.readSecret(account.outgoingSecret);
  if (incoming === null || outgoing === null) {
    throw new ServiceError('not-found', `No password is saved in the keychain for ${account.email}: set it in Mail Setup (or mail-setup accounts set-password), then export again.`);
  }
  return { incoming, outgoing };
}

/** Builds the export service over the given account loader, keychain and platform. */
export function createExportService(deps: ExportServiceDeps): ExportService {
  return {
    async export(raw) {
      const parsed = HandoffExportRequestSchema.safeParse(raw);
      if (!parsed.success) {
        const targetIssue = parsed.error.issues.some((issue) => issue.path[0] === 'target');
        throw new ServiceError('invalid-request', targetIssue ? `Unknown target; the targets are: ${handoffTargets.join(', ')}.` : 'The export request is not valid.');
      }
      const request = parsed.data;
      if (request.includePassword && !passwordCarryingTargets.includes(request.target)) {
        throw new ServiceError(
          'invalid-request',
          `The ${request.target} config never holds the password (it reads it from the keychain when it runs); the password can be included only for ${passwordCarryingTargets.join(' and ')}.`,
        );
      }
      const account = await deps.loadAccount(request.email);
      if (request.includePassword && account.authKind === 'oauth2') {
        throw new ServiceError('invalid-request', `${account.email} signs in with OAuth2, so it has no password to include: the other program asks you to sign in.`);
      }
      const secrets = request.includePassword ? await readSecrets(deps, account) : null;
      if (request.target === 'gnome') {
        if (deps.gnome === undefined) throw new ServiceError('invalid-request', 'GNOME Online Accounts is not available in this session (no GOA on the D-Bus session bus).');
        // GOA keeps its own copy of the password, so it is read here whatever includePassword says, once GOA can take the account.
        return deps.gnome(account, () => readSecrets(deps, account));
      }
      return writeFile(deps, request.target, account, secrets);
    },
  };
}

async function writeFile(deps: ExportServiceDeps, target: HandoffFileTarget, account: HandoffAccount, secrets: IncludedSecrets | null): Promise<HandoffExport> {
  const writer = await handoffWriters[target]();
  const written = writer(account, { platform: deps.platform, tokenCommand: deps.tokenCommand(account.email), secrets: secrets ?? undefined });
  const common = { fileName: written.fileName, mediaType: written.mediaType, containsPassword: written.containsPassword, notes: written.notes, text: written.text };
  if (target === 'thunderbird-mobile') {
    return { kind: 'qr', target, payload: written.payload ?? [], svg: await deps.renderQrSvg(written.text), ...common };
  }
  return { kind: 'text', target, ...common };
}
