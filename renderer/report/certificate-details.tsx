// The server certificate behind a disclosure: who it is for, who issued it, validity, fingerprint.
import type { CertificateInfo } from '../../shared/check-report.ts';
import { messages } from '../messages/en.ts';
import { formatDateTime } from '../messages/format.ts';

export function CertificateDetails({ certificate }: { certificate: CertificateInfo }) {
  const m = messages.certificate;
  return (
    <details className="certificate">
      <summary>{m.summary}</summary>
      <dl>
        <dt>{m.subject}</dt>
        <dd>{certificate.subject}</dd>
        <dt>{m.issuer}</dt>
        <dd>{certificate.issuer}</dd>
        {certificate.validFrom && (
          <>
            <dt>{m.validFrom}</dt>
            <dd>{formatDateTime(certificate.validFrom)}</dd>
          </>
        )}
        <dt>{m.validTo}</dt>
        <dd>{formatDateTime(certificate.validTo)}</dd>
        {certificate.altNames && certificate.altNames.length > 0 && (
          <>
            <dt>{m.altNames}</dt>
            <dd>{certificate.altNames.join(', ')}</dd>
          </>
        )}
        <dt>{m.fingerprint}</dt>
        <dd>
          <code className="fingerprint">{certificate.fingerprint256}</code>
        </dd>
      </dl>
    </details>
  );
}
