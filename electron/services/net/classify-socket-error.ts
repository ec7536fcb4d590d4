// Reads what a thrown low-level error carries, and maps Node's network and TLS error codes to failure categories.
import type { FailureCategory } from '../../../shared/failure-category.ts';

const byCode: Record<string, FailureCategory> = {
  ENOTFOUND: 'dns-not-found',
  EAI_NONAME: 'dns-not-found',
  EAI_AGAIN: 'dns-not-found',
  ENODATA: 'dns-not-found',
  ECONNREFUSED: 'connection-refused',
  ETIMEDOUT: 'timeout',
  ENETUNREACH: 'connection-refused',
  EHOSTUNREACH: 'connection-refused',
  ECONNRESET: 'connection-lost',
  EPIPE: 'connection-lost',
  ECONNABORTED: 'connection-lost',
  ERR_STREAM_PREMATURE_CLOSE: 'connection-lost',
  ERR_SSL_WRONG_VERSION_NUMBER: 'tls-handshake-failed',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'tls-handshake-failed',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'tls-handshake-failed',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'tls-handshake-failed',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'tls-handshake-failed',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'tls-handshake-failed',
};

/** A property of whatever was thrown, as text: '' when it is not an object or has no such property. */
export function errorField(error: unknown, name: string): string {
  return typeof error === 'object' && error !== null && name in error ? String((error as Record<string, unknown>)[name]) : '';
}

/** The category for a low-level error, or `fallback` when its code says nothing specific. */
export function categoryForSocketError(error: unknown, fallback: FailureCategory): FailureCategory {
  const code = errorField(error, 'code');
  if (code.startsWith('ERR_SSL_') && !(code in byCode)) return 'tls-handshake-failed';
  return byCode[code] ?? fallback;
}

/** A short, password-free description of a low-level error. */
export function describeSocketError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = errorField(error, 'code');
    // OpenSSL's messages carry source paths; the reason between the colons is what a person can use.
    const message = errorField(error, 'message').replace(/^[0-9A-F]+:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):.*$/s, '$1');
    return [code, message.split('\n')[0]].filter(Boolean).join(': ').slice(0, 300);
  }
  return String(error).slice(0, 300);
}
