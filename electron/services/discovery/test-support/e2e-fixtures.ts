// Loads the shared e2e fixtures (test CA, Dovecot) at run time, typed by the little that discovery tests use.
// A static import would pull e2e/ files into the electron TypeScript project, which does not include them.

/** A certificate and key as PEM file paths. */
export interface CertificateFiles {
  readonly cert: string;
  readonly key: string;
}

/** The part of e2e/fixtures/test-ca.ts's TestCa these tests use. */
export interface TestCa {
  readonly caPem: string;
  readonly expired: CertificateFiles;
  readonly wrongHost: CertificateFiles;
  readonly selfSigned: CertificateFiles;
  issue(request?: { names?: readonly string[] }): Promise<CertificateFiles>;
  remove(): Promise<void>;
}

/** The part of e2e/fixtures/dovecot.ts's Dovecot these tests use. */
export interface Dovecot {
  readonly tlsPort: number;
  readonly starttlsPort: number;
  stop(): Promise<void>;
}

const fixtures = new URL('../../../../e2e/fixtures/', import.meta.url);

async function load<T>(file: string): Promise<T> {
  return (await import(new URL(file, fixtures).href)) as T;
}

/** A fresh private CA (e2e/fixtures/test-ca.ts). */
export async function createTestCa(): Promise<TestCa> {
  return (await load<{ createTestCa(): Promise<TestCa> }>('test-ca.ts')).createTestCa();
}

/** A real Dovecot on 127.0.0.1 presenting `certificate` (e2e/fixtures/dovecot.ts). */
export async function startDovecot(options: { certificate: CertificateFiles }): Promise<Dovecot> {
  return (await load<{ startDovecot(options: { certificate: CertificateFiles }): Promise<Dovecot> }>('dovecot.ts')).startDovecot(options);
}
