// Tests the loopback redirect listener: only the real redirect decides (state and Host checked), timeout and cancel close it, idle connections too.
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startLoopbackListener, type LoopbackListener } from './loopback-listener.ts';
import { OAuthError } from './oauth-error.ts';

const state = 'expected-state-value-0123456789abcdefghijklmnop';

async function isClosed(listener: LoopbackListener): Promise<boolean> {
  await listener.closed;
  return fetch(listener.redirectUri).then(
    () => false,
    (error: unknown) => (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED',
  );
}

/** The status of a GET to `uri` + `query` with this Host header (fetch does not let a caller set one). */
function statusWithHost(uri: string, query: string, host: string): Promise<number | undefined> {
  const url = new URL(uri);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: url.port, path: `${url.pathname}${query}`, headers: { Host: host } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.once('error', reject);
    request.end();
  });
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

function closedSoon(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 1_000);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function rejection(promise: Promise<unknown>): Promise<OAuthError> {
  const error = await promise.then(
    () => new Error('resolved'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof OAuthError)) throw new Error(`expected an OAuthError, got ${String(error)}`);
  return error;
}

describe('loopback listener', () => {
  it('listens on 127.0.0.1 on an ephemeral port, with the redirect path', async () => {
    const [a, b] = await Promise.all([
      startLoopbackListener({ expectedState: state, timeoutMs: 5_000 }),
      startLoopbackListener({ expectedState: state, timeoutMs: 5_000 }),
    ]);
    expect(a.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(new URL(a.redirectUri).port).not.toBe(new URL(b.redirectUri).port);
    // Bound to 127.0.0.1 only: the same port on another loopback address is closed.
    const elsewhere = new URL(a.redirectUri);
    elsewhere.hostname = '127.0.0.2';
    await expect(fetch(elsewhere)).rejects.toThrow();
    a.close();
    b.close();
  });

  it('accepts one request with the right state, answers with a plain page and closes', async () => {
    const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
    const response = await fetch(`${listener.redirectUri}?code=the-code&state=${state}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toMatch(/return to Mail Setup/);
    await expect(listener.result).resolves.toEqual({ code: 'the-code' });
    expect(await isClosed(listener)).toBe(true);
  });

  it('answers other paths with 404 without deciding', async () => {
    const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
    const origin = new URL(listener.redirectUri).origin;
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${listener.redirectUri}?code=c&state=${state}`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${listener.redirectUri}?code=c2&state=${state}`)).status).toBe(200);
    await expect(listener.result).resolves.toEqual({ code: 'c2' });
  });

  it('ignores a wrong or missing state (any local process can find the port) and keeps waiting for the real redirect', async () => {
    const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
    let settled = false;
    void listener.result.finally(() => (settled = true)).catch(() => undefined);
    for (const query of ['code=c&state=wrong', 'code=c', `code=c&state=${state}x`, 'error=access_denied', 'error=access_denied&state=wrong']) {
      const response = await fetch(`${listener.redirectUri}?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text()).toMatch(/did not complete/);
    }
    expect(settled).toBe(false);
    expect((await fetch(`${listener.redirectUri}?code=real&state=${state}`)).status).toBe(200);
    await expect(listener.result).resolves.toEqual({ code: 'real' });
    expect(await isClosed(listener)).toBe(true);
  });

  it('ignores a request naming another host (a web page reaching the port through its own DNS name)', async () => {
    const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
    const { port } = new URL(listener.redirectUri);
    for (const host of [`rebound.example:${port}`, `localhost:${port}`, '127.0.0.1']) {
      expect(await statusWithHost(listener.redirectUri, `?code=forged&state=${state}`, host), host).toBe(400);
    }
    expect(await statusWithHost(listener.redirectUri, `?code=real&state=${state}`, `127.0.0.1:${port}`)).toBe(200);
    await expect(listener.result).resolves.toEqual({ code: 'real' });
  });

  it('closes idle connections when it closes, so the port is free at once', async () => {
    const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
    const { port } = new URL(listener.redirectUri);
    // A connection that never sends a request (a browser's pre-connect), and one that sent one and waits.
    const silent = await openSocket(Number(port));
    const keptAlive = await openSocket(Number(port));
    keptAlive.write(`GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await new Promise((resolve) => keptAlive.once('data', resolve));
    const started = performance.now();
    expect((await fetch(`${listener.redirectUri}?code=c&state=${state}`)).status).toBe(200);
    await listener.closed;
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(silent.destroyed || (await closedSoon(silent))).toBe(true);
  });

  it('reports a refusal in the browser, only with the right state', async () => {
    const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
    await fetch(`${listener.redirectUri}?error=access_denied&state=${state}`);
    expect((await rejection(listener.result)).code).toBe('access-denied');

    const other = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
    await fetch(`${other.redirectUri}?error=${encodeURIComponent('server_error<script>')}&state=${state}`);
    const error = await rejection(other.result);
    expect(error.code).toBe('authorization-failed');
    expect(error.message).not.toContain('<script>');
  });

  it('rejects a redirect without a code', async () => {
    const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
    await fetch(`${listener.redirectUri}?state=${state}`);
    expect((await rejection(listener.result)).code).toBe('bad-response');
  });

  it('times out and closes', async () => {
    const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 100 });
    const error = await rejection(listener.result);
    expect(error.code).toBe('timeout');
    expect(await isClosed(listener)).toBe(true);
  });

  it('is cancelled by the signal or close(), and closes', async () => {
    const controller = new AbortController();
    const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000, signal: controller.signal });
    controller.abort();
    expect((await rejection(listener.result)).code).toBe('cancelled');
    expect(await isClosed(listener)).toBe(true);

    const closedByCall = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
    closedByCall.close();
    expect((await rejection(closedByCall.result)).code).toBe('cancelled');
    expect(await isClosed(closedByCall)).toBe(true);

    await expect(startLoopbackListener({ expectedState: state, timeoutMs: 5_000, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
