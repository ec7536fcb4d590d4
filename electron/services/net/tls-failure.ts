// Names a failed TLS handshake the same way after SSL/TLS and after STARTTLS: who failed, in one clean line.
import { stepText } from './step-text.ts';
import { categoryForSocketError, describeSocketError, errorField } from './classify-socket-error.ts';
import type { StepFailure } from './step-failure.ts';

// OpenSSL's text: "<id>:error:<hex>:SSL routines:<function>:<reason>:<source path>:<line>:…".
const opensslText = /:error:[0-9A-F]+:[^:]*:[^:]*:([^:\n]+)/;

/** The OpenSSL code and reason of a TLS error: Node's own, or read back from the text a library wrapped it in. */
function sslError(error: unknown): { code: string; reason: string } | undefined {
  const code = errorField(error, 'code');
  const reason = errorField(error, 'reason') || opensslText.exec(errorField(error, 'message'))?.[1]?.trim() || '';
  if (code.startsWith('ERR_SSL_')) return { code, reason };
  // Node builds its code from the reason the same way (nodemailer keeps only the message).
  return reason ? { code: `ERR_SSL_${reason.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`, reason } : undefined;
}

/**
 * The failure of a TLS handshake begun at once (`tls`) or after STARTTLS. A TLS alert from the
 * server proves the server speaks TLS here, so it is never put down to the user's security setting:
 * an internal error is the server's own failure; another alert, a refusal of this connection.
 */
export function tlsHandshakeFailure(error: unknown, upgrade: 'tls' | 'starttls'): StepFailure {
  const ssl = sslError(error);
  if (!ssl) {
    const message = errorField(error, 'message').replace(/^Error initiating TLS - /, '');
    return { category: categoryForSocketError(error, 'tls-handshake-failed'), detail: describeSocketError({ code: errorField(error, 'code'), message }) };
  }
  // OpenSSL 3 names an alert the peer sent "tlsv1 alert …" or "ssl/tls alert …".
  const alert = /^ERR_SSL_.*?_ALERT_(.+)$/.exec(ssl.code)?.[1];
  if (alert === 'INTERNAL_ERROR') {
    return { category: 'server-unavailable', reason: 'server-tls-error', ...stepText('tls.serverInternalError', { code: ssl.code }) };
  }
  if (alert) {
    const name = alert.toLowerCase().replace(/_/g, ' ');
    return { category: 'tls-handshake-failed', reason: 'server-tls-alert', ...stepText('tls.serverAlert', { alert: name, code: ssl.code }) };
  }
  if (ssl.code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    // The usual cause after SSL/TLS: the server speaks its plain protocol on this port.
    return { category: 'tls-handshake-failed', ...stepText(upgrade === 'tls' ? 'tls.notTlsHere' : 'tls.notTlsAfterStartTls') };
  }
  return { category: 'tls-handshake-failed', ...stepText('tls.handshakeFailed', { error: describeSocketError({ code: ssl.code, message: ssl.reason }) }) };
}
