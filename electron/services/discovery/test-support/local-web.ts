// Local HTTP and HTTPS servers that answer by Host header and path, for ISPDB and autoconfig tests.
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** What one URL answers: a status and body, or "hang" (accept, never answer). */
export type WebAnswer = { status: number; body: string; headers?: Record<string, string> } | 'hang';

/** "host/path" (path without the query) → answer; unknown URLs get 404. */
export type WebRoutes = Map<string, WebAnswer>;

/** Both servers, their ports, and the requests they saw. */
export interface LocalWeb {
  readonly httpsPort: number;
  readonly httpPort: number;
  readonly routes: WebRoutes;
  /** Every request as "scheme://host/path?query". */
  readonly requests: string[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Starts both servers on 127.0.0.1; the HTTPS one presents `certificate` (PEM file paths). */
export async function startLocalWeb(certificate: { cert: string; key: string }, routes: WebRoutes = new Map()): Promise<LocalWeb> {
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  const handler = (scheme: string) => (request: IncomingMessage, response: ServerResponse) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', `${scheme}://${host}`);
    requests.push(`${scheme}://${host}${url.pathname}${url.search}`);
    const answer = routes.get(`${scheme}://${host}${url.pathname}`) ?? routes.get(`${host}${url.pathname}`);
    if (answer === 'hang') {
      hanging.add(response);
      return;
    }
    response.writeHead(answer?.status ?? 404, { 'content-type': 'application/xml', ...answer?.headers });
    response.end(answer?.body ?? 'not found');
  };
  const [cert, key] = await Promise.all([readFile(certificate.cert), readFile(certificate.key)]);
  const https = createHttpsServer({ cert, key }, handler('https'));
  const http = createHttpServer(handler('http'));
  const [httpsPort, httpPort] = await Promise.all([listen(https), listen(http)]);
  return {
    httpsPort,
    httpPort,
    routes,
    requests,
    close: async () => {
      for (const response of hanging) response.destroy();
      https.closeAllConnections();
      http.closeAllConnections();
      await Promise.all([new Promise((resolve) => https.close(resolve)), new Promise((resolve) => http.close(resolve))]);
    },
  };
}
