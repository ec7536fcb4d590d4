// The Electron transport with fake ipcMain and frames: only our page's main frame reaches a service.
import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcCalls, type CallName, type IpcEnvelope } from '../../shared/ipc-contract.ts';
import { isRendererPage, rendererEntry } from '../window.ts';
import { createElectronTransport, isTrustedFrame } from './electron-transport.ts';
import { registerHandlers, type Services } from './register-handlers.ts';

// Importing the real 'electron' package outside Electron tries to download the binary; the tests
// pass their own ipc, so the module only has to exist.
vi.mock('electron', () => ({ ipcMain: { handle: () => undefined } }));

const entry = rendererEntry(undefined, '/opt/mail-setup/.vite/renderer/main_window/index.html');
const pageUrl = 'file:///opt/mail-setup/.vite/renderer/main_window/index.html';

interface FakeFrame {
  frameTreeNodeId: number;
  processId: number;
  routingId: number;
  detached: boolean;
  url: string;
  destroyed: boolean;
  isDestroyed(): boolean;
  send: ReturnType<typeof vi.fn>;
}

function frame(overrides: Partial<FakeFrame> = {}): FakeFrame {
  return {
    frameTreeNodeId: 7,
    processId: 3,
    routingId: 1,
    detached: false,
    url: pageUrl,
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    send: vi.fn(),
    ...overrides,
  };
}

const asFrame = (fake: FakeFrame | null) => fake as unknown as WebFrameMain | null;
const eventFrom = (senderFrame: FakeFrame | null) => ({ senderFrame: asFrame(senderFrame) }) as unknown as IpcMainInvokeEvent;

type Invoke = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcEnvelope<unknown>>;

let handlers: Map<string, Invoke>;
let mainFrame: FakeFrame | undefined;
let services: Record<CallName, ReturnType<typeof vi.fn>>;

function invoke(name: CallName, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcEnvelope<unknown>> {
  const handler = handlers.get(ipcCalls[name].channel);
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler(event, ...args);
}

beforeEach(() => {
  handlers = new Map();
  mainFrame = frame();
  services = Object.fromEntries(
    (Object.keys(ipcCalls) as CallName[]).map((name) => [name, vi.fn(async () => ({}))]),
  ) as Record<CallName, ReturnType<typeof vi.fn>>;
  services.listAccounts.mockResolvedValue([]);
  services.removeAccount.mockResolvedValue({ removed: true });
  const transport = createElectronTransport({
    mainFrame: () => asFrame(mainFrame ?? null),
    isRendererPage: (url) => isRendererPage(entry, url),
    ipc: { handle: (channel: string, listener: Invoke) => void handlers.set(channel, listener) } as never,
  });
  registerHandlers(transport, services as unknown as Services);
});

describe('createElectronTransport', () => {
  it('registers one ipcMain handler per contract call', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.values(ipcCalls).map((call) => call.channel).sort());
  });

  it('answers a call from our window with the service result, the request as parsed in main (defaults filled)', async () => {
    const envelope = await invoke('removeAccount', eventFrom(frame()), { email: 'alice@example.test' });
    expect(envelope).toEqual({ ok: true, value: { removed: true } });
    expect(services.removeAccount).toHaveBeenCalledWith({ email: 'alice@example.test', removeGnomeCopy: false }, expect.any(Function));
  });

  it.each([
    ['another window', frame({ frameTreeNodeId: 99, processId: 8 })],
    ['a sub-frame of our window', frame({ frameTreeNodeId: 8, routingId: 5 })],
    ['our frame after navigating to another site', frame({ url: 'https://evil.example/' })],
    ['another file on disk', frame({ url: 'file:///tmp/evil.html' })],
    ['a frame being torn down', frame({ detached: true })],
    ['a frame that no longer exists', null],
  ])('refuses a call from %s without calling the service', async (_label, sender) => {
    const envelope = await invoke('removeAccount', eventFrom(sender), { email: 'alice@example.test' });
    expect(envelope).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(services.removeAccount).not.toHaveBeenCalled();
  });

  it('refuses every call while no window is open', async () => {
    mainFrame = undefined;
    const envelope = await invoke('listAccounts', eventFrom(frame()), {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(services.listAccounts).not.toHaveBeenCalled();
  });

  it.each([
    ['a wrong field type', [{ email: 42 }], 'email'],
    ['a missing field', [{}], 'email'],
    ['no object at all', ['alice@example.test'], 'request'],
    ['extra arguments', [{ email: 'alice@example.test' }, { email: 'bob@example.test' }], 'request'],
    ['no argument', [], 'request'],
  ])('refuses a malformed payload (%s) with invalid-request, without calling the service', async (_label, args, path) => {
    const envelope = await invoke('removeAccount', eventFrom(frame()), ...args);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('invalid-request');
    expect(envelope.error.message).toMatch(/^Invalid request: /);
    expect(envelope.error.message).toContain(path);
    expect(services.removeAccount).not.toHaveBeenCalled();
  });

  it('checks the sender before the payload, so a stranger learns nothing about the schema', async () => {
    const envelope = await invoke('removeAccount', eventFrom(frame({ frameTreeNodeId: 99 })), { email: 42 });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sends progress events to the frame that made the call, and not after it is gone', async () => {
    const sender = frame();
    services.discover.mockImplementation(async (_request: unknown, emit: (event: string, payload: unknown) => void) => {
      emit('onCheckProgress', { checkId: 'c1', step: 'first' });
      sender.destroyed = true;
      emit('onCheckProgress', { checkId: 'c1', step: 'second' });
      return { source: 'none', imap: null, provider: null };
    });
    const envelope = await invoke('discover', eventFrom(sender), { email: 'alice@example.test' });
    expect(envelope.ok).toBe(true);
    expect(sender.send).toHaveBeenCalledTimes(1);
    expect(sender.send).toHaveBeenCalledWith('check:progress', { checkId: 'c1', step: 'first' });
  });
});

describe('isTrustedFrame', () => {
  const always = () => true;

  it('needs both frames', () => {
    expect(isTrustedFrame(frame(), null, always)).toBe(false);
    expect(isTrustedFrame(null, frame(), always)).toBe(false);
    expect(isTrustedFrame(frame(), frame(), always)).toBe(true);
  });

  it('tells a new document in the same frame from the old one by its routing id', () => {
    expect(isTrustedFrame(frame({ routingId: 2 }), frame(), always)).toBe(false);
    expect(isTrustedFrame(frame({ processId: 4 }), frame(), always)).toBe(false);
  });
});
