// Advice for failures of a POP3 incoming server where the IMAP wording (ports 993/143, INBOX) would mislead.
import type { FailureCategory } from '../failure-category.ts';

const pop3Ports = 'POP3 uses port 995 with SSL/TLS or port 110 with STARTTLS.';

/** POP3 advice per category; `{port}` is filled in. Categories not listed use the common text. */
export const pop3Advice: Partial<Record<FailureCategory, string>> = {
  'connection-refused': `Check the port number and that the server is running. ${pop3Ports} A firewall may also block the port.`,
  timeout: `The server may be down, or a firewall may silently drop the connection to port {port}. ${pop3Ports}`,
  'tls-handshake-failed': 'The security setting probably does not fit this port: port 995 uses SSL/TLS from the first byte, port 110 uses STARTTLS.',
  'starttls-unavailable': 'Try SSL/TLS on port 995. If the server normally offers STARTTLS, someone on this network may be removing it.',
  'encryption-required': 'Choose SSL/TLS (port 995) or STARTTLS (port 110). Allow an unencrypted password only on a network you fully trust.',
  'auth-disabled': 'Switch POP access on in your provider’s web settings (or ask your administrator to), then test again.',
  'mailbox-unavailable': 'Another mail program or device may be downloading this mailbox over POP3 right now: close it, wait a minute and test again. Otherwise the mailbox may be being repaired; try again later.',
};

/** A POP3 server answered where IMAP was chosen. */
export const pop3ServerOnImapPortAdvice =
  'This port belongs to a POP3 server: choose POP3 for this account, or use the IMAP port (993 with SSL/TLS, 143 with STARTTLS).';

/** An IMAP server answered where POP3 was chosen. */
export const imapServerOnPop3PortAdvice =
  'This port belongs to an IMAP server: choose IMAP for this account (it keeps your mail in sync on every device), or use the POP3 port (995 with SSL/TLS, 110 with STARTTLS).';
