// Tests the loopback redirect listener: one request decides, state is checked, timeout and cancel close it.
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

  it('rejects a wrong or missing state and closes', async () => {
    for (const query of ['code=c&state=wrong', 'code=c', `code=c&state=${state}x`, 'error=access_denied']) {
      const listener = await startLoopbackListener({ expectedState: state, timeoutMs: 5_000 });
      const response = await fetch(`${listener.redirectUri}?${query}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/did not complete/);
      const error = await rejection(listener.result);
      expect(error.code).toBe('state-mismatch');
      expect(await isClosed(listener)).toBe(true);
    }
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
