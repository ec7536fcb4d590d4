// The command line's bad-usage lines (exit 2) and its password prompts, in English; `cli.usage.*` and `cli.secret.*` in the catalogue.
// Plain `{name}` arguments only: a `--json` run says these in English without loading FormatJS.

/** What `mail-setup: …` says when the command line is wrong; flags and commands stay as typed in every language. */
export const cliUsageMessages = {
  strayArgument: 'unexpected argument; passwords are read from stdin (--password-stdin) or a prompt, never from the command line',
  unknownCommand: 'unknown command: {command} (try mail-setup --help)',
  noCommand: 'no command given (try mail-setup --help)',
  accountsNeedsEmail: "accounts {subcommand} needs the account's email address",
  accountsNotEmail: 'accounts {subcommand}: the account must be named by its email address',
  unknownAccountsCommand: 'unknown accounts command: {subcommand} (use list, add, retest, set-password or remove)',
  accountsNeedsCommand: 'accounts needs a command: list, add, retest, set-password or remove',
  addPasswordOnly: 'accounts add saves password accounts; --auth oauth2 is for mail-setup check',
  addBothServers: 'accounts add tests and saves both servers; --only is for mail-setup check',
  alreadySaved: '{username} on {host}:{port} is already saved as {existing}; to change its password: mail-setup accounts set-password {existing}',
  smtpPasswordNeedsPassword: '--smtp-password-stdin needs --password-stdin (the first line is the incoming password, the second the outgoing one)',
  needsOutgoingServer: '{flag} needs an outgoing server: give --smtp-host (none was discovered)',
  needsSmtpHost: '{flag} needs --smtp-host (no outgoing server was discovered)',
  sendTestNeedsBoth: '--send-test-message needs both servers: an outgoing server and no --only',
  passwordWithOauth: '--password-stdin does not go with --auth oauth2; use --access-token-stdin',
  accessTokenNeedsOauth: '--access-token-stdin needs --auth oauth2',
  authValue: '--auth must be password or oauth2',
  onlyValue: '--only must be incoming or outgoing',
  securityValue: '{flag} must be tls, starttls or none',
  portValue: '{flag} must be a number from 1 to 65535',
  protocolValue: '--protocol must be imap or pop3',
  timeoutValue: '--timeout must be a number of seconds, more than 0 and at most 300',
  fingerprintValue: '{flag} must be a SHA-256 fingerprint (64 hex digits, colons optional)',
  required: '{flag} is required',
  notEmail: '{flag} {value}: not an email address',
  notHost: '{flag} is not a valid server name',
  lineBreaks: '{flag} must not contain line breaks or NUL characters',
  invalid: '{flag} is invalid',
  noSettingsFound: 'no settings found for {email}: give --host, --port and --security',
  noPop3SettingsFound: 'no POP3 settings found for {email}: give --host, --port and --security',
  exportNeedsEmail: "export needs the saved account's email: mail-setup export EMAIL --to TARGET",
  noTarget: 'no --to given; the targets are: {targets}',
  unknownTarget: 'unknown target {target}; the targets are: {targets}',
  gnomeNoOutput: '--to gnome registers the account with GNOME Online Accounts and writes no file: leave out --output',
  qrImage: 'the QR code is written as an image: give --output a name ending in .png or .svg (got {path})',
  tokenNeedsEmail: "token needs the saved account's email: mail-setup token EMAIL",
  // Node's own lines in English; these in the other languages.
  unknownOption: 'unknown option {option}',
  optionNeedsValue: '{option} needs a value',
  optionTakesNoValue: '{option} takes no value',
  discover: '{problem} (usage: mail-setup discover EMAIL [--json])',
  noEmail: 'no email address given',
  oneEmail: 'give exactly one email address',
  // Not bad usage (exit 1), but said where discover's usage lines are.
  discoveryFailed: 'discovery failed: {message}',
} as const;

/** The secrets the CLI reads (prompts are followed by a space) (a password, the outgoing server's own password, an OAuth2 access token): prompts and what is wrong with one. */
export const cliSecretMessages = {
  password: {
    prompt: 'Password:',
    empty: 'the password is empty',
    lineBreaks: 'the password must not contain line breaks or NUL characters',
    missing: 'no password: pass it on stdin with --password-stdin, or run in a terminal',
  },
  outgoingPassword: {
    empty: 'the outgoing password is empty',
    lineBreaks: 'the outgoing password must not contain line breaks or NUL characters',
  },
  accessToken: {
    prompt: 'Access token:',
    empty: 'the access token is empty',
    lineBreaks: 'the access token must not contain line breaks or NUL characters',
    missing: 'no access token: pass it on stdin with --access-token-stdin, or run in a terminal',
  },
} as const;
