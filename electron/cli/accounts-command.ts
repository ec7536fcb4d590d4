// `mail-setup accounts list|add|retest|set-password|remove`: the saved accounts from a terminal.
import type { AccountSummary } from '../../shared/account-summary.ts';
import { EmailSchema } from '../../shared/server-settings.ts';
import type { AccountResult, CheckRun } from '../services/accounts/accounts-service.types.ts';
import { defaultStepTimeoutMs } from '../services/check/check-runner.ts';
import { ServiceError } from '../services/service-error.ts';
import { checkInputFromArgs, printReport, type CheckCommandDeps } from './check-command.ts';
import { removeCliAccount, updateCliCopies } from './cli-copies.ts';
import { say, sayById } from './cli-language.ts';
import { parseCommandArgs, quoted, UsageError, type CliIo } from './cli-io.ts';
import type { CliAccounts } from './open-accounts.ts';
import { readSecret, readSecretLines } from './read-secret.ts';
import { timeoutFromFlag } from './server-flags.ts';

/** What the accounts command needs: the check command's deps and a way to open the accounts. */
export interface AccountsCommandDeps extends CheckCommandDeps {
  /** Opened only once the arguments are valid, so bad usage touches neither file nor keychain. */
  openAccounts: () => CliAccounts;
}

function emailArgument(positionals: string[], subcommand: string): string {
  const [email, extra] = positionals;
  if (email === undefined) throw new UsageError(say('usage.accountsNeedsEmail', { subcommand }));
  if (extra !== undefined) throw new UsageError(say('usage.strayArgument'));
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) throw new UsageError(say('usage.accountsNotEmail', { subcommand }));
  return parsed.data;
}

const cliRun = (timeoutMs: number): CheckRun => ({ checkId: 'cli', onProgress: () => {}, timeoutMs });

function formatAccount(account: AccountSummary): string {
  const checked = account.lastCheckedAt === null ? say('accounts.neverTested') : say('accounts.lastTested', { when: account.lastCheckedAt });
  const failure = account.lastFailureCategory === null ? '' : ` (${account.lastFailureCategory})`;
  const lines = [
    `${account.email}${account.displayName ? ` — ${account.displayName}` : ''}`,
    `  ${say('accounts.server', { host: account.host, port: account.port, security: account.security, username: account.username })}`,
    `  ${say('accounts.status', { status: account.status, failure, checked, password: say(account.hasPassword ? 'accounts.passwordSaved' : 'accounts.passwordMissing') })}`,
  ];
  const outgoing = account.outgoing;
  if (outgoing) {
    const outgoingFailure = outgoing.lastFailureCategory === null ? '' : ` (${outgoing.lastFailureCategory})`;
    const password = say(outgoing.sharedPassword ? 'accounts.outgoingShared' : outgoing.hasPassword ? 'accounts.outgoingOwn' : 'accounts.outgoingOwnMissing');
    lines.push(
      `  ${say('accounts.outgoingServer', { host: outgoing.host, port: outgoing.port, security: outgoing.security, username: outgoing.username })}`,
      `  ${say('accounts.outgoingStatus', { status: outgoing.status, failure: outgoingFailure, password })}`,
    );
  } else lines.push(`  ${say('accounts.noOutgoing')}`);
  for (const pin of account.trustedCertificates) lines.push(`  ${say('accounts.trusted', { fingerprint: pin.fingerprint256, problem: pin.problem })}`);
  return lines.join('\n');
}

/** Prints an account operation's report, then a line for a person about what became of the account. */
function finish(io: CliIo, result: AccountResult, json: boolean, after: (result: AccountResult) => string): number {
  if (result.report === null) throw new ServiceError('internal', 'The check did not run.');
  const status = printReport(io, result.report, json);
  const note = json ? '' : after(result);
  if (note !== '') io.stdout.write(`${note}\n`);
  return status;
}

async function add(args: string[], io: CliIo, deps: AccountsCommandDeps, open: () => CliAccounts): Promise<number> {
  const { input, json } = await checkInputFromArgs(args, io, deps);
  if (input.credential.kind !== 'password') throw new UsageError(say('usage.addPasswordOnly'));
  if (input.only !== undefined) throw new UsageError(say('usage.addBothServers'));
  // The outgoing server from the --smtp-… flags (or discovery), as `check` parsed them; its own password only where it differs.
  const outgoing = input.outgoing;
  const outgoingPassword = outgoing?.credential.kind === 'password' && outgoing.credential.password !== input.credential.password ? outgoing.credential.password : undefined;
  const result = await open().accounts.add(
    {
      settings: input.settings,
      displayName: '',
      password: input.credential.password,
      allowInsecure: input.allowInsecure,
      trustCertificate: input.trustedFingerprint,
      outgoing: outgoing?.settings ?? null,
      outgoingPassword,
      outgoingTrustCertificate: outgoing?.trustedFingerprint,
      sendTestMessage: input.sendTestMessage,
    },
    cliRun(input.timeoutMs),
  );
  if (result.duplicateOf !== null) {
    const { username, host, port } = input.settings;
    throw new UsageError(say('usage.alreadySaved', { username, host, port, existing: result.duplicateOf }));
  }
  return finish(io, result, json, ({ account }) =>
    account
      ? [say('accounts.saved', { email: account.email, passwords: account.outgoing && !account.outgoing.sharedPassword ? 2 : 1 }), ...(account.outgoing ? [] : [say('accounts.savedNoOutgoing')])].join(' ')
      : say('accounts.nothingSaved'),
  );
}

