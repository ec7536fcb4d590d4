// The Electron IPC transport: the only user of ipcMain, with the check that a call comes from our page.
import { ipcMain } from 'electron';
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { IpcTransport } from './register-handlers.ts';

/** What the transport needs to know about our window. */
export interface ElectronTransportDeps {
  /** The main frame of our window, or nothing while no window is open. */
  mainFrame: () => WebFrameMain | null | undefined;
  /** Whether a URL is our renderer page: the dev server's origin or our index.html. */
  isRendererPage: (url: string) => boolean;
  /** Electron's ipcMain unless a test passes a fake. */
  ipc?: Pick<IpcMain, 'handle'> | undefined;
}

type FrameIdentity = Pick<WebFrameMain, 'frameTreeNodeId' | 'processId' | 'routingId' | 'detached' | 'url'>;

/**
 * Whether `frame` is the main frame of our window showing our page. Sub-frames, other windows,
 * a frame that navigated elsewhere and a frame already torn down are all refused.
 */
export function isTrustedFrame(
  frame: FrameIdentity | null | undefined,
  main: FrameIdentity | null | undefined,
  isRendererPage: (url: string) => boolean,
): boolean {
  if (!frame || !main || frame.detached) return false;
  // frameTreeNodeId names the frame browser-wide; processId + routingId pin the live document in it.
  const sameFrame =
    frame.frameTreeNodeId === main.frameTreeNodeId && frame.processId === main.processId && frame.routingId === main.routingId;
  return sameFrame && isRendererPage(frame.url);
}

/** The transport `registerHandlers` uses in the app; the sender is the invoke event. */
export function createElectronTransport(deps: ElectronTransportDeps): IpcTransport<IpcMainInvokeEvent> {
  const ipc = deps.ipc ?? ipcMain;
  return {
    handle(channel, handler) {
      ipc.handle(channel, (event, ...args: unknown[]) =>
        // The preload sends exactly one argument; anything else reaches the schema as an array and fails it.
        handler(event, args.length === 1 ? args[0] : args),
      );
    },
    isTrustedSender: (event) => isTrustedFrame(event.senderFrame, deps.mainFrame(), deps.isRendererPage),
    send(event, channel, payload) {
      // Progress goes back to the frame that started the call, and only while it still exists.
      const frame = event.senderFrame;
      if (frame && !frame.detached && !frame.isDestroyed()) frame.send(channel, payload);
    },
  };
}
