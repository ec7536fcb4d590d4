// `mail-setup check` as a child process against a real Dovecot and scripted peers: exit codes, JSON, stderr, secrets.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckReportSchema, stepIds, type CheckReport } from '../../shared/check-report.ts';
import { nextLoopbackAddress, startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import { silentScript, startScriptedPeer, starttlsStrippedScript, type ScriptedPeer } from '../../e2e/fixtures/scripted-imap-peer.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';

const root = join(import.meta.dirname, '..', '..');
const alice = { user: 'alice@example.test', password: 'correct horse battery staple' };
const special = { user: 'special@example.test', password: '  pässwörd "q" \\ {5} ' };
const jurgen = { user: 'jürgen@example.test', password: 'jürgens pässwort' };

let ca: TestCa;
let dovecot: Dovecot;
let selfSigned: Dovecot;
const peers: ScriptedPeer[] = [];

beforeAll(async () => {
  ca = await getTestCa();
  [dovecot, selfSigned] = await Promise.all([
    // auth_username_chars empty: Dovecot's default would refuse the "ü" of jürgen@example.test.
    startDovecot({ users: [alice, special, jurgen], extraConfig: 'auth_username_chars =\n' }),
    startDovecot({ users: [alice], certificate: ca.selfSigned }),
  ]);
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), selfSigned?.stop(), ...peers.map((peer) => peer.stop())]);
});

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface CliOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Trust the test CA through NODE_EXTRA_CA_CERTS (default true). */
  trustTestCa?: boolean;
}

function cli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env['NODE_EXTRA_CA_CERTS'];
  // Node's compile cache (type-stripped TypeScript included) halves the start-up of every run.
  env['NODE_COMPILE_CACHE'] ??= join(tmpdir(), 'mail-setup-test-compile-cache');
  if (options.trustTestCa ?? true) env['NODE_EXTRA_CA_CERTS'] = ca.caCert;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'mail-setup.js'), ...args], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

function checkArgs(port: number, extra: readonly string[] = [], user = alice.user): string[] {
  return ['check', '--email', user, '--host', 'localhost', '--port', String(port), '--password-stdin', ...extra];
}

/** The one JSON document on stdout, checked against the contract's shape. */
function report(result: CliResult): CheckReport {
  const parsed: unknown = JSON.parse(result.stdout);
  const checked = CheckReportSchema.strict().parse(parsed);
  expect(Object.keys(parsed as object)).toEqual(checked.tls ? ['ok', 'account', 'steps', 'tls', 'failure', 'outgoing'] : ['ok', 'account', 'steps', 'failure', 'outgoing']);
  expect(checked.steps.map((step) => step.id)).toEqual([...stepIds]);
  for (const step of checked.steps) {
    expect(Object.keys(step)).toEqual(['id', 'status', 'ms', 'detail']);
    expect(['passed', 'failed', 'skipped']).toContain(step.status);
  }
  return checked;
}

/** No form of the password anywhere in what the command printed. */
function expectNoSecret(result: CliResult, user: string, password: string): void {
  const printed = result.stdout + result.stderr;
  const forms = [
    password,
    password.trim(),
    JSON.stringify(password).slice(1, -1),
    Buffer.from(password).toString('base64'),
    Buffer.from(`\0${user}\0${password}`).toString('base64'),
  ];
  for (const form of forms) expect(printed).not.toContain(form);
}

