// Routes the page's IPC socket through Playwright to hold back or replace one answer from main.
import type { Page } from '@playwright/test';

interface Rewrite {
  /** The contract channel whose answer is changed. */
  channel: string;
  /** Resolves when the real answer may go to the page. */
  hold?: Promise<void>;
  /** Replaces the real answer's value. */
  value?: unknown;
}

/** Installs the route and reloads the page so that its socket goes through it. */
async function routeIpc(app: Page, rewrite: Rewrite): Promise<void> {
  await app.routeWebSocket(/\/ipc/, (ws) => {
    const server = ws.connectToServer();
    const ids = new Set<number>();
    ws.onMessage((message) => {
      const parsed = JSON.parse(String(message)) as { id?: number; channel?: string };
      if (parsed.channel === rewrite.channel && parsed.id !== undefined) ids.add(parsed.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const parsed = JSON.parse(String(message)) as { id?: number };
      if (parsed.id === undefined || !ids.has(parsed.id)) return ws.send(message);
      const answer = rewrite.value === undefined ? message : JSON.stringify({ id: parsed.id, envelope: { ok: true, value: rewrite.value } });
      if (rewrite.hold) void rewrite.hold.then(() => ws.send(answer));
      else ws.send(answer);
    });
  });
  await app.reload();
}

/**
 * Holds back the answer to `discover` until the returned function is called, keeping what was
 * typed on the first screen across the reload.
 */
export async function holdDiscovery(app: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const hold = new Promise<void>((resolve) => (release = resolve));
  const email = await app.getByLabel('Email address').inputValue();
  const name = await app.getByLabel('Your name').inputValue();
  await routeIpc(app, { channel: 'discovery:run', hold });
  await app.getByLabel('Email address').fill(email);
  await app.getByLabel('Your name').fill(name);
  return release;
}

/** Makes `getNotices` answer with these notices (as after a damaged settings file). */
export async function withNotices(app: Page, notices: readonly string[]): Promise<void> {
  await routeIpc(app, { channel: 'app:notices', value: { notices } });
}

/** Makes `discover` answer with `result` (a provider the bundled table may not have yet, say). */
export async function withDiscovery(app: Page, result: unknown): Promise<void> {
  await routeIpc(app, { channel: 'discovery:run', value: result });
}
