// What the user reads when the network side of a check tells more than its category: a port that expects SSL/TLS, a silent greeting, a server's own TLS failure.
import type { FailureText } from './failure-messages.ts';

/**
 * Why a connection failed, where the category's general words would mislead: each one ends in an
 * existing category (contracts.md), and its words replace the category's.
 */
export const networkFailureReasons = ['port-expects-tls', 'greeting-silent', 'server-tls-error', 'server-tls-alert'] as const;
export type NetworkFailureReason = (typeof networkFailureReasons)[number];

/** The words for each reason; `{host}` and `{port}` are filled in. */
export const networkFailureTexts: Record<NetworkFailureReason, FailureText> = {
  // STARTTLS or no encryption chosen on a port such as 993, 465 or 995: the server waits in silence.
  'port-expects-tls': {
    message: 'This port expects SSL/TLS: {host} waits on port {port} for an encrypted connection from the first byte, so it did not answer a plain start.',
    advice: 'Choose SSL/TLS for port {port}. STARTTLS works only on a server’s plain ports, such as 143, 587 or 110. Your password was not sent.',
  },
  // The connection opened, so neither a server that is down nor a firewall is to blame.
  'greeting-silent': {
    message: 'The server {host} accepted the connection on port {port} but never greeted.',
    advice: 'This port probably belongs to another kind of service, one that waits for the client to speak first. Check the port number and the security setting, then try again.',
  },
  // A TLS "internal error" alert: the server's own TLS setup is broken (OpenSMTPD on Debian 12 did this).
  'server-tls-error': {
    message: 'The server {host} failed while setting up a secure connection on port {port}: it reported an internal error of its own.',
    advice: 'This is a fault on the server, not in your settings. Try again later; if it keeps happening, tell the server’s administrator that its TLS (SSL) setup fails.',
  },
  // Any other alert: the server speaks TLS on this port, so the security setting fits it.
  'server-tls-alert': {
    message: 'The server {host} turned down the secure connection on port {port}.',
    advice: 'The server speaks SSL/TLS on this port but refused this connection, perhaps because it offers only outdated TLS versions. Your security setting fits this port; ask the server’s administrator to update its TLS setup.',
  },
};
