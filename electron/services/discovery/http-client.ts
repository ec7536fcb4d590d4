// A small HTTP(S) GET over the injected ConnectPort: time-out, abort, size limit, safe redirects.
import { request, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { bareHost } from '../../../shared/server-settings.ts';
import type { CaCertificates, ConnectPort } from '../net/net-ports.ts';
import type { FetchText, HttpTextResponse } from './discovery-ports.ts';
import { verifiedTls } from '../net/tls-upgrade.ts';

/** What the client needs: how to connect, whom to trust, how long one request may take. */
export interface HttpClientOptions {
  connect: ConnectPort;
  caCertificates?: CaCertificates | undefined;
  requestTimeoutMs: number;
}

const maxRedirects = 3;

function isLoopbackHost(hostname: string): boolean {
  const bare = bareHost(hostname);
  return bare === 'localhost' || bare.endsWith('.localhost') || /^127\./.test(bare) || bare === '::1';
}

function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      response.destroy();
      reject(new Error(`response of ${declared} bytes is over the ${maxBytes}-byte limit`));
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const onAbort = () => response.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    response.on('data', (chunk: Buffer) => {
      total += chunk.length;
      // Counted while streaming, so a lying or missing Content-Length cannot make us buffer more.
      if (total > maxBytes) {
        response.destroy(new Error(`response is over the ${maxBytes}-byte limit`));
        return;
      }
      chunks.push(chunk);
    });
    response.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    response.once('end', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

async function getOnce(url: URL, options: HttpClientOptions, signal: AbortSignal): Promise<{ response: IncomingMessage; socket: Socket }> {
  const https = url.protocol === 'https:';
  const port = url.port === '' ? (https ? 443 : 80) : Number(url.port);
  const host = bareHost(url.hostname);
  const tcp = await options.connect({ host, port }, signal);
  const socket = https ? await verifiedTls(tcp, host, options.caCertificates, signal) : tcp;
  return new Promise((resolve, reject) => {
    const req = request({
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, accept: 'application/xml, text/xml;q=0.9', 'user-agent': 'mail-setup' },
      createConnection: () => socket,
      signal,
    });
    req.once('response', (response) => resolve({ response, socket }));
    req.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
    req.end();
  });
}

/** A FetchText that follows up to three redirects, never from https down to http. */
export function createHttpClient(options: HttpClientOptions): FetchText {
  return async (address, { signal: outer, maxBytes }): Promise<HttpTextResponse> => {
    const signal = AbortSignal.any([outer, AbortSignal.timeout(options.requestTimeoutMs)]);
    let url = new URL(address);
    let secure = true;
    for (let hop = 0; ; hop += 1) {
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`unsupported URL scheme ${url.protocol}`);
      if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) secure = false;
      const { response, socket } = await getOnce(url, options, signal);
      try {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && location !== undefined && hop < maxRedirects) {
          response.resume();
          const next = new URL(location, url);
          if (url.protocol === 'https:' && next.protocol !== 'https:') throw new Error('refused a redirect from https to http');
          url = next;
          continue;
        }
        return { status, body: await readBody(response, maxBytes, signal), secure };
      } finally {
        socket.destroy();
      }
    }
  };
}
