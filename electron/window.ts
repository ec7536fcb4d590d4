// The hardened main window, and the guards on its session and on every web contents.
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** Where the renderer comes from: the Vite dev server in development, index.html on disk otherwise. */
export type RendererEntry = { kind: 'dev-server'; url: string } | { kind: 'file'; indexHtml: string };

/** Picks the entry: Forge defines a dev server URL only under `electron-forge start`. */
export function rendererEntry(devServerUrl: string | undefined, indexHtml: string): RendererEntry {
  return devServerUrl ? { kind: 'dev-server', url: devServerUrl } : { kind: 'file', indexHtml };
}

function parse(url: string): URL | null {
  return URL.canParse(url) ? new URL(url) : null;
}

/**
 * The file a file: URL points at, decoded, with any ".." already resolved by the URL parser;
 * null for other URLs and for ones no file can have (an encoded "/", say).
 */
function filePath(url: URL): string | null {
  if (url.protocol !== 'file:') return null;
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

// Comparing paths, not URL text: Chromium and Node may percent-encode or case a path differently.
const samePath = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);

/** Whether `url` is the renderer page itself (query and fragment aside). */
export function isRendererPage(entry: RendererEntry, url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (entry.kind === 'dev-server') return parsed.origin === new URL(entry.url).origin;
  const path = filePath(parsed);
  return path !== null && samePath(path, resolve(entry.indexHtml));
}

/** Whether the page may load `url`: a file beside index.html, or anything from the dev server. */
export function isRendererResource(entry: RendererEntry, url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (entry.kind === 'dev-server') {
    const server = new URL(entry.url);
    // Vite's client talks to its server over ws: on the same host and port.
    return parsed.host === server.host && ['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol);
  }
  const path = filePath(parsed);
  const folder = dirname(resolve(entry.indexHtml)) + sep;
  return path !== null && samePath(path.slice(0, folder.length), folder);
}

/** What the main window needs; the Electron class is passed in so that tests can use a fake. */
export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** Absolute path of the bundled preload (.vite/build/preload.cjs). */
  preload: string;
  /** DevTools only in development builds. */
  devTools: boolean;
}

/**
 * Creates the main window, hidden until its first paint so that it never flashes blank: isolated,
 * sandboxed, without Node, webviews or the spellchecker. The options are written out in the
 * `new BrowserWindow(…)` call itself so that the security scan can read them.
 */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const { BrowserWindow } = deps;
  const window = new BrowserWindow({
    width: 960,
    height: 760,
    minWidth: 560,
    minHeight: 560,
    show: false,
    title: 'Mail Setup',
    autoHideMenuBar: true,
    webPreferences: {
      preload: deps.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // No middle-click (auxclick) events: one more way around link handling the app does not need.
      disableBlinkFeatures: 'Auxclick',
      // The spellchecker fetches its dictionaries from a Google CDN: remote content we do not need.
      spellcheck: false,
      devTools: deps.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

/**
 * Loads the renderer into the window: the dev server URL or index.html from disk. `systemLanguages`
 * (app.getPreferredSystemLanguages()) travel as `?system=`, for the page to choose its language.
 */
export function loadRenderer(window: BrowserWindow, entry: RendererEntry, systemLanguages: readonly string[] = []): Promise<void> {
  const query = systemLanguages.length > 0 ? { system: systemLanguages.join(',') } : undefined;
  if (!query) return entry.kind === 'dev-server' ? window.loadURL(entry.url) : window.loadFile(entry.indexHtml);
  if (entry.kind === 'file') return window.loadFile(entry.indexHtml, { query });
  const url = new URL(entry.url);
  url.searchParams.set('system', query.system);
  return window.loadURL(url.href);
}

/**
 * Denies every permission and device request, blocks downloads, refuses every request that is
 * not for the renderer's own files, and adds the Content-Security-Policy header to every response.
 */
export function hardenSession(session: Session, entry: RendererEntry): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    const scheme = parse(details.url)?.protocol ?? '';
    // Only schemes that reach the network or the disk are checked; devtools:, data: and blob: stay local.
    const checked = ['http:', 'https:', 'ws:', 'wss:', 'file:'].includes(scheme);
    callback({ cancel: checked && !isRendererResource(entry, details.url) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        // The policy of the meta tag in renderer/index.html (a test keeps them equal): no inline
        // script, nothing from another origin. As a header its frame-ancestors also takes effect.
        // Written out here, not imported, so that the security scan evaluates it.
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

/**
 * Guards a web contents: no navigation away from the renderer page (links to provider help pages
 * go to the system browser instead), no new windows, no webviews.
 *
 * @param openExternal - opens a link in the system browser if the open-external policy allows it.
 */
export function guardWebContents(contents: WebContents, entry: RendererEntry, openExternal: (url: string) => Promise<boolean>): void {
  contents.on('will-navigate', (event) => {
    if (isRendererPage(entry, event.url)) return;
    event.preventDefault();
    void openExternal(event.url);
  });
  // Covers sub-frames too; the CSP already forbids frames, this is the second lock.
  contents.on('will-frame-navigate', (event) => {
    if (!isRendererPage(entry, event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isRendererPage(entry, event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
