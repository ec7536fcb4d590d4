// One outgoing-only check (--only outgoing) as the outgoing benchmarks time it, failing loudly when it does not pass.
import { DEFAULT_USER } from '../../e2e/fixtures/dovecot.ts';
import type { CheckEngine } from '../../electron/services/check/run-check.ts';
import type { Security } from '../../shared/server-settings.ts';

/** A task that checks the outgoing server at `port` as DEFAULT_USER (the incoming settings are never used). */
export function outgoingCheck(engine: CheckEngine, port: number, security: Exclude<Security, 'none'>): () => Promise<void> {
  const host = 'localhost';
  const credential = { kind: 'password' as const, password: DEFAULT_USER.password };
  return async () => {
    const report = await engine.run({
      settings: { email: DEFAULT_USER.user, host, port: 1, security: 'tls', username: DEFAULT_USER.user },
      credential,
      allowInsecure: false,
      timeoutMs: 15_000,
      only: 'outgoing',
      outgoing: { settings: { host, port, security, username: DEFAULT_USER.user }, credential },
    });
    if (!report.ok) throw new Error(`the check failed: ${JSON.stringify(report.outgoing?.failure ?? report.failure)}`);
  };
}
