// The RFC 8252 loopback redirect: a one-shot HTTP listener on 127.0.0.1 that receives the authorization code.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { OAuthError } from './oauth-error.ts';
import { statesMatch } from './pkce.ts';

/** Options for {@link startLoopbackListener}. */
export interface LoopbackListenerOptions {
  /** The `state` sent with the authorization request; a redirect without it is refused. */
  expectedState: string;
  /** How long the user has to finish in the browser. */
  timeoutMs: number;
  /** Cancels the wait (the user pressed Cancel). */
  signal?: AbortSignal | undefined;
  /** Path of the redirect URI (default `/callback`). */
  path?: string | undefined;
}

/** What the redirect brought: the authorization code, to be exchanged at once. */
export interface AuthorizationCallback {
  code: string;
}

/** A listening redirect endpoint. */
export interface LoopbackListener {
  /** `http://127.0.0.1:<ephemeral port><path>`, to send as `redirect_uri`. */
  readonly redirectUri: string;
  /** Settles with the first request on the redirect path with the expected state, or on timeout, cancel or close. */
  readonly result: Promise<AuthorizationCallback>;
  /** Resolves once the port is closed. */
  readonly closed: Promise<void>;
  /** Stops waiting (the result rejects as cancelled unless already settled) and closes the port. */
  close(): void;
}

const pageHeaders = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  Connection: 'close',
} as const;

const successPage = 'Mail Setup received your sign-in.\n\nYou can close this tab and return to Mail Setup.\n';
const failurePage = 'Mail Setup: the sign-in did not complete.\n\nYou can close this tab and return to Mail Setup to try again.\n';

// Error codes are short ASCII words (RFC 6749 §4.1.2.1); anything else is not repeated.
function safeErrorCode(value: string): string {
  return /^[\w.-]{1,64}$/.test(value) ? value : 'unknown error';
}

/** What a redirect that carries this sign-in's state decides. */
function outcomeOf(params: URLSearchParams): AuthorizationCallback | OAuthError {
  const error = params.get('error');
  if (error !== null) {
    return error === 'access_denied'
      ? new OAuthError('access-denied', 'The sign-in was declined in the browser.')
      : new OAuthError('authorization-failed', `The provider did not complete the sign-in (${safeErrorCode(error)}).`);
  }
  const code = params.get('code');
  if (code === null || code === '') return new OAuthError('bad-response', 'The answer from the browser carried no authorization code.');
  return { code };
}

/**
 * Listens on 127.0.0.1 on a port the system picks (an IP literal, not `localhost`, as RFC 8252
 * §8.3 advises, so no other interface and no DNS answer are involved). The first GET on the
 * redirect path with this sign-in's `state` (compared in constant time) decides the sign-in: the
 * browser gets a short plain-text page, and the port closes, idle connections with it. A request
 * with another state, or naming another host than 127.0.0.1:<port> (a web page reaching the port
 * through a DNS name of its own), gets 400 and changes nothing: any local process can find the
 * port, and must not be able to end the sign-in. Other paths (a favicon) get 404. Timeout, the
 * signal and `close()` end the wait too.
 */
export async function startLoopbackListener(options: LoopbackListenerOptions): Promise<LoopbackListener> {
  const path = options.path ?? '/callback';
  if (options.signal?.aborted) throw new OAuthError('cancelled', 'The sign-in was cancelled.');
  const server = createServer({ requestTimeout: 10_000, headersTimeout: 10_000, maxHeaderSize: 16_384 });
  let settle: ((outcome: AuthorizationCallback | OAuthError) => void) | undefined;
  const result = new Promise<AuthorizationCallback>((resolve, reject) => {
    settle = (outcome) => (outcome instanceof OAuthError ? reject(outcome) : resolve(outcome));
  });
  // The caller awaits `result`; this only keeps an ignored cancellation from being "unhandled".
  result.catch(() => undefined);
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));

  let settled = false;
  let timer: NodeJS.Timeout | undefined = undefined;
  let expectedHost = '';
  // server.close() waits for every open connection, and a connection that never sends a
  // request (a browser's pre-connect, a local port scan) is not one closeIdleConnections ends.
  const sockets = new Set<Socket>();
  const busy = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    if (settled) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  const onAbort = () => finish(new OAuthError('cancelled', 'The sign-in was cancelled.'), true);
  function finish(outcome: AuthorizationCallback | OAuthError, dropConnections: boolean): void {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    server.close();
    // The connection that brought the answer closes once its page is sent (Connection: close).
    for (const socket of sockets) if (dropConnections || !busy.has(socket)) socket.destroy();
    settle?.(outcome);
  }

  const answer = (response: ServerResponse, status: number, text: string) => {
    response.writeHead(status, pageHeaders);
    response.end(text);
  };

  server.on('request', (request, response) => {
    // A keep-alive connection may still send a request after the decision: it decides nothing.
    if (settled) return answer(response, 410, failurePage);
    busy.add(request.socket);
    response.once('close', () => busy.delete(request.socket));
    if (request.headers.host !== expectedHost) return answer(response, 400, 'Bad request.\n');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== path) return answer(response, 404, 'Not found.\n');
    // State first: an error redirect without this sign-in's state is as untrusted as a code.
    if (!statesMatch(options.expectedState, url.searchParams.get('state'))) return answer(response, 400, failurePage);
    const outcome = outcomeOf(url.searchParams);
    answer(response, outcome instanceof OAuthError ? 400 : 200, outcome instanceof OAuthError ? failurePage : successPage);
    finish(outcome, false);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(() => {
    throw new OAuthError('network', 'Could not open a port on 127.0.0.1 for the sign-in answer.');
  });
  server.on('error', () => finish(new OAuthError('network', 'The port for the sign-in answer failed.'), true));

  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  timer = setTimeout(
    () => finish(new OAuthError('timeout', `The sign-in was not finished in the browser within ${Math.round(options.timeoutMs / 1000)} s.`), true),
    options.timeoutMs,
  );
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  return {
    redirectUri: `http://127.0.0.1:${port}${path}`,
    result,
    closed,
    close: () => finish(new OAuthError('cancelled', 'The sign-in was cancelled.'), true),
  };
}
