// The window factory and the web-contents and session guards, with fake Electron objects passed in.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  createMainWindow,
  guardWebContents,
  hardenSession,
  isRendererPage,
  isRendererResource,
  loadRenderer,
  rendererEntry,
} from './window.ts';

const indexHtml = '/opt/mail-setup/.vite/renderer/main_window/index.html';
const fileEntry = rendererEntry(undefined, indexHtml);
const devEntry = rendererEntry('http://localhost:5173', indexHtml);
const pageUrl = 'file:///opt/mail-setup/.vite/renderer/main_window/index.html';

function navigation(url: string) {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
    this.openHandler = handler;
  }
}

function guarded(entry = fileEntry) {
  const contents = new FakeContents();
  const openExternal = vi.fn(async () => true);
  guardWebContents(contents as unknown as WebContents, entry, openExternal);
  return { contents, openExternal };
}

describe('rendererEntry and the URL checks', () => {
  it('uses the dev server only when Forge defined one', () => {
    expect(rendererEntry(undefined, indexHtml)).toEqual({ kind: 'file', indexHtml });
    expect(rendererEntry('http://localhost:5173', indexHtml)).toEqual({ kind: 'dev-server', url: 'http://localhost:5173' });
  });

  it('knows our page on disk, with or without query and fragment', () => {
    expect(isRendererPage(fileEntry, pageUrl)).toBe(true);
    expect(isRendererPage(fileEntry, `${pageUrl}?step=2#report`)).toBe(true);
    expect(isRendererPage(fileEntry, 'file:///opt/mail-setup/.vite/renderer/main_window/other.html')).toBe(false);
    expect(isRendererPage(fileEntry, 'https://example.com/')).toBe(false);
    expect(isRendererPage(fileEntry, 'not a url')).toBe(false);
    expect(isRendererPage(fileEntry, 'file:///opt/mail-setup/.vite/renderer/main%5Fwindow/index.html')).toBe(true);
    expect(isRendererPage(fileEntry, 'file:///opt/mail-setup/.vite/renderer/main_window%2Findex.html')).toBe(false);
  });

  it('reads paths the way Chromium writes them, percent-encoded', () => {
    const installed = rendererEntry(undefined, '/opt/Mail Setup/resources/app.asar/.vite/renderer/main_window/index.html');
    expect(isRendererPage(installed, 'file:///opt/Mail%20Setup/resources/app.asar/.vite/renderer/main_window/index.html')).toBe(true);
    expect(isRendererResource(installed, 'file:///opt/Mail%20Setup/resources/app.asar/.vite/renderer/main_window/assets/a.css')).toBe(true);
  });

  it('knows our page on the dev server by its origin', () => {
    expect(isRendererPage(devEntry, 'http://localhost:5173/')).toBe(true);
    expect(isRendererPage(devEntry, 'http://localhost:5174/')).toBe(false);
    expect(isRendererPage(devEntry, pageUrl)).toBe(false);
  });

  it('lets the page load only the files beside index.html', () => {
    expect(isRendererResource(fileEntry, 'file:///opt/mail-setup/.vite/renderer/main_window/assets/index-abc.js')).toBe(true);
    expect(isRendererResource(fileEntry, 'file:///opt/mail-setup/.vite/renderer/main_window/../../build/main.js')).toBe(false);
    expect(isRendererResource(fileEntry, 'file:///opt/mail-setup/.vite/renderer/main_window_evil/x.js')).toBe(false);
    expect(isRendererResource(fileEntry, 'file:///etc/passwd')).toBe(false);
    expect(isRendererResource(fileEntry, 'https://cdn.example/lib.js')).toBe(false);
  });

  it('lets the dev page reach its own server, over http and the HMR socket', () => {
    expect(isRendererResource(devEntry, 'http://localhost:5173/@vite/client')).toBe(true);
    expect(isRendererResource(devEntry, 'ws://localhost:5173/')).toBe(true);
    expect(isRendererResource(devEntry, 'http://localhost:8080/')).toBe(false);
  });
});

