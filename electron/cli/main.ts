// `mail-setup`: the command-line twin of the app, dispatching to one command per file.
import { reportCliError } from './cli-errors.ts';
import { quoted, UsageError, type CliIo } from './cli-io.ts';
import { say, useCliLanguage } from './cli-language.ts';

/** The synopsis: commands and flags, the same in every language (only its heading is translated). */
// eslint-disable-next-line local/no-english-literal -- commands, flags and placeholders, not sentences
const synopsis = `  mail-setup discover EMAIL [--json]
  mail-setup check --email EMAIL [--protocol imap|pop3] [--host H] [--port P]
                   [--security tls|starttls|none] [--username U] [--password-stdin] [--allow-insecure] [--timeout SECONDS]
                   [--trust-certificate SHA256] [--auth oauth2 --access-token-stdin]
                   [--smtp-host H] [--smtp-port P] [--smtp-security tls|starttls|none]
                   [--smtp-username U] [--smtp-password-stdin] [--smtp-trust-certificate SHA256]
                   [--only incoming|outgoing] [--send-test-message] [--transcript] [--json]
  mail-setup accounts list|add|retest|set-password|remove … [--json]
  mail-setup export EMAIL --to thunderbird-mobile|apple|gnome|msmtp|mbsync|aerc|neomutt|autoconfig
                   [--output FILE] [--include-password] [--force] [--json]
  mail-setup token EMAIL
`;

/** Runs one command line; returns the exit status (0 ok, 1 check failed, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // Each command loads only what it uses (dynamic imports: separate chunks in the bundle), so
  // `--help` and `discover` start without loading imapflow, nodemailer or the accounts store.
  const services = async () => (await import('./cli-services.ts')).createCliServices(io.env);
  try {
    // JSON is the same in every language: a run that prints it does without.
    if (!argv.includes('--json')) await useCliLanguage(io.env);
    switch (command) {
      case 'check': {
        const { runCheckCommand } = await import('./check-command.ts');
        return await runCheckCommand(rest, io, await services());
      }
      case 'discover':
        return await (await import('./discover-command.ts')).runDiscover(rest, io);
      case 'export':
        return await (await import('./export-command.ts')).runExport(rest, io);
      case 'token':
        return await (await import('./token-command.ts')).runToken(rest, io);
      case 'accounts':
        return await (await services()).runAccounts(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${say('help.usage')}\n${synopsis}`);
        return 0;
      default:
        throw new UsageError(command ? say('usage.unknownCommand', { command: quoted(command) }) : say('usage.noCommand'));
    }
  } catch (error) {
    return reportCliError(error, argv, io);
  }
}
