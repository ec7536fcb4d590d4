// `mail-setup export EMAIL --to TARGET`: a saved account's settings for another mail program, printed or written to a private file.
import { extname } from 'node:path';
import { handoffTargets, HandoffTargetSchema, type GnomeExport, type HandoffExport } from '../../shared/handoff-targets.ts';
import { createKeytarSecretStore } from '../adapters/keytar-secret-store.ts';
import { openDataDir } from '../services/accounts/data-dir.ts';
import { openReadOnlySettings } from '../services/accounts/read-only-settings.ts';
import { writePrivateFile } from '../services/handoff/private-file.ts';
import { createDefaultExportService } from '../services/handoff/default-export-service.ts';
import { qrPng, qrTerminal } from '../services/handoff/qr-image.ts';
import { rememberGnomeCopy } from './cli-copies.ts';
import { parseCommandArgs, quoted, UsageError, type CliIo } from './cli-io.ts';
import { say, sayEnglish } from './cli-language.ts';

const options = {
  to: { type: 'string' },
  output: { type: 'string' },
  'include-password': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

/** The `--json` document: the export without the SVG image (a file or the terminal shows the code); for GNOME, what was registered. */
function exportJson(result: HandoffExport, output: string | null): object {
  if (result.kind === 'gnome') return { target: result.target, registered: result.registration, notes: result.notes };
  const { text, fileName, mediaType, containsPassword, notes } = result;
  const shared = { target: result.target, fileName, mediaType, containsPassword, notes, output };
  return result.kind === 'qr' ? { payload: result.payload, text, ...shared } : { text, ...shared };
}

/** The bytes to write for `--output`: the text, or for the QR code an image chosen by the file's extension. */
async function fileContents(result: Exclude<HandoffExport, GnomeExport>, path: string): Promise<string | Uint8Array> {
  if (result.kind !== 'qr') return result.text;
  const extension = extname(path).toLowerCase();
  if (extension === '.png') return qrPng(result.text);
  if (extension === '.svg') return result.svg;
  throw new UsageError(say('usage.qrImage', { path: quoted(path) }));
}

/** The one line `--to gnome` prints. */
function gnomeLine(result: GnomeExport): string {
  const { email, updated } = result.registration;
  return say(updated ? 'export.gnomeUpdated' : 'export.gnomeAdded', { email });
}

/** The export's notes for a person, on stderr, each in the run's language where the catalogue has it. */
function writeNotes(io: CliIo, notes: readonly string[]): void {
  for (const note of notes) io.stderr.write(`${say('export.note', { note: sayEnglish(note) })}\n`);
}

/** Runs `mail-setup export`. */
export async function runExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, options);
  if (positionals.length === 0) throw new UsageError(say('usage.exportNeedsEmail'));
  if (positionals.length > 1) throw new UsageError(say('usage.strayArgument'));
  const email = positionals[0] as string;
  const target = HandoffTargetSchema.safeParse(values.to);
  if (!target.success) {
    const targets = handoffTargets.join(', ');
    throw new UsageError(values.to === undefined ? say('usage.noTarget', { targets }) : say('usage.unknownTarget', { target: quoted(values.to), targets }));
  }
  if (target.data === 'gnome' && values.output !== undefined) {
    throw new UsageError(say('usage.gnomeNoOutput'));
  }
  // Read-only: an export changes no setting, and the file is read without conf (a faster start).
  const settings = openReadOnlySettings(openDataDir(io.env));
  const secrets = createKeytarSecretStore();
  const service = createDefaultExportService(settings, secrets);
  const result = await service.export({ email, target: target.data, includePassword: values['include-password'] });
  const output = values.output ?? null;
  if (result.kind === 'gnome') {
    // Remembered with the account, so that `accounts set-password` (and the app) update GNOME's copy too.
    await rememberGnomeCopy(io.env, result.registration.email);
    io.stdout.write(values.json ? `${JSON.stringify(exportJson(result, null), null, 2)}\n` : `${gnomeLine(result)}\n`);
    if (!values.json) writeNotes(io, result.notes);
    return 0;
  }
  if (output !== null) {
    writePrivateFile(output, await fileContents(result, output), values.force);
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(exportJson(result, output), null, 2)}\n`);
  } else if (output === null) {
    io.stdout.write(result.kind === 'qr' ? await qrTerminal(result.text) : result.text.endsWith('\n') ? result.text : `${result.text}\n`);
  } else {
    io.stdout.write(`${say('export.wrote', { path: output })}\n`);
  }
  if (!values.json) writeNotes(io, result.notes);
  return 0;
}
