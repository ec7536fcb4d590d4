// Saves a hand-off file where the user picks in the system's save dialog, readable only by the user.
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { writePrivateFile } from '../services/handoff/private-file.ts';

/** Shows the save dialog (suggesting `fileName` in Documents) and writes the file; false when the user cancels. */
export async function saveWithDialog(window: BrowserWindow | undefined, fileName: string, contents: string): Promise<boolean> {
  const options = { defaultPath: join(app.getPath('documents'), fileName), showsTagField: false };
  const choice = window && !window.isDestroyed() ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return false;
  // The dialog already asked before replacing an existing file.
  writePrivateFile(choice.filePath, contents, true);
  return true;
}
