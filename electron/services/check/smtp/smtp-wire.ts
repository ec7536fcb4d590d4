// Watches the SMTP conversation nodemailer holds: every reply as it arrives, and every command just
// before it is written, through nodemailer's transaction log, so steps, guards and transcript see the wire.

/** Called for each reply (a multi-line reply whole, lines joined by LF) and each command before it leaves. */
export interface SmtpWireHooks {
  onReply(reply: string): void;
  /** The command as nodemailer logs it (SASL secrets already masked); may destroy the socket to stop it. */
  beforeCommand(command: string): void;
}

type LogEntry = { tnx?: string } | undefined;

/** A bunyan-style logger for SMTPConnection (`transactionLog: true`) that feeds `hooks`. */
export function wireLogger(hooks: SmtpWireHooks) {
  const ignore = () => undefined;
  return {
    debug(entry: LogEntry, message: unknown) {
      if (typeof message !== 'string') return;
      if (entry?.tnx === 'server') hooks.onReply(message);
      else if (entry?.tnx === 'client') hooks.beforeCommand(message);
    },
    trace: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    fatal: ignore,
  };
}
