// Runs the TLS handshake over a connected socket and judges the certificate before any protocol byte is used.
import { stepText, type StepText } from './step-text.ts';
import { connect as tlsConnect, createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import { isIP, type Socket } from 'node:net';
import type { TlsInfo } from '../../../shared/check-report.ts';
import { bareHost } from '../../../shared/server-settings.ts';
import { judgeCertificate } from './certificate-verdict.ts';
import { tlsHandshakeFailure } from './tls-failure.ts';
import { StepFailedError } from './step-failure.ts';
import type { CaCertificates } from './net-ports.ts';
import { whenReady } from './socket-ready.ts';

export interface TlsUpgradeOptions {
  socket: Socket;
  host: string;
  secureContext: SecureContext;
  pinnedFingerprint?: string | undefined;
  /** The upgrade follows the protocol's STARTTLS (STLS) command rather than the connect. */
  afterStartTls?: boolean | undefined;
}

/** A handshake that finished and whose certificate is acceptable. */
export interface SecuredConnection {
  socket: TLSSocket;
  info: TlsInfo;
}

/** Starts the handshake at once and returns the TLS socket (imapflow's STARTTLS wants it synchronously). */
export function beginTls(options: TlsUpgradeOptions): TLSSocket {
  const name = bareHost(options.host);
  return tlsConnect({
    socket: options.socket,
    secureContext: options.secureContext,
    minVersion: 'TLSv1.2',
    // The chain and the name are judged by judgeCertificate before the socket is handed on,
    // so that a certificate the user pinned can be accepted and nothing else.
    rejectUnauthorized: false,
    ...(isIP(name) ? {} : { servername: name }),
  });
}

function handshake(options: TlsUpgradeOptions): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = beginTls(options);
    const onError = (error: Error) => {
      secure.destroy();
      reject(error);
    };
    secure.once('error', onError);
    options.socket.once('close', () => onError(Object.assign(new Error('closed during TLS handshake'), { code: 'ECONNRESET' })));
    secure.once('secureConnect', () => {
      secure.removeListener('error', onError);
      resolve(secure);
    });
  });
}

/** Secures the socket or throws a StepFailedError with the TLS or certificate category. */
export async function upgradeToTls(options: TlsUpgradeOptions): Promise<SecuredConnection> {
  let socket: TLSSocket;
  try {
    socket = await handshake(options);
  } catch (error) {
    throw new StepFailedError(tlsHandshakeFailure(error, options.afterStartTls ? 'starttls' : 'tls'));
  }
  return { socket, info: acceptedTlsInfo(socket, options) };
}

/** The TLS step's detail: protocol, cipher, and the certificate's subject, issuer, validity and fingerprint. */
export function describeTlsInfo(info: TlsInfo): StepText {
  const cert = info.certificate;
  const common = { protocol: info.protocol, cipher: info.cipher, subject: cert.subject, issuer: cert.issuer, to: cert.validTo.slice(0, 10), fingerprint: cert.fingerprint256 };
  if (cert.validFrom) {
    const from = cert.validFrom.slice(0, 10);
    return info.pinned ? stepText('passed.tlsRangePinned', { ...common, from, problem: info.pinned.problem }) : stepText('passed.tlsRange', { ...common, from });
  }
  return info.pinned ? stepText('passed.tlsUntilPinned', { ...common, problem: info.pinned.problem }) : stepText('passed.tlsUntil', common);
}

/** The TLS details of a finished handshake, or a StepFailedError when the certificate is not acceptable. */
export function acceptedTlsInfo(socket: TLSSocket, options: Pick<TlsUpgradeOptions, 'host' | 'pinnedFingerprint'>): TlsInfo {
  const verdict = judgeCertificate(socket, options.host, options.pinnedFingerprint);
  if (!verdict.accepted) {
    socket.destroy();
    throw new StepFailedError({
      category: verdict.category,
      ...stepText('tls.certificateRefused', { problem: verdict.reason, subject: verdict.info.subject, issuer: verdict.info.issuer }),
      certificate: verdict.info,
      pinnedFingerprint256: verdict.category === 'certificate-changed' ? options.pinnedFingerprint : undefined,
    });
  }
  const cipher = socket.getCipher();
  return {
    protocol: socket.getProtocol() ?? '',
    cipher: cipher.standardName || cipher.name,
    certificate: verdict.info,
    ...(verdict.pinnedDespite ? { pinned: { fingerprint256: verdict.info.fingerprint256, problem: verdict.pinnedDespite } } : {}),
  };
}

// One context per CA list: building it is the costly part of a handshake, and the trusted list is cached.
const contexts = new WeakMap<readonly string[], SecureContext>();
let defaultContext: SecureContext | undefined;

function contextFor(ca: readonly string[] | undefined): SecureContext {
  if (!ca) return (defaultContext ??= createSecureContext());
  let context = contexts.get(ca);
  if (!context) {
    context = createSecureContext({ ca: [...ca] });
    contexts.set(ca, context);
  }
  return context;
}

/**
 * A credential-free probe's TLS: resolves once the handshake finished with a certificate that is
 * trusted and names `host` (no pins: a probe only proposes servers); otherwise rejects and closes.
 */
export async function verifiedTls(socket: Socket, host: string, caCertificates: CaCertificates | undefined, signal: AbortSignal): Promise<TLSSocket> {
  const secure = beginTls({ socket, host, secureContext: contextFor(caCertificates?.()) });
  const close = () => {
    secure.destroy();
    socket.destroy();
  };
  await whenReady(secure, 'secureConnect', signal, close);
  const verdict = judgeCertificate(secure, host, undefined);
  if (!verdict.accepted) {
    close();
    throw Object.assign(new Error(`the certificate of ${host} is not acceptable: ${verdict.reason}`), { code: verdict.category });
  }
  return secure;
}