describe('createMainWindow', () => {
  it('creates a hidden, isolated, sandboxed window without Node and shows it on first paint', () => {
    let options: BrowserWindowConstructorOptions | undefined;
    const fake = new EventEmitter() as EventEmitter & { show: ReturnType<typeof vi.fn> };
    fake.show = vi.fn();
    const FakeWindow = vi.fn(function (this: unknown, given: BrowserWindowConstructorOptions) {
      options = given;
      return fake;
    });
    const window = createMainWindow({
      BrowserWindow: FakeWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow,
      preload: '/opt/mail-setup/.vite/build/preload.cjs',
      devTools: false,
    });
    expect(window).toBe(fake);
    expect(options?.show).toBe(false);
    expect(options?.webPreferences).toMatchObject({
      preload: '/opt/mail-setup/.vite/build/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
    });
    expect(options?.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(fake.show).not.toHaveBeenCalled();
    fake.emit('ready-to-show');
    expect(fake.show).toHaveBeenCalledOnce();
  });

  it('loads index.html from disk, or the dev server URL', async () => {
    const window = { loadFile: vi.fn(async () => undefined), loadURL: vi.fn(async () => undefined) };
    await loadRenderer(window as unknown as BrowserWindow, fileEntry);
    expect(window.loadFile).toHaveBeenCalledWith(indexHtml);
    await loadRenderer(window as unknown as BrowserWindow, devEntry);
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });
});

describe('guardWebContents', () => {
  it('blocks navigation away from our page and offers the link to the system browser', () => {
    const { contents, openExternal } = guarded();
    const away = navigation('https://support.google.com/mail/answer/185833');
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://support.google.com/mail/answer/185833');
  });

  it('lets our own page reload itself', () => {
    const { contents, openExternal } = guarded();
    const reload = navigation(pageUrl);
    contents.emit('will-navigate', reload);
    expect(reload.defaultPrevented).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks redirects and frame navigations elsewhere without opening anything', () => {
    const { contents, openExternal } = guarded();
    const redirect = navigation('https://evil.example/');
    const frameNavigation = navigation('file:///etc/passwd');
    contents.emit('will-redirect', redirect);
    contents.emit('will-frame-navigate', frameNavigation);
    expect(redirect.defaultPrevented).toBe(true);
    expect(frameNavigation.defaultPrevented).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, handing its URL to the open-external policy', () => {
    const { contents, openExternal } = guarded();
    const answer = contents.openHandler?.({ url: 'https://evil.example/', frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } } as HandlerDetails);
    expect(answer).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/');
  });

  it('refuses to attach a webview', () => {
    const { contents } = guarded();
    const attach = navigation('');
    contents.emit('will-attach-webview', attach, {}, { src: 'https://evil.example/' });
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  type RequestCallback = (response: { cancel?: boolean }) => void;
  type HeadersCallback = (response: { responseHeaders?: Record<string, string[]> }) => void;

  type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type BeforeRequest = (details: { url: string }, callback: RequestCallback) => void;
  type HeadersReceived = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: HeadersCallback) => void;

  function fakeSession() {
    const handlers: {
      request?: PermissionRequest;
      check?: () => boolean;
      device?: () => boolean;
      beforeRequest?: BeforeRequest;
      headers?: HeadersReceived;
    } = {};
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (handler: PermissionRequest) => void (handlers.request = handler),
      setPermissionCheckHandler: (handler: () => boolean) => void (handlers.check = handler),
      setDevicePermissionHandler: (handler: () => boolean) => void (handlers.device = handler),
      webRequest: {
        onBeforeRequest: (handler: BeforeRequest) => void (handlers.beforeRequest = handler),
        onHeadersReceived: (handler: HeadersReceived) => void (handlers.headers = handler),
      },
    });
    return { session, handlers };
  }

  function cancelled(handlers: ReturnType<typeof fakeSession>['handlers'], url: string): boolean | undefined {
    let answer: boolean | undefined;
    handlers.beforeRequest?.({ url }, (response) => {
      answer = response.cancel;
    });
    return answer;
  }

  it('denies every permission request and check', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as unknown as Session, fileEntry);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(handlers.check?.()).toBe(false);
    expect(handlers.device?.()).toBe(false);
  });

  it('loads nothing but our own files', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as unknown as Session, fileEntry);
    expect(cancelled(handlers, 'file:///opt/mail-setup/.vite/renderer/main_window/assets/index-abc.js')).toBe(false);
    expect(cancelled(handlers, 'https://fonts.example/font.woff2')).toBe(true);
    expect(cancelled(handlers, 'http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled(handlers, 'wss://tracker.example/')).toBe(true);
    expect(cancelled(handlers, 'file:///home/alice/.ssh/id_ed25519')).toBe(true);
    expect(cancelled(handlers, 'devtools://devtools/bundled/devtools_app.html')).toBe(false);
  });

  function directives(policy: string): string[] {
    return policy
      .split(';')
      .map((directive) => directive.trim().replace(/\s+/g, ' '))
      .filter((directive) => directive !== '')
      .sort();
  }

  it('adds the Content-Security-Policy header to responses, the same policy as the meta tag', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as unknown as Session, devEntry);
    let headers: Record<string, string[]> | undefined;
    handlers.headers?.({ url: 'http://localhost:5173/', responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => {
      headers = response.responseHeaders;
    });
    expect(headers?.['Content-Type']).toEqual(['text/html']);
    const policy = headers?.['Content-Security-Policy']?.[0] ?? '';
    expect(directives(policy)).toContain("script-src 'self'");
    expect(directives(policy)).toContain("default-src 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    const html = readFileSync(join(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(directives(policy)).toEqual(directives(meta));
  });

  it('cancels downloads', () => {
    const { session } = fakeSession();
    hardenSession(session as unknown as Session, fileEntry);
    const download = navigation('https://example.com/file.zip');
    session.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
  });
});
