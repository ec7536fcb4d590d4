// `mail-setup check --protocol pop3` and a saved POP3 account (add, list, retest, set-password, remove) as child processes, against Dovecot's real POP3 service and a real keyring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSummarySchema } from '../../shared/account-summary.ts';
import { CheckReportSchema } from '../../shared/check-report.ts';
import { nextLoopbackAddress, startDovecot, type Dovecot } from '../../e2e/fixtures/dovecot.ts';
import { startKeyring, type Keyring } from '../../e2e/fixtures/keyring.ts';
import { makeTempDir, type TempDir } from '../../e2e/fixtures/temp-dir.ts';
import { getTestCa, type TestCa } from '../../e2e/fixtures/test-ca.ts';
import { runCli } from './test-support/spawn-cli.ts';

const pat = { user: 'pat@example.test', password: 'pat "pop" pässword' };

let keyring: Keyring;
let ca: TestCa;
let dovecot: Dovecot;
const dirs: TempDir[] = [];

beforeAll(async () => {
  [keyring, ca] = await Promise.all([startKeyring(), getTestCa()]);
  dovecot = await startDovecot({ users: [pat] });
});

afterAll(async () => {
  await Promise.all([dovecot?.stop(), keyring?.stop(), ...dirs.map((dir) => dir.remove())]);
});

async function cli(args: string[], data: string, input = '') {
  const env = { ...process.env, ...keyring.env, MAIL_SETUP_DATA_DIR: data, NODE_EXTRA_CA_CERTS: ca.caCert, MAIL_SETUP_LOCAL_ADDRESS: nextLoopbackAddress() };
  return runCli(args, env, input);
}

const pop3Flags = () => ['--email', pat.user, '--protocol', 'pop3', '--host', 'localhost', '--port', String(dovecot.pop3sPort), '--security', 'tls'];

describe('POP3 on the command line', () => {
  it('check --protocol pop3 passes and reports the protocol; a bad --protocol is exit 2', async () => {
    const dir = await makeTempDir('mail-setup-pop3-cli');
    dirs.push(dir);
    const data = dir.path;
    const checked = await cli(['check', ...pop3Flags(), '--password-stdin', '--json'], data, `${pat.password}\n`);
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    const report = CheckReportSchema.parse(JSON.parse(checked.stdout));
    expect(report.account).toMatchObject({ protocol: 'pop3', port: dovecot.pop3sPort });
    expect(report.steps.find((step) => step.id === 'inbox')?.detail).toMatch(/^Mailbox opened \(STAT\)/);
    const human = await cli(['check', ...pop3Flags(), '--password-stdin'], data, `${pat.password}\n`);
    expect(human.stdout).toMatch(/^Testing pat@example\.test on localhost:\d+ \(tls, POP3\)/);
    const bad = await cli(['check', '--email', pat.user, '--protocol', 'pop2', '--host', 'localhost'], data);
    expect(bad).toMatchObject({ code: 2, stderr: 'mail-setup: --protocol must be imap or pop3\n' });
  }, 120_000);

  it('accounts add --protocol pop3 → list --json gives protocol → retest → set-password → remove', async () => {
    const dir = await makeTempDir('mail-setup-pop3-cli');
    dirs.push(dir);
    const data = dir.path;
    const added = await cli(['accounts', 'add', ...pop3Flags(), '--password-stdin', '--json'], data, `${pat.password}\n`);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(CheckReportSchema.parse(JSON.parse(added.stdout)).account.protocol).toBe('pop3');

    const listed = AccountSummarySchema.array().parse(JSON.parse((await cli(['accounts', 'list', '--json'], data)).stdout));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ email: pat.user, protocol: 'pop3', port: dovecot.pop3sPort, status: 'ok', hasPassword: true });

    const retest = await cli(['accounts', 'retest', pat.user, '--json'], data);
    expect(retest.code).toBe(0);
    expect(CheckReportSchema.parse(JSON.parse(retest.stdout)).account.protocol).toBe('pop3');

    const wrong = await cli(['accounts', 'set-password', pat.user, '--password-stdin', '--json'], data, 'not it\n');
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ failure: { category: 'wrong-credentials', serverText: '-ERR [AUTH] Authentication failed.' } });
    const right = await cli(['accounts', 'set-password', pat.user, '--password-stdin', '--json'], data, `${pat.password}\n`);
    expect(right.code).toBe(0);

    const removed = await cli(['accounts', 'remove', pat.user, '--json'], data);
    expect(removed.code).toBe(0);
    expect((await keyring.listSecrets()).filter((item) => item.account.startsWith(`${pat.user}#`))).toEqual([]);
  }, 120_000);
});
