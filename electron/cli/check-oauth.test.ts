// `mail-setup check --auth oauth2 --access-token-stdin` as a process, against Dovecot validating the mock issuer's JWTs.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import { nextLoopbackAddress } from '../../e2e/fixtures/loopback-address.ts';
import { startOAuthServer, type OAuthServer } from '../../e2e/fixtures/oauth-server.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';

const bin = fileURLToPath(new URL('../../bin/mail-setup.js', import.meta.url));
const alice = { user: 'alice@example.test', password: 'alice password' };
const bob = { user: 'bob@example.test', password: 'bob password' };

let ca: TestCa;
let oauth: OAuthServer;
let dovecot: Dovecot;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function mailSetup(args: readonly string[], stdin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: {
        ...process.env,
        NODE_EXTRA_CA_CERTS: ca.caCert,
        // Each run from its own source address, so a refused token adds no delay to the next run.
        MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress(),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

const checkArgs = (email: string) => ['check', '--auth', 'oauth2', '--access-token-stdin', '--email', email, '--host', '127.0.0.1', '--port', String(dovecot.tlsPort), '--security', 'tls'];

function expectNoToken(run: Run, token: string): void {
  expect(run.stdout).not.toContain(token);
  expect(run.stderr).not.toContain(token);
  // Nor any long piece of it (a JWT's signature alone would be a leak).
  const signature = token.split('.').at(-1) ?? token;
  expect(run.stdout + run.stderr).not.toContain(signature.slice(0, 16));
}

beforeAll(async () => {
  ca = await getTestCa();
  oauth = await startOAuthServer();
  dovecot = await startDovecot({ users: [alice, bob], extraConfig: oauth.dovecotConfig });
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), oauth?.stop()]);
});

describe('mail-setup check --auth oauth2 --access-token-stdin', () => {
  it('signs in with the token from stdin and prints one JSON report without the token', async () => {
    const token = await oauth.issueAccessToken(alice.user);
    const run = await mailSetup([...checkArgs(alice.user), '--json'], `${token}\n`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; failure: unknown; steps: { id: string; status: string; detail: string }[] };
    expect(report.ok).toBe(true);
    expect(report.failure).toBeNull();
    expect(report.steps.map((step) => step.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed']);
    expect(report.steps.find((step) => step.id === 'authenticate')?.detail).toMatch(/OAUTHBEARER/);
    expectNoToken(run, token);
  });

  it('reports a token for another user as wrong-credentials (exit 1)', async () => {
    const token = await oauth.issueAccessToken(bob.user);
    const run = await mailSetup([...checkArgs(alice.user), '--json'], `${token}\n`);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; failure: { category: string } | null };
    expect(report.ok).toBe(false);
    expect(report.failure?.category).toBe('wrong-credentials');
    expectNoToken(run, token);
  });

  it('reports an expired token as wrong-credentials, also in the text report', async () => {
    const token = await oauth.issueAccessToken(alice.user, { expiresInSeconds: -60 });
    const run = await mailSetup(checkArgs(alice.user), `${token}\n`);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/wrong-credentials|rejected/);
    expectNoToken(run, token);
  });

  it('refuses bad usage with exit 2 and a one-line message', async () => {
    const token = await oauth.issueAccessToken(alice.user);
    const withoutAuth = await mailSetup(['check', '--access-token-stdin', '--email', alice.user, '--host', '127.0.0.1', '--port', String(dovecot.tlsPort)], `${token}\n`);
    expect(withoutAuth.status).toBe(2);
    expect(withoutAuth.stderr).toMatch(/^mail-setup: .*--auth oauth2\n$/);
    expectNoToken(withoutAuth, token);

    const empty = await mailSetup([...checkArgs(alice.user), '--json'], '\n');
    expect(empty.status).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/^mail-setup: the access token is empty\n$/);
  });
});
