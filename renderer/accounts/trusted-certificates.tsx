// The certificates an account trusts by the user's decision, each with why and a way to stop trusting it.
import type { TrustedCertificate } from '../../shared/account-summary.ts';
import { messages } from '../messages/en.ts';
import { certificateProblemText } from '../report/failure-hints.ts';
import { format, formatDateTime } from '../messages/format.ts';

export interface TrustedCertificatesProps {
  certificates: readonly TrustedCertificate[];
  onRevoke: (fingerprint256: string) => void;
}

export function TrustedCertificates({ certificates, onRevoke }: TrustedCertificatesProps) {
  if (certificates.length === 0) return null;
  const m = messages.accounts;
  return (
    <ul className="trusted">
      {certificates.map((certificate) => (
        <li key={certificate.fingerprint256} className="notice-block notice-warning">
          <p>{format(m.trustedCertificate, { host: certificate.host, port: certificate.port, problem: certificateProblemText(certificate.problem), when: formatDateTime(certificate.trustedAt) })}</p>
          <p>
            {format(messages.common.labelColon, { label: messages.certificate.fingerprint })} <code className="fingerprint">{certificate.fingerprint256}</code>
          </p>
          <button type="button" className="secondary" onClick={() => onRevoke(certificate.fingerprint256)}>
            {m.stopTrusting}
          </button>
        </li>
      ))}
    </ul>
  );
}
