// English sentences for every failure category: what happened and what to do next.
import type { FailureCategory } from '../failure-category.ts';

/** What the user reads for one category; `{host}`, `{port}` and `{provider}` are filled in. */
export interface FailureText {
  message: string;
  advice: string;
}

/** The message catalogue for failures (English first; other languages mirror these keys). */
export const failureMessages: Record<FailureCategory, FailureText> = {
  'dns-not-found': {
    message: 'The server name {host} could not be found.',
    advice: 'Check the spelling of the server name, and that this computer is connected to the internet.',
  },
  'connection-refused': {
    message: 'Nothing answered at {host} on port {port}: the connection was refused.',
    advice: 'Check the port number (993 for SSL/TLS, 143 for STARTTLS) and that the server is running. A firewall may also block the port.',
  },
  timeout: {
    message: 'The server {host} did not answer in time.',
    advice: 'The server may be down or overloaded, or a firewall may silently drop the connection. Check the server name and port, then try again.',
  },
  'connection-lost': {
    message: 'The server closed the connection in the middle of the conversation.',
    advice: 'Try again in a moment. If it keeps happening, the server may be overloaded or blocking this connection.',
  },
  'not-imap': {
    message: 'Something answered at {host} on port {port}, but it is not an IMAP mail server.',
    advice: 'This is probably the port of another service (web, SMTP or POP3). IMAP uses port 993 with SSL/TLS or 143 with STARTTLS.',
  },
  'not-smtp': {
    message: 'Something answered at {host} on port {port}, but it is not an outgoing (SMTP) mail server.',
    advice: 'This is probably the port of another service (IMAP, POP3 or web). Outgoing mail uses port 465 with SSL/TLS or 587 with STARTTLS.',
  },
  'not-pop3': {
    message: 'Something answered at {host} on port {port}, but it is not a POP3 mail server.',
    advice: 'This is probably the port of another service (IMAP, SMTP or web). POP3 uses port 995 with SSL/TLS or 110 with STARTTLS.',
  },
  'tls-handshake-failed': {
    message: 'A secure (TLS) connection to {host} on port {port} could not be set up.',
    advice: 'The security setting probably does not fit this port: port 993 uses SSL/TLS, port 143 uses STARTTLS.',
  },
  'certificate-untrusted': {
    message: 'The server’s certificate is not from an authority this computer trusts (it may be self-signed).',
    advice: 'If this is your own or your company’s server, compare the fingerprint with the one your administrator gives you and trust this certificate. Otherwise do not continue: someone may be intercepting the connection.',
  },
  'certificate-expired': {
    message: 'The server’s certificate has expired or is not valid yet.',
    advice: 'Check that this computer’s date and time are right. If they are, tell the server’s administrator that the certificate needs renewing.',
  },
  'certificate-hostname-mismatch': {
    message: 'The server’s certificate is for another name, not for {host}.',
    advice: 'Use the server name the certificate was made for (your provider’s help pages name it), or ask the administrator.',
  },
  'certificate-changed': {
    message: 'The server now presents a different certificate from the one you chose to trust.',
    advice: 'Compare the new fingerprint with the one your administrator gives you. Trust it only if the change was expected; otherwise someone may be intercepting the connection.',
  },
  'starttls-unavailable': {
    message: 'The server did not offer STARTTLS, so the connection could not be encrypted. Your password was not sent.',
    advice: 'Try SSL/TLS on port 993. If the server normally offers STARTTLS, someone on this network may be removing it.',
  },
  'encryption-required': {
    message: 'The password would have crossed the network unencrypted, so it was not sent.',
    advice: 'Choose SSL/TLS (port 993) or STARTTLS (port 143). Allow an unencrypted password only on a network you fully trust.',
  },
  'wrong-credentials': {
    message: 'The server rejected the username or password.',
    advice: 'Passwords are case-sensitive: check that Caps Lock is off and retype it. Check the username too; many providers want the full email address.',
  },
  'app-password-required': {
    message: '{provider} requires an app-specific password for mail apps, not your usual password.',
    advice: 'Sign in to your account on the provider’s website, open its security settings and create an app password for mail (this usually needs two-step verification turned on first). Then enter that password here instead of your usual one.',
  },
  'oauth-required': {
    message: 'This server does not accept passwords from mail apps; it requires signing in with your browser (OAuth2).',
    advice: 'Your usual password will not work here. Sign in through your provider in the browser (OAuth2) instead, or, if your provider still offers app passwords for mail, create one and enter it here.',
  },
  'auth-disabled': {
    message: '{provider} has switched off password sign-in for this kind of connection.',
    advice: 'Ask your administrator to turn on authenticated sending (for Microsoft 365: “Authenticated SMTP” for your mailbox), or sign in with your browser (OAuth2) where the app offers it.',
  },
  'smtp-auth-unavailable': {
    message: 'The outgoing server {host} offers no sign-in on port {port}.',
    advice: 'This port is probably meant for server-to-server mail (port 25). Use port 587 with STARTTLS or 465 with SSL/TLS, where mail apps sign in.',
  },
  'sender-rejected': {
    message: 'Signed in, but the outgoing server refuses mail from (or to) {email}.',
    advice: 'Check that the address is the one this account may send from (some providers only allow the sign-in address), and that the outgoing username belongs to it.',
  },
  'password-expired': {
    message: 'The server says your password has expired.',
    advice: 'Change the password on your provider’s website, then update it here.',
  },
  'account-blocked': {
    message: 'The account is disabled or locked, or needs attention from the provider.',
    advice: 'Sign in on your provider’s website to see why, or contact the administrator.',
  },
  'server-unavailable': {
    message: 'The server is temporarily unavailable.',
    advice: 'Wait a few minutes and try again.',
  },
  'mailbox-unavailable': {
    message: 'Signed in, but the Inbox could not be opened.',
    advice: 'The mailbox may be over quota or being repaired. Try again later or contact the provider.',
  },
  'delivery-delayed': {
    message: 'The test message was accepted for sending but has not reached your Inbox yet.',
    advice: 'It may still arrive: look in the Spam or Junk folder, and give your provider a few minutes. Sending itself works.',
  },
  'protocol-error': {
    message: 'The server answered in a way that made no sense.',
    advice: 'Check the server name and port. If they are right, the server may be misconfigured.',
  },
};

/** Sentences a failure's advice adds for some providers, and how two sentences join. */
export const failureExtras = {
  yourProvider: 'Your provider',
  appPasswordProvider: '{provider} requires an app-specific password for mail apps: create one and use it instead of your normal password.',
  oauthProvider: '{provider} may accept only an app password or signing in with your browser.',
  join: '{first} {second}',
  // A saved OAuth2 sign-in the provider no longer accepts (invalid_grant).
  signInExpired: 'Your sign-in with {provider} for {email} has expired or was revoked.',
  signInExpiredAdvice: "Sign in again with {provider} to keep using this account. This happens after a password change, when access is removed in the account's security settings, or after a long time unused.",
} as const;
