// A whole discovery world on loopback: DNS (dns2), ISPDB and autoconfig web servers, Dovecot, SMTP greeters, a private CA.
import { startDovecot, type Dovecot } from '../../../../e2e/fixtures/dovecot.ts';
import { createTestCa, type TestCa } from '../../../../e2e/fixtures/test-ca.ts';
import { createDiscovery, type Discovery, type DiscoveryDeps } from '../discover.ts';
import { createDnsPort } from '../../net/dns-port.ts';
import { startLocalDns, type LocalDns, type Zone } from '../../net/test-support/local-dns.ts';
import { startLocalWeb, type LocalWeb, type WebRoutes } from './local-web.ts';
import { createRoutedConnect, type RoutedConnect } from './routed-connect.ts';
import { startScriptedSmtp, type ScriptedSmtp } from './scripted-smtp.ts';

/** Where the lab's ISPDB lives (resolved by the lab DNS, served by the lab HTTPS server). */
export const labIspdbBase = 'https://ispdb.lab.test/v1.1/';

/** What to build. */
export interface LabOptions {
  zone: Zone;
  routes?: WebRoutes;
  /** Names the web servers' certificate covers (ispdb.lab.test is always added). */
  webNames: string[];
  /** Names Dovecot's certificate covers, for guessing. */
  imapNames: string[];
  /** Names the SMTP greeters' certificate covers, for guessing (465 implicit TLS, 587 STARTTLS). */
  smtpNames?: string[];
  /** Each DNS answer is held this long (a resolver one round trip away). */
  dnsAnswerDelayMs?: number;
  /** Lines appended to Dovecot's configuration (Dovecot's `extraConfig`). */
  dovecotConfig?: string;
}

/** The running lab. */
export interface Lab {
  readonly ca: TestCa;
  readonly dns: LocalDns;
  readonly web: LocalWeb;
  readonly dovecot: Dovecot;
  /** The greeters behind every name's 465 (implicit TLS) and 587 (STARTTLS). */
  readonly smtp: { readonly tls: ScriptedSmtp; readonly starttls: ScriptedSmtp };
  /** A discovery wired to the lab; `overrides` replace any dependency. */
  discovery(overrides?: Partial<DiscoveryDeps>): { discovery: Discovery; routed: RoutedConnect };
  close(): Promise<void>;
}

/** An A record pointing a name at the lab. */
export const atLab = [{ type: 'A', address: '127.0.0.1' }] as const;

/** Starts everything; `close()` stops it all. */
export async function startLab(options: LabOptions): Promise<Lab> {
  const ca = await createTestCa();
  const [webCertificate, imapCertificate, smtpCertificate] = await Promise.all([
    ca.issue({ names: ['ispdb.lab.test', ...options.webNames] }),
    ca.issue({ names: options.imapNames }),
    ca.issue({ names: options.smtpNames?.length ? options.smtpNames : ['smtp.lab.test'] }),
  ]);
  const [dns, web, dovecot, smtpTls, smtpStarttls] = await Promise.all([
    startLocalDns({ 'ispdb.lab.test': [...atLab], ...options.zone }, { answerDelayMs: options.dnsAnswerDelayMs }),
    startLocalWeb(webCertificate, options.routes),
    startDovecot({ certificate: imapCertificate, ...(options.dovecotConfig === undefined ? {} : { extraConfig: options.dovecotConfig }) }),
    startScriptedSmtp('smtps', smtpCertificate),
    startScriptedSmtp('smtp-starttls', smtpCertificate),
  ]);
  return {
    ca,
    dns,
    web,
    dovecot,
    smtp: { tls: smtpTls, starttls: smtpStarttls },
    discovery(overrides = {}) {
      const dnsPort = createDnsPort({ servers: [dns.server] });
      const routed = createRoutedConnect(dnsPort, {
        443: web.httpsPort,
        80: web.httpPort,
        993: dovecot.tlsPort,
        143: dovecot.starttlsPort,
        465: smtpTls.port,
        587: smtpStarttls.port,
      });
      const discovery = createDiscovery({
        ispdbBaseUrl: labIspdbBase,
        dns: dnsPort,
        connect: routed.connect,
        caCertificates: () => [ca.caPem],
        ...overrides,
      });
      return { discovery, routed };
    },
    async close() {
      await Promise.all([dns.close(), web.close(), dovecot.stop(), smtpTls.close(), smtpStarttls.close()]);
      await ca.remove();
    },
  };
}

/** A minimal autoconfig document with one IMAP server and, when `smtpHost` is given, one SMTP server on 465. */
export function autoconfigDocument(host: string, port = 993, socketType = 'SSL', name = 'Lab Mail', smtpHost?: string): string {
  const outgoing = smtpHost
    ? `<outgoingServer type="smtp"><hostname>${smtpHost}</hostname><port>465</port><socketType>SSL</socketType>
<username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></outgoingServer>`
    : '';
  return `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="lab"><displayName>${name}</displayName>
<incomingServer type="imap"><hostname>${host}</hostname><port>${port}</port><socketType>${socketType}</socketType>
<username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>${outgoing}</emailProvider></clientConfig>`;
}