async function retest(args: string[], io: CliIo, open: () => CliAccounts): Promise<number> {
  const options = { json: { type: 'boolean', default: false }, timeout: { type: 'string' }, 'send-test-message': { type: 'boolean', default: false } } as const;
  const { values, positionals } = parseCommandArgs(args, options);
  const email = emailArgument(positionals, 'retest');
  const result = await open().accounts.retest(email, cliRun(timeoutFromFlag(values.timeout, defaultStepTimeoutMs)), { sendTestMessage: values['send-test-message'] });
  if (result.report === null) {
    io.stderr.write(`mail-setup: ${say('accounts.noPasswordSaved', { email })}\n`);
    return 1;
  }
  return finish(io, result, values.json, ({ account }) =>
    account?.status === 'needs-password'
      ? say('accounts.passwordNoLongerWorks', { email: account.email })
      : '',
  );
}

async function setPassword(args: string[], io: CliIo, open: () => CliAccounts): Promise<number> {
  const options = {
    json: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    'smtp-password-stdin': { type: 'boolean', default: false },
  } as const;
  const { values, positionals } = parseCommandArgs(args, options);
  const email = emailArgument(positionals, 'set-password');
  const timeoutMs = timeoutFromFlag(values.timeout, defaultStepTimeoutMs);
  let password: string;
  let outgoingPassword: string | undefined;
  if (values['smtp-password-stdin']) {
    // As for check: the outgoing server's own password is the second line of stdin.
    if (!values['password-stdin']) throw new UsageError(say('usage.smtpPasswordNeedsPassword'));
    [password, outgoingPassword] = await readSecretLines(io);
  } else password = await readSecret(io, values['password-stdin'], 'password');
  const cli = open();
  const result = await cli.accounts.setPassword(email, password, cliRun(timeoutMs), outgoingPassword);
  const copies = result.account?.copies ?? [];
  if (result.report?.ok && copies.length > 0) await updateCliCopies(io, cli.settings, email, copies);
  return finish(io, result, values.json, ({ report }) =>
    report?.ok ? say('accounts.newPasswordSaved', { email }) : say('accounts.newPasswordNotSaved'),
  );
}

async function list(args: string[], io: CliIo, open: () => CliAccounts): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } });
  if (positionals.length > 0) throw new UsageError(say('usage.strayArgument'));
  const accounts = await open().accounts.list();
  if (values.json) io.stdout.write(`${JSON.stringify(accounts, null, 2)}\n`);
  else io.stdout.write(accounts.length === 0 ? `${say('accounts.none')}\n` : `${accounts.map(formatAccount).join('\n\n')}\n`);
  return 0;
}

async function remove(args: string[], io: CliIo, open: () => CliAccounts): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false }, 'remove-gnome-copy': { type: 'boolean', default: false } });
  const email = emailArgument(positionals, 'remove');
  const gnomeCopy = await removeCliAccount(io, open().accounts, email, values['remove-gnome-copy']);
  if (values.json) io.stdout.write(`${JSON.stringify({ removed: true, gnomeCopy })}\n`);
  else {
    const lines = [say('accounts.removed', { email })];
    if (values['remove-gnome-copy']) lines.push(say(gnomeCopy === 'removed' ? 'accounts.gnomeCopyRemoved' : 'accounts.gnomeCopyNone', { email }));
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return 0;
}

/** Runs `mail-setup accounts …`; returns the exit status (0 ok, 1 check failed, 2 bad usage). */
export async function runAccountsCommand(args: string[], io: CliIo, deps: AccountsCommandDeps): Promise<number> {
  const [subcommand, ...rest] = args;
  let opened: CliAccounts | undefined;
  let noticeShown = false;
  const showNotice = () => {
    const notice = opened?.settings.notice;
    if (notice && !noticeShown) {
      noticeShown = true;
      io.stderr.write(`mail-setup: ${notice.words ? notice.words.map((ref) => sayById(ref.id, ref.values)).join(' ') : notice.message}\n`);
    }
  };
  const open = (): CliAccounts => {
    opened ??= deps.openAccounts();
    showNotice();
    return opened;
  };
  try {
    switch (subcommand) {
      case 'list':
        return await list(rest, io, open);
      case 'add':
        return await add(rest, io, deps, open);
      case 'retest':
        return await retest(rest, io, open);
      case 'set-password':
        return await setPassword(rest, io, open);
      case 'remove':
        return await remove(rest, io, open);
      default:
        throw new UsageError(subcommand ? say('usage.unknownAccountsCommand', { subcommand: quoted(subcommand) }) : say('usage.accountsNeedsCommand'));
    }
  } finally {
    // A file set aside while the command ran (not only at open) is reported too.
    showNotice();
  }
}
