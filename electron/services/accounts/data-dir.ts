// Where the settings file lives: MAIL_SETUP_DATA_DIR, else the folder Electron calls userData.
import { chmodSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The app's product name, which Electron uses as the userData folder name. */
const productName = 'Mail Setup';

/**
 * The data folder for the CLI and the harness, equal to what the Electron app uses:
 * MAIL_SETUP_DATA_DIR when set, else `~/.config/Mail Setup` on Linux (honouring
 * XDG_CONFIG_HOME), `~/Library/Application Support/Mail Setup` on macOS and
 * `%APPDATA%\Mail Setup` on Windows.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const explicit = env['MAIL_SETUP_DATA_DIR'];
  if (explicit !== undefined && explicit !== '') return resolve(explicit);
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', productName);
    case 'win32':
      return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), productName);
    default:
      return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), productName);
  }
}

/**
 * The data folder for the CLI and the harness, with the default folder made private (0700) when
 * an earlier version left it readable by others (it holds account names and servers). A missing
 * folder is created private when first written (store-lock.ts). A folder named in
 * MAIL_SETUP_DATA_DIR is left as its owner made it: it may be shared on purpose.
 */
export function openDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const dir = resolveDataDir(env, platform, home);
  const explicit = env['MAIL_SETUP_DATA_DIR'];
  if ((explicit === undefined || explicit === '') && platform !== 'win32') {
    try {
      const stats = statSync(dir);
      if (stats.isDirectory() && (stats.mode & 0o077) !== 0 && stats.uid === process.getuid?.()) chmodSync(dir, 0o700);
    } catch {
      // Absent, or not ours to change: the store reports what matters when it writes.
    }
  }
  return dir;
}
