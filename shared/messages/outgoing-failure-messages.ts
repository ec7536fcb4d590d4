// Advice for failures of the outgoing (SMTP) server where the incoming wording (ports 993/143) would mislead.
import type { FailureCategory } from '../failure-category.ts';

const submissionPorts = 'Mail apps send on port 587 with STARTTLS or port 465 with SSL/TLS.';
const port25 = 'Many home, mobile and public networks block port 25 for everything but mail servers, and most providers refuse mail apps there: use port 587 with STARTTLS or 465 with SSL/TLS instead.';
const samePassword =
  // No provider names here: they would be wrong on every other server (build-failure.ts adds the provider's own advice where it is known).
  'The outgoing server normally takes the same password as incoming mail, and an app password made for mail works for both. Check the outgoing username too; most providers want the full email address.';

/** Outgoing-server advice per category; `{port}` is filled in. Categories not listed use the common text. */
export const outgoingAdvice: Partial<Record<FailureCategory, string>> = {
  'connection-refused': `Check the port number and that the server is running. ${submissionPorts} A firewall may also block the port.`,
  timeout: `The server may be down, or a firewall may silently drop the connection to port {port}. ${submissionPorts}`,
  'tls-handshake-failed': 'The security setting probably does not fit this port: port 465 uses SSL/TLS from the first byte, ports 587 and 25 use STARTTLS.',
  'starttls-unavailable': 'Try SSL/TLS on port 465. If the server normally offers STARTTLS, someone on this network may be removing it.',
  'encryption-required': 'Choose STARTTLS (port 587) or SSL/TLS (port 465). Allow an unencrypted password only on a network you fully trust.',
  'wrong-credentials': `Passwords are case-sensitive: check that Caps Lock is off. ${samePassword}`,
  'app-password-required': `Create an app password in your account's security settings and use it here. ${samePassword}`,
};

/** Extra advice when the outgoing port is 25, for the categories a blocked or relay-only port 25 causes. */
export const port25Advice: { categories: readonly FailureCategory[]; advice: string } = {
  categories: ['connection-refused', 'timeout', 'smtp-auth-unavailable', 'starttls-unavailable', 'encryption-required'],
  advice: port25,
};
