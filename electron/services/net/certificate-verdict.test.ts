// Certificate verdicts on real handshakes with certificates made for the run: trusted, expired, other host, self-signed, pinned.
import { readFileSync } from 'node:fs';
import { createServer, createSecureContext, type Server, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestCa, type CertificateFiles, type TestCa } from '../../../e2e/fixtures/test-ca.ts';
import { judgeCertificate, normalizeFingerprint } from './certificate-verdict.ts';
import { beginTls } from './tls-upgrade.ts';
import { connect } from 'node:net';

let ca: TestCa;
const servers: Server[] = [];

async function serve(certificate: CertificateFiles): Promise<number> {
  const server = createServer({ cert: readFileSync(certificate.cert), key: readFileSync(certificate.key) }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function handshake(port: number, host: string): Promise<TLSSocket> {
  const plain = connect({ host: '127.0.0.1', port });
  await new Promise((resolve, reject) => plain.once('connect', resolve).once('error', reject));
  const secure = beginTls({ socket: plain, host, secureContext: createSecureContext({ ca: [ca.caPem] }) });
  await new Promise((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
  return secure;
}

async function verdict(certificate: CertificateFiles, host: string, pinned?: string) {
  const socket = await handshake(await serve(certificate), host);
  try {
    return judgeCertificate(socket, host, pinned);
  } finally {
    socket.destroy();
  }
}

beforeAll(async () => {
  ca = await getTestCa();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('normalizeFingerprint', () => {
  it('accepts any case, with or without colons', () => {
    const expected = 'AB:CD:EF:01';
    expect(normalizeFingerprint('abcdef01')).toBe(expected);
    expect(normalizeFingerprint('ab:cd:EF:01')).toBe(expected);
    expect(normalizeFingerprint(' AB CD EF 01 ')).toBe(expected);
  });
});

describe('judgeCertificate', () => {
  it('accepts a certificate from a trusted CA for the host name, by name or by IP address', async () => {
    for (const host of ['localhost', 'IMAP.Example.Test', '127.0.0.1']) {
      const result = await verdict(ca.trusted, host);
      expect(result).toMatchObject({ accepted: true, info: { subject: 'localhost', fingerprint256: ca.trusted.fingerprint256 } });
      expect(result.info.issuer).toContain('Mail Setup Test CA');
      expect(result.info.altNames).toEqual(['localhost', '127.0.0.1', 'imap.example.test']);
    }
  });

  it('names each problem', async () => {
    expect(await verdict(ca.expired, 'localhost')).toMatchObject({ accepted: false, category: 'certificate-expired', reason: 'CERT_HAS_EXPIRED' });
    expect(await verdict(ca.wrongHost, 'localhost')).toMatchObject({ accepted: false, category: 'certificate-hostname-mismatch' });
    expect(await verdict(ca.selfSigned, 'localhost')).toMatchObject({ accepted: false, category: 'certificate-untrusted' });
    expect(await verdict(ca.trusted, 'other.example.test')).toMatchObject({ accepted: false, category: 'certificate-hostname-mismatch' });
  });

  it('accepts a problem certificate only when it is exactly the pinned one', async () => {
    const pinned = ca.selfSigned.fingerprint256.replace(/:/g, '').toLowerCase();
    expect(await verdict(ca.selfSigned, 'localhost', pinned)).toMatchObject({ accepted: true, pinnedDespite: 'certificate-untrusted' });
    expect(await verdict(ca.expired, 'localhost', ca.expired.fingerprint256)).toMatchObject({ accepted: true, pinnedDespite: 'certificate-expired' });
    expect(await verdict(ca.selfSigned, 'localhost', ca.expired.fingerprint256)).toMatchObject({ accepted: false, category: 'certificate-changed' });
  });

  it('does not need a pin for a valid certificate, and a stale pin does not reject it', async () => {
    expect(await verdict(ca.trusted, 'localhost', ca.selfSigned.fingerprint256)).toMatchObject({ accepted: true });
  });
});