describe('mail-setup check', () => {
  it('exits 0 and prints exactly one JSON document in the contract’s shape', async () => {
    const result = await cli(checkArgs(dovecot.tlsPort, ['--security', 'tls', '--json']), { input: `${alice.password}\n` });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const parsed = report(result);
    expect(parsed.ok).toBe(true);
    expect(parsed.failure).toBeNull();
    expect(parsed.account).toEqual({ email: alice.user, host: 'localhost', port: dovecot.tlsPort, security: 'tls', username: alice.user, protocol: 'imap' });
    expect(parsed.tls?.certificate.fingerprint256).toBe(ca.trusted.fingerprint256);
    expectNoSecret(result, alice.user, alice.password);
  });

  it('trusts a private CA only through NODE_EXTRA_CA_CERTS', async () => {
    const result = await cli(checkArgs(dovecot.tlsPort, ['--json']), { input: `${alice.password}\n`, trustTestCa: false });
    expect(result.code).toBe(1);
    expect(report(result).failure?.category).toBe('certificate-untrusted');
  });

  it('exits 1 on a wrong password, with the category, the server’s words, and no trace of the password', async () => {
    const wrong = 'Correct Horse Battery Staple';
    const env = { MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress() };
    const json = await cli(checkArgs(dovecot.tlsPort, ['--json']), { input: `${wrong}\n`, env });
    expect(json.code).toBe(1);
    const parsed = report(json);
    expect(parsed.failure).toMatchObject({ category: 'wrong-credentials', serverText: 'NO [AUTHENTICATIONFAILED] Authentication failed.' });
    expect(parsed.failure?.advice).toMatch(/Caps Lock/);
    expectNoSecret(json, alice.user, wrong);

    const human = await cli(checkArgs(dovecot.tlsPort), { input: `${wrong}\n`, env: { MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress() } });
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/✓ tls/);
    expect(human.stdout).toMatch(/✗ authenticate/);
    expect(human.stdout).toMatch(/Failed: wrong-credentials/);
    expect(human.stdout).toMatch(/The server said: NO \[AUTHENTICATIONFAILED\] Authentication failed\./);
    expectNoSecret(human, alice.user, wrong);
  });

  it('reads the password exactly as typed: spaces, quotes, backslashes, braces, non-ASCII, and a CRLF ending', async () => {
    const result = await cli(checkArgs(dovecot.tlsPort, ['--json'], special.user), { input: `${special.password}\r\nthe second line is ignored\n` });
    expect(result.code).toBe(0);
    expect(report(result).ok).toBe(true);
    expectNoSecret(result, special.user, special.password);
  });

  it.each([
    ['a CR', 'opensesame\rxyzzy\n'],
    ['a NUL', 'opensesame\0xyzzy\n'],
  ])('refuses a password holding %s with exit 2 and one line on stderr', async (_what, input) => {
    const result = await cli(checkArgs(dovecot.tlsPort, ['--json']), { input });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('mail-setup: the password must not contain line breaks or NUL characters\n');
  });

  it.each([
    ['no --email', ['check', '--host', 'localhost', '--password-stdin']],
    ['a bad --security', ['check', '--email', 'ann@example.test', '--host', 'localhost', '--security', 'ssl', '--password-stdin']],
    ['a bad --port', ['check', '--email', 'ann@example.test', '--host', 'localhost', '--port', '99999x', '--password-stdin']],
    ['a bad --timeout', ['check', '--email', 'ann@example.test', '--host', 'localhost', '--timeout', '0', '--password-stdin']],
    ['a username with a line break', ['check', '--email', 'ann@example.test', '--host', 'localhost', '--username', 'ann\r\nA1 LOGOUT', '--password-stdin']],
    ['a password given as an option', ['check', '--email', 'ann@example.test', '--host', 'localhost', '--password=opensesame']],
    ['a password given as an argument', ['check', '--email', 'ann@example.test', '--host', 'localhost', '--password-stdin', 'opensesame']],
    ['an unknown --auth', ['check', '--email', 'ann@example.test', '--host', 'localhost', '--auth', 'kerberos', '--password-stdin']],
  ])('exits 2 with one line on stderr for %s', async (_what, args) => {
    const result = await cli(args, { input: 'opensesame\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^mail-setup: [^\n]+\n$/);
    expect(result.stderr).not.toContain('opensesame');
  });

  it('keeps the password off an unencrypted connection unless --allow-insecure', async () => {
    const refused = await cli(checkArgs(dovecot.starttlsPort, ['--security', 'none', '--json']), { input: `${alice.password}\n` });
    expect(refused.code).toBe(1);
    expect(report(refused).failure?.category).toBe('encryption-required');

    const allowed = await cli(checkArgs(dovecot.starttlsPort, ['--security', 'none', '--allow-insecure', '--json']), { input: `${alice.password}\n` });
    expect(allowed.code).toBe(0);
    expect(report(allowed).tls).toBeUndefined();
  });

  it('sends nothing when STARTTLS is stripped', async () => {
    const stripped = await startScriptedPeer({ script: starttlsStrippedScript() });
    peers.push(stripped);
    const result = await cli(checkArgs(stripped.port, ['--security', 'starttls', '--json']), { input: `${alice.password}\n` });
    expect(result.code).toBe(1);
    expect(report(result).failure?.category).toBe('starttls-unavailable');
    expect(stripped.credentialReceived).toBe(false);
  });

  it('honours --timeout', async () => {
    const silent = await startScriptedPeer({ script: silentScript() });
    peers.push(silent);
    const started = performance.now();
    const result = await cli(checkArgs(silent.port, ['--security', 'starttls', '--timeout', '0.3', '--json']), { input: `${alice.password}\n` });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.code).toBe(1);
    const parsed = report(result);
    expect(parsed.failure?.category).toBe('timeout');
    expect(parsed.steps.find((step) => step.id === 'greeting')?.detail).toMatch(/^No answer within 0\.3 s/);
  });

  it('accepts exactly the certificate given with --trust-certificate', async () => {
    const refused = await cli(checkArgs(selfSigned.tlsPort, ['--json']), { input: `${alice.password}\n` });
    expect(refused.code).toBe(1);
    const failure = report(refused).failure;
    expect(failure?.category).toBe('certificate-untrusted');
    expect(failure?.certificate?.fingerprint256).toBe(ca.selfSigned.fingerprint256);

    const trusted = await cli(checkArgs(selfSigned.tlsPort, ['--trust-certificate', ca.selfSigned.fingerprint256, '--json']), { input: `${alice.password}\n` });
    expect(trusted.code).toBe(0);
    expect(report(trusted).tls?.pinned).toEqual({ fingerprint256: ca.selfSigned.fingerprint256, problem: 'certificate-untrusted' });
  });
});

