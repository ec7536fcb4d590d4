// Serves the built renderer and the harness client on 127.0.0.1 and joins them to the real
// handlers over a WebSocket that only this run's pages (holding the random token) may open.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { registerHandlers, type Services } from '../../electron/ipc/register-handlers.ts';
import { createWsTransport } from './ws-transport.ts';

export interface HarnessOptions {
  port: number;
  /** The built renderer (vite.renderer.config.ts output). */
  rendererDir: string;
  /** The built harness client script. */
  clientScript: string;
  services: Services;
  /** The page's language (`?locale=` on the printed URL); the browser's otherwise. */
  locale?: string;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

function hasToken(request: IncomingMessage, token: Buffer): boolean {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const fromCookie = /(?:^|;\s*)harness=([0-9a-f]+)/.exec(request.headers.cookie ?? '')?.[1];
  const given = Buffer.from(url.searchParams.get('token') ?? fromCookie ?? '');
  return given.length === token.length && timingSafeEqual(given, token);
}

/** Starts the harness; resolves with its URL (token included) and a close function. */
export async function startHarness(options: HarnessOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const tokenText = randomBytes(24).toString('hex');
  const token = Buffer.from(tokenText);
  const transport = createWsTransport();
  registerHandlers(transport, options.services);

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hasToken(request, token)) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('Open the URL the harness printed (it carries the token).');
      return;
    }
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'set-cookie': `harness=${tokenText}; HttpOnly; SameSite=Strict; Path=/` };
    if (path === '/harness-client.js') {
      response.writeHead(200, { ...headers, 'content-type': contentTypes['.js'] }).end(await readFile(options.clientScript));
      return;
    }
    const relative = normalize(path === '/' ? 'index.html' : decodeURIComponent(path).replace(/^\/+/, ''));
    if (relative.startsWith('..') || relative.includes(`${sep}..`)) {
      response.writeHead(404).end();
      return;
    }
    try {
      let body = await readFile(join(options.rendererDir, relative));
      if (relative === 'index.html') {
        // The client must define window.mailSetup before the app's module script runs.
        body = Buffer.from(body.toString('utf8').replace('<head>', '<head>\n    <script src="/harness-client.js"></script>'));
      }
      response.writeHead(200, { ...headers, 'content-type': contentTypes[extname(relative)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  }

  const server = createServer((request, response) => {
    serve(request, response).catch(() => response.writeHead(500).end());
  });
  const origin = () => `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const fromOurPage = request.headers.origin === origin();
    if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname !== '/ipc' || !fromOurPage || !hasToken(request, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => transport.accept(ws));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `${origin()}/?token=${tokenText}${options.locale ? `&locale=${encodeURIComponent(options.locale)}` : ''}`,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
