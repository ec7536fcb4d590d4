// Where the settings file lives: MAIL_SETUP_DATA_DIR, else the folder Electron calls userData.
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
