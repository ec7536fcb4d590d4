// Opens a URL in the system browser from plain Node (the harness, a CLI), where Electron's shell is absent.
import { spawn } from 'node:child_process';
import { OAuthError } from './oauth-error.ts';

/** The opener command for this platform; the URL is one argument, never parsed by a shell. */
function opener(url: string): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  // rundll32 hands the URL to the registered protocol handler without cmd.exe's quoting rules.
  if (process.platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens an http(s) URL with the desktop's opener (`xdg-open`, `open`, `rundll32`). Resolves once
 * the opener started; rejects with `OAuthError('browser-failed')` when it cannot be run.
 */
export function openSystemBrowser(url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return Promise.reject(new OAuthError('browser-failed', 'Only web addresses are opened in the browser.'));
  const { command, args } = opener(parsed.href);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => reject(new OAuthError('browser-failed', `The system browser could not be opened (${command} is not available).`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
