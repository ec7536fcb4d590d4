// Exposes window.mailSetup: one method per contract call and event, generated from the contract.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcCalls, ipcEvents, type MailSetupApi } from '../shared/ipc-contract.ts';

const api: Record<string, unknown> = {};

for (const [name, { channel }] of Object.entries(ipcCalls)) {
  api[name] = (request: unknown) => ipcRenderer.invoke(channel, request);
}

for (const [name, { channel }] of Object.entries(ipcEvents)) {
  api[name] = (listener: (payload: unknown) => void) => {
    // The page gets the payload only, never the IpcRendererEvent (it would expose ipcRenderer).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };
}

// The loops above build exactly the keys of MailSetupApi; the cast is where that is asserted.
contextBridge.exposeInMainWorld('mailSetup', api as MailSetupApi);