describe('mail-setup check with the outgoing server', () => {
  const smtp = (port: number, security = 'tls') => ['--smtp-host', 'localhost', '--smtp-port', String(port), '--smtp-security', security];

  it('tests both servers, prints the outgoing half and names both in the human report', async () => {
    const json = await cli(checkArgs(dovecot.tlsPort, [...smtp(dovecot.submissionsPort), '--json']), { input: `${alice.password}\n` });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const parsed = CheckReportSchema.strict().parse(JSON.parse(json.stdout));
    expect(parsed.outgoing?.account).toEqual({ host: 'localhost', port: dovecot.submissionsPort, security: 'tls', username: alice.user });
    expect(parsed.outgoing?.steps.map((step) => `${step.id}:${step.status}`)).toEqual(['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'sender'].map((id) => `${id}:passed`));
    expectNoSecret(json, alice.user, alice.password);

    const human = await cli(checkArgs(dovecot.tlsPort, smtp(dovecot.submissionPort, 'starttls')), { input: `${alice.password}\n` });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Incoming mail: alice@example\.test on localhost:\d+ \(tls\)$/m);
    expect(human.stdout).toMatch(/^Outgoing mail: alice@example\.test on localhost:\d+ \(starttls\)$/m);
    expect(human.stdout).toMatch(/✓ sender .*MAIL FROM:<alice@example\.test>/);
    expect(human.stdout).toMatch(/All checks passed for both servers\./);
  });

  it('--smtp-trust-certificate accepts exactly that outgoing certificate; the incoming pin does not reach it', async () => {
    const fingerprint = ca.selfSigned.fingerprint256;
    // A trusted incoming server, an outgoing one with a self-signed certificate.
    const args = (extra: readonly string[]) => checkArgs(dovecot.tlsPort, [...smtp(selfSigned.submissionsPort), ...extra]);
    const refused = await cli(args([]), { input: `${alice.password}\n` });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^Outgoing mail failed: certificate-untrusted$/m);
    expect(refused.stdout).toContain(`Certificate SHA-256: ${fingerprint}`);
    expect(refused.stdout).toContain('To trust exactly this certificate for this server: --smtp-trust-certificate <SHA-256>');

    const incomingPinOnly = CheckReportSchema.parse(JSON.parse((await cli(args(['--trust-certificate', fingerprint, '--json']), { input: `${alice.password}\n` })).stdout));
    expect(incomingPinOnly.outgoing?.failure?.category).toBe('certificate-untrusted');

    const trusted = await cli(args(['--smtp-trust-certificate', fingerprint.replace(/:/g, '').toLowerCase(), '--json']), { input: `${alice.password}\n` });
    expect(trusted.stderr).toBe('');
    expect(trusted.code).toBe(0);
    const parsed = CheckReportSchema.strict().parse(JSON.parse(trusted.stdout));
    expect(parsed.outgoing?.tls?.pinned).toEqual({ fingerprint256: fingerprint, problem: 'certificate-untrusted' });
    expect(parsed.tls?.pinned).toBeUndefined();

    const bad = await cli(args(['--smtp-trust-certificate', 'not-a-fingerprint']), { input: `${alice.password}\n` });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--smtp-trust-certificate must be a SHA-256 fingerprint');
  });

  it('--send-test-message sends one message to the account itself and reports it arriving in INBOX', async () => {
    const before = dovecot.relayed.length;
    const json = await cli(checkArgs(dovecot.tlsPort, [...smtp(dovecot.submissionsPort), '--send-test-message', '--json']), { input: `${alice.password}\n` });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const parsed = CheckReportSchema.strict().parse(JSON.parse(json.stdout));
    expect(parsed.outgoing?.steps.map((step) => `${step.id}:${step.status}`)).toEqual(['resolve', 'connect', 'tls', 'greeting', 'authenticate', 'sender', 'delivery'].map((id) => `${id}:passed`));
    expect(parsed.outgoing?.steps.at(-1)?.detail).toMatch(/^Arrived in your inbox after \d+\.\d s$/);
    expect(dovecot.relayed.slice(before).map((message) => [message.from, message.to, message.delivered])).toEqual([[alice.user, [alice.user], true]]);
    expectNoSecret(json, alice.user, alice.password);
  });

  it('honours --only outgoing, and a different outgoing password on the second stdin line', async () => {
    const only = await cli(checkArgs(dovecot.tlsPort, [...smtp(dovecot.submissionsPort), '--only', 'outgoing', '--json']), { input: `${alice.password}\n` });
    expect(only.code).toBe(0);
    const parsed = CheckReportSchema.parse(JSON.parse(only.stdout));
    expect(parsed.steps).toEqual([]);
    expect(parsed.outgoing?.failure).toBeNull();

    const wrong = 'not the outgoing password';
    const env = { MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress() };
    const second = await cli(checkArgs(dovecot.tlsPort, [...smtp(dovecot.submissionsPort), '--smtp-password-stdin', '--json']), { input: `${alice.password}\n${wrong}\n`, env });
    expect(second.code).toBe(1);
    const failed = CheckReportSchema.parse(JSON.parse(second.stdout));
    expect(failed.steps.every((step) => step.status === 'passed')).toBe(true);
    expect(failed.failure).toMatchObject({ category: 'wrong-credentials', server: 'outgoing', serverText: '535 5.7.8 Authentication failed.' });
    expectNoSecret(second, alice.user, wrong);
  });

  it('needs no incoming settings with --only outgoing, and no outgoing ones with --only incoming', async () => {
    // A domain discovery knows nothing about (no DNS server, no ISPDB answers here) and no --host.
    const nowhere = { MAIL_SETUP_DNS_SERVERS: '127.0.0.1:9', MAIL_SETUP_ISPDB_URL: 'http://127.0.0.1:9/' };
    const outgoing = await cli(['check', '--email', alice.user, '--password-stdin', ...smtp(dovecot.submissionsPort), '--only', 'outgoing', '--json'], { input: `${alice.password}\n`, env: nowhere });
    expect(outgoing.stderr).toBe('');
    expect(outgoing.code).toBe(0);
    const parsed = CheckReportSchema.parse(JSON.parse(outgoing.stdout));
    expect(parsed.steps).toEqual([]);
    expect(parsed.outgoing?.failure).toBeNull();

    const incoming = await cli(checkArgs(dovecot.tlsPort, ['--smtp-port', '587', '--smtp-trust-certificate', 'AB'.repeat(32), '--only', 'incoming', '--json']), { input: `${alice.password}\n`, env: nowhere });
    expect(incoming.stderr).toBe('');
    expect(incoming.code).toBe(0);
    expect(CheckReportSchema.parse(JSON.parse(incoming.stdout)).outgoing).toBeNull();
  });

  it('answers bad outgoing flags with exit 2 and one line', async () => {
    for (const [extra, message] of [
      [['--only', 'both'], /--only must be incoming or outgoing/],
      [['--smtp-port', '587'], /--smtp-port needs --smtp-host/],
      [['--smtp-host', 'localhost', '--smtp-security', 'ssl'], /--smtp-security must be tls, starttls or none/],
      [['--only', 'outgoing'], /--only outgoing needs an outgoing server/],
    ] as const) {
      const result = await cli(checkArgs(dovecot.tlsPort, [...extra]), { input: `${alice.password}\n` });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });
});

describe('mail-setup check with an international address', () => {
  it('takes jürgen@… as input and explains, for each server, why Dovecot 2.3 cannot serve it (exit 1)', async () => {
    const args = ['check', '--email', jurgen.user, '--host', 'localhost', '--port', String(dovecot.tlsPort), '--smtp-host', 'localhost', '--smtp-port', String(dovecot.submissionsPort), '--smtp-security', 'tls', '--password-stdin'];
    const human = await cli(args, { input: `${jurgen.password}\n` });
    expect(human.stderr).toBe('');
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('The incoming server localhost cannot handle an address with letters such as “ü” before the @ (jürgen@example.test).');
    expect(human.stdout).toContain('The outgoing server localhost cannot send from an address with letters such as “ü” before the @ (jürgen@example.test).');

    const json = await cli([...args, '--json'], { input: `${jurgen.password}\n` });
    expect(json.code).toBe(1);
    const parsed = report(json);
    expect(parsed.account.email).toBe(jurgen.user);
    expect(parsed.failure).toMatchObject({ category: 'mailbox-unavailable', server: 'incoming' });
    expect(parsed.outgoing?.failure?.category).toBe('sender-rejected');
    expectNoSecret(json, jurgen.user, jurgen.password);
  });
});
